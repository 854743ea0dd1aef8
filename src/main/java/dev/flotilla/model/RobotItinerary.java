package dev.flotilla.model;

import java.util.List;

/**
 * The ordered steps planned for one robot.
 *
 * @param robotId the robot
 * @param steps its steps in execution order (possibly none)
 */
public record RobotItinerary(String robotId, List<PlannedStep> steps) {

  /** Copies the step list, so the record stays immutable. */
  public RobotItinerary {
    steps = List.copyOf(steps);
  }
}
