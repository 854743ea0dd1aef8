package dev.flotilla.report;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the run-record values; each message names the offending field. */
final class Checks {

  private Checks() {}

  static String text(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("Run record field '" + field + "' must not be null.");
    }
    return value;
  }

  static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "Run record field '" + field + "' must be a finite number, got " + value + ".");
    }
    return value;
  }

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
