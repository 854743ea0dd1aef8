package dev.flotilla.model;

/**
 * A planar pose.
 *
 * @param x metres along the frame's x axis
 * @param y metres along the frame's y axis
 * @param yaw heading in radians, counter-clockwise from x
 */
public record Pose2(double x, double y, double yaw) {

  /** @return whether every coordinate is finite */
  public boolean isFinite() {
    return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(yaw);
  }

  /**
   * Composes this pose (of frame B in frame A) with a pose expressed in B.
   *
   * @param inB a pose in frame B
   * @return the same pose in frame A
   */
  public Pose2 compose(Pose2 inB) {
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    return new Pose2(x + c * inB.x - s * inB.y, y + s * inB.x + c * inB.y, yaw + inB.yaw);
  }

  /**
   * @param other a pose in the same frame
   * @return planar distance in metres
   */
  public double distanceTo(Pose2 other) {
    return Math.hypot(other.x - x, other.y - y);
  }

  /**
   * @param qz z component of a unit quaternion
   * @param qw w component of a unit quaternion
   * @param qx x component
   * @param qy y component
   * @return the yaw (rotation about z) it encodes, radians
   */
  public static double yawOf(double qx, double qy, double qz, double qw) {
    return Math.atan2(2 * (qw * qz + qx * qy), 1 - 2 * (qy * qy + qz * qz));
  }
}
