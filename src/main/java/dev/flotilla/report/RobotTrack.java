package dev.flotilla.report;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A robot's path through the run and, if it died, when.
 *
 * @param robot the robot's name
 * @param trajectory pose samples in time order
 * @param failureTimeS seconds since the run's start at which the robot failed for good; empty if
 *     it survived
 */
public record RobotTrack(String robot, List<TrajectoryPoint> trajectory,
    OptionalDouble failureTimeS) {

  /** Copies the trajectory and rejects nulls and a non-finite failure time. */
  public RobotTrack {
    RecordChecks.present(robot, "robot.name");
    trajectory = RecordChecks.list(trajectory, "robot " + robot + " trajectory");
    if (failureTimeS == null) {
      throw new IllegalArgumentException(
          "Run record field 'robot " + robot + " failureTimeS' must not be null (use empty).");
    }
    failureTimeS.ifPresent(t -> RecordChecks.finite(t, "robot " + robot + " failureTimeS"));
  }

  /** Whether the robot failed during the run. */
  public boolean failed() {
    return failureTimeS.isPresent();
  }
}
