package dev.flotilla.report;

import dev.flotilla.model.Point3;

/**
 * One position sample of a robot.
 *
 * @param timeS seconds since the run's start
 * @param position where the robot was in the map frame (m); the map shows x and y
 */
public record TrajectoryPoint(double timeS, Point3 position) {

  /** Rejects a non-finite time and a null position. */
  public TrajectoryPoint {
    RecordChecks.finite(timeS, "trajectory.timeS");
    RecordChecks.present(position, "trajectory.position");
  }
}
