package dev.flotilla.report;

import dev.flotilla.model.Point3;
import java.util.List;
import java.util.Objects;

/**
 * Argument checks shared by the run-record values; each message names the offending field, as
 * {@code Run record field '<field>' …}.
 */
final class RecordChecks {

  private RecordChecks() {}

  /** @return {@code value}, if it is not null */
  static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("Run record field '" + field + "' must not be null.");
    }
    return value;
  }

  /** @return {@code value}, if it is finite */
  static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "Run record field '" + field + "' must be a finite number, got " + value + ".");
    }
    return value;
  }

  /**
   * A place on the map's ground plane from loose coordinates.
   *
   * @param x metres along the map frame's x axis
   * @param y metres along the map frame's y axis
   * @param field the record the place belongs to, e.g. {@code landmark} (messages name
   *     {@code landmark.x} and {@code landmark.y})
   * @return the point (x, y, 0)
   */
  static Point3 point(double x, double y, String field) {
    finite(x, field + ".x");
    finite(y, field + ".y");
    return Point3.of(x, y);
  }

  /**
   * Checks a step's times: both finite, and the end not before the start.
   *
   * @param record the record's name in messages, e.g. {@code plannedStep}
   * @param startField the start's name, e.g. {@code startS}
   * @param start seconds since the run's start
   * @param endField the end's name, e.g. {@code finishS}
   * @param end seconds since the run's start
   * @param taskId the step's task, named in the message
   */
  static void interval(String record, String startField, double start, String endField,
      double end, String taskId) {
    finite(start, record + "." + startField);
    finite(end, record + "." + endField);
    if (end < start) {
      throw new IllegalArgumentException("Run record field '" + record + "." + endField + "' ("
          + end + ") is before '" + record + "." + startField + "' (" + start + ") for task "
          + taskId + ".");
    }
  }

  /** @return an unmodifiable copy of {@code values}, if neither it nor an entry is null */
  static <T> List<T> list(List<T> values, String field) {
    if (values == null) {
      throw new IllegalArgumentException("Run record list '" + field + "' must not be null.");
    }
    for (int i = 0; i < values.size(); i++) {
      Objects.requireNonNull(values.get(i), () -> "Run record list '" + field + "' has null entry");
    }
    return List.copyOf(values);
  }
}
