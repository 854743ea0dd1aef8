package dev.flotilla.model;

/**
 * A point in a right-handed Cartesian frame (by default the fleet's {@code map} frame).
 *
 * @param x metres along the frame's x axis
 * @param y metres along the frame's y axis
 * @param z metres along the frame's z axis (up)
 */
public record Point3(double x, double y, double z) {

  /** The frame's origin. */
  public static final Point3 ORIGIN = new Point3(0, 0, 0);

  /**
   * Rejects non-finite coordinates, which would silently poison every distance computed later.
   */
  public Point3 {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
      throw new IllegalArgumentException(
          "A point needs finite coordinates, got (" + x + ", " + y + ", " + z + ").");
    }
  }

  /**
   * Builds a point on the ground plane.
   *
   * @param x metres along x
   * @param y metres along y
   * @return the point (x, y, 0)
   */
  public static Point3 of(double x, double y) {
    return new Point3(x, y, 0);
  }

  /**
   * Euclidean distance to another point in the same frame.
   *
   * @param other a point in the same frame
   * @return the distance in metres
   */
  public double distanceTo(Point3 other) {
    double dx = x - other.x;
    double dy = y - other.y;
    double dz = z - other.z;
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /**
   * Distance to another point projected on the ground (x-y) plane.
   *
   * @param other a point in the same frame
   * @return the planar distance in metres
   */
  public double planarDistanceTo(Point3 other) {
    return Math.hypot(x - other.x, y - other.y);
  }
}
