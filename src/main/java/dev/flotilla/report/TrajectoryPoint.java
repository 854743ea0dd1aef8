package dev.flotilla.report;

/**
 * One pose sample of a robot.
 *
 * @param timeS seconds since the run's start
 * @param x metres along the map frame's x axis
 * @param y metres along the map frame's y axis
 */
public record TrajectoryPoint(double timeS, double x, double y) {

  /** Rejects non-finite values. */
  public TrajectoryPoint {
    Checks.finite(timeS, "trajectory.timeS");
    Checks.finite(x, "trajectory.x");
    Checks.finite(y, "trajectory.y");
  }
}
