package dev.flotilla.node;

import dev.flotilla.model.Point3;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@link TaskRequest} field by field (the formula of an LTL task is checked by the LTL
 * planner, which knows the scenario). The first problem found is returned as a sentence
 * naming the field; a valid request yields nothing.
 */
final class TaskRequestValidator {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
  /** Longer formulas are refused before parsing; the automaton limits propositions anyway. */
  private static final int MAX_FORMULA = 4096;
  private final Map<String, Point3> regions;

  TaskRequestValidator(Map<String, Point3> regions) {
    this.regions = regions;
  }

  Optional<String> problem(TaskRequest t) {
    if (t.taskId().isEmpty()) {
      return Optional.of("task_id is empty");
    }
    if (!ID.matcher(t.taskId()).matches()) {
      return Optional.of("task_id '" + t.taskId() + "' must be 1-128 letters, digits, '_', '.' "
          + "or '-'");
    }
    return switch (t.kind()) {
      case TaskRequest.KIND_MULTI_ROBOT -> multiRobot(t);
      case TaskRequest.KIND_LTL -> t.ltlFormula().isBlank()
          ? Optional.of("ltl_formula is empty for an LTL task")
          : t.ltlFormula().length() > MAX_FORMULA
              ? Optional.of("ltl_formula has " + t.ltlFormula().length() + " characters; at most "
                  + MAX_FORMULA + " are accepted")
              : Optional.empty();
      default -> Optional.of("kind " + Byte.toUnsignedInt(t.kind()) + " is not KIND_LTL (0) "
          + "or KIND_MULTI_ROBOT (1)");
    };
  }

  private Optional<String> multiRobot(TaskRequest t) {
    if (!t.region().isEmpty() && !regions.containsKey(t.region())) {
      return Optional.of("region '" + t.region() + "' is not a known region");
    }
    var p = t.location();
    if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || !Double.isFinite(p.z())) {
      return Optional.of("location has a non-finite coordinate");
    }
    if (t.requiredRobots() < 1 || t.requiredRobots() > 1000) {
      return Optional.of("required_robots must be within 1..1000, got "
          + Integer.toUnsignedLong(t.requiredRobots()));
    }
    if (!Double.isFinite(t.baseUtility()) || t.baseUtility() <= 0) {
      return Optional.of("base_utility must be a finite number > 0, got " + t.baseUtility());
    }
    if (!Double.isFinite(t.decayRate()) || t.decayRate() < 0) {
      return Optional.of("decay_rate must be a finite number >= 0, got " + t.decayRate());
    }
    if (!Double.isFinite(t.duration()) || t.duration() < 0) {
      return Optional.of("duration must be a finite number >= 0, got " + t.duration());
    }
    if (!Double.isFinite(t.priority()) || t.priority() < 0) {
      return Optional.of("priority must be a finite number >= 0, got " + t.priority());
    }
    if (Stamps.seconds(t.deadline()) < 0) {
      return Optional.of("deadline is before the epoch");
    }
    for (String c : t.requiredCapabilities()) {
      if (c.isBlank()) {
        return Optional.of("required_capabilities holds an empty name");
      }
    }
    return Optional.empty();
  }
}
