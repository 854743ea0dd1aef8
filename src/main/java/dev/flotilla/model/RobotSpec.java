package dev.flotilla.model;

import java.nio.file.Path;
import java.util.Set;

/**
 * One robot as the parameter file describes it.
 *
 * @param id robot id, also its ROS 2 namespace (e.g. {@code tb3_1})
 * @param start where the robot's {@code odom} frame origin lies in the {@code map} frame (metres)
 * @param startYaw heading of the {@code odom} frame in {@code map}, radians counter-clockwise
 * @param maxSpeed top speed in m/s
 * @param maxAcceleration acceleration limit in m/s²
 * @param reliability ω_i of seed 001 Eq. (5): permanent-fault rate per unit of work, &ge; 0
 * @param costRate operating cost per second (seed 000's c), &ge; 0
 * @param capabilities named capabilities, e.g. {@code manipulation}
 * @param urdf URDF file to build the robot's resume from before its {@code robot_description}
 *     arrives, or null
 * @param agentType agent type of the LTL planning scenario this robot plays (seed 003 Definition
 *     5, e.g. {@code volunteer}); empty when the robot takes no LTL work
 * @param livenessFromOdometry whether the synchronizer judges liveness from the robot's odometry
 *     instead of heartbeats (robots that run no Flotilla agent)
 */
public record RobotSpec(String id, Point3 start, double startYaw, double maxSpeed,
    double maxAcceleration, double reliability, double costRate, Set<String> capabilities,
    Path urdf, String agentType, boolean livenessFromOdometry) {

  public RobotSpec {
    capabilities = Set.copyOf(capabilities);
    agentType = agentType == null ? "" : agentType;
  }

  /**
   * Converts a pose in the robot's odometry frame to the map frame, assuming the odom frame was
   * placed at {@link #start()} with {@link #startYaw()} when the robot started (as Gazebo and
   * wheel odometry do).
   *
   * @param odomX metres along odom x
   * @param odomY metres along odom y
   * @param odomZ metres along odom z
   * @return the same point in map
   */
  public Point3 odomToMap(double odomX, double odomY, double odomZ) {
    double c = Math.cos(startYaw);
    double s = Math.sin(startYaw);
    return new Point3(start.x() + c * odomX - s * odomY, start.y() + s * odomX + c * odomY,
        start.z() + odomZ);
  }
}
