package dev.flotilla.sim;

import dev.flotilla.model.Point3;

/**
 * A point robot that drives straight to a goal with bounded speed and acceleration, braking to
 * stop on it — the motion the allocator's trapezoidal travel-time model assumes. Mutable; one
 * instance per simulated robot, stepped by its owner. Each step is O(1).
 */
public final class KinematicRobot {
  private final double maxSpeed;
  private final double maxAcceleration;
  private Point3 position;
  private double speed;

  /**
   * @param start initial position in the map frame (m)
   * @param maxSpeed top speed (m/s), &gt; 0
   * @param maxAcceleration acceleration and braking limit (m/s²), &gt; 0
   */
  public KinematicRobot(Point3 start, double maxSpeed, double maxAcceleration) {
    if (!(maxSpeed > 0) || !(maxAcceleration > 0)) {
      throw new IllegalArgumentException("A robot needs positive speed and acceleration limits, "
          + "got " + maxSpeed + " m/s and " + maxAcceleration + " m/s².");
    }
    this.position = start;
    this.maxSpeed = maxSpeed;
    this.maxAcceleration = maxAcceleration;
  }

  /** @return current position in the map frame (m) */
  public Point3 position() {
    return position;
  }

  /** @return current speed (m/s) */
  public double speed() {
    return speed;
  }

  /**
   * Advances the robot towards a goal.
   *
   * @param goal target in the map frame (m)
   * @param dt time step (s), &gt; 0
   * @return whether the robot is on the goal and stopped
   */
  public boolean driveTowards(Point3 goal, double dt) {
    double distance = position.distanceTo(goal);
    if (distance < 1e-9) {
      speed = 0;
      position = goal;
      return true;
    }
    // Fastest speed from which we can still brake to rest on the goal.
    double brakingLimit = Math.sqrt(2 * maxAcceleration * distance);
    double target = Math.min(maxSpeed, brakingLimit);
    speed = speed < target ? Math.min(target, speed + maxAcceleration * dt)
        : Math.max(target, speed - maxAcceleration * dt);
    double step = Math.min(distance, speed * dt);
    double f = step / distance;
    position = new Point3(position.x() + f * (goal.x() - position.x()),
        position.y() + f * (goal.y() - position.y()), position.z() + f * (goal.z() - position.z()));
    if (step >= distance) {
      speed = 0;
      return true;
    }
    return false;
  }

  /** Stops at once (e.g. the robot died or was told to wait). */
  public void stop() {
    speed = 0;
  }
}
