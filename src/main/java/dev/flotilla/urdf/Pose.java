package dev.flotilla.urdf;

/**
 * A URDF {@code <origin>}: translation then fixed-axis roll-pitch-yaw rotation (R = Rz·Ry·Rx).
 *
 * @param x metres along the parent frame's x axis
 * @param y metres along the parent frame's y axis
 * @param z metres along the parent frame's z axis
 * @param roll radians about the parent x axis
 * @param pitch radians about the parent y axis
 * @param yaw radians about the parent z axis
 */
public record Pose(double x, double y, double z, double roll, double pitch, double yaw) {

  /** The identity pose (URDF default when {@code <origin>} is absent). */
  public static final Pose IDENTITY = new Pose(0, 0, 0, 0, 0, 0);
}
