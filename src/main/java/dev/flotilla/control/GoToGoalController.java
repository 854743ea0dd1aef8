package dev.flotilla.control;

import dev.flotilla.model.Pose2;

/**
 * A unicycle go-to-goal controller for robots driven by {@code cmd_vel} (a Gazebo diff-drive
 * plugin, say): turn towards the goal, drive when roughly facing it, slow down on approach, and
 * stay within the robot's speed limits. O(1) per call; stateless.
 */
public final class GoToGoalController {
  private final double maxLinear;
  private final double maxAngular;
  private final double tolerance;

  /**
   * A velocity command.
   *
   * @param linear forward speed in m/s (base frame x)
   * @param angular turn rate in rad/s (about base frame z)
   */
  public record Command(double linear, double angular) {
    /** Standing still. */
    public static final Command STOP = new Command(0, 0);
  }

  /**
   * @param maxLinear top forward speed (m/s), &gt; 0
   * @param maxAngular top turn rate (rad/s), &gt; 0
   * @param tolerance distance (m) at which the goal counts as reached, &gt; 0
   */
  public GoToGoalController(double maxLinear, double maxAngular, double tolerance) {
    if (!(maxLinear > 0) || !(maxAngular > 0) || !(tolerance > 0)) {
      throw new IllegalArgumentException("Controller limits must be positive, got linear "
          + maxLinear + " m/s, angular " + maxAngular + " rad/s, tolerance " + tolerance + " m.");
    }
    this.maxLinear = maxLinear;
    this.maxAngular = maxAngular;
    this.tolerance = tolerance;
  }

  /**
   * @param pose the robot's pose
   * @param goalX goal x in the same frame (m)
   * @param goalY goal y in the same frame (m)
   * @return the command; {@link Command#STOP} within the tolerance
   */
  public Command command(Pose2 pose, double goalX, double goalY) {
    double dx = goalX - pose.x();
    double dy = goalY - pose.y();
    double distance = Math.hypot(dx, dy);
    if (distance <= tolerance) {
      return Command.STOP;
    }
    double heading = Math.atan2(dy, dx) - pose.yaw();
    heading = Math.atan2(Math.sin(heading), Math.cos(heading));
    double angular = clamp(2.0 * heading, maxAngular);
    // Drive only when roughly facing the goal; slow down within a metre of it.
    double facing = Math.max(0, Math.cos(heading));
    double linear = Math.min(maxLinear, 0.8 * distance) * facing * facing;
    return new Command(linear, angular);
  }

  private static double clamp(double v, double limit) {
    return Math.max(-limit, Math.min(limit, v));
  }

  /** @return goal tolerance in metres */
  public double tolerance() {
    return tolerance;
  }
}
