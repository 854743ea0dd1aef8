package dev.flotilla.urdf;

/**
 * A unit joint axis in the joint frame (URDF default: x).
 *
 * @param x component along the joint frame's x axis
 * @param y component along the joint frame's y axis
 * @param z component along the joint frame's z axis
 */
public record Axis(double x, double y, double z) {

  /** URDF's default axis. */
  public static final Axis X = new Axis(1, 0, 0);

  /**
   * Normalises a direction; a zero vector (written by some exporters for fixed joints) becomes x.
   *
   * @param x component along x
   * @param y component along y
   * @param z component along z
   * @return the unit axis
   */
  public static Axis normalised(double x, double y, double z) {
    double n = Math.sqrt(x * x + y * y + z * z);
    return n < 1e-12 ? X : new Axis(x / n, y / n, z / n);
  }
}
