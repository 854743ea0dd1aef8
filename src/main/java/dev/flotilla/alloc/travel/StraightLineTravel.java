package dev.flotilla.alloc.travel;

import dev.flotilla.alloc.api.TravelModel;
import dev.flotilla.model.Point3;

/** Straight-line routes in the plane (z ignored), as in §4 of seed 001. O(1) per query. */
public final class StraightLineTravel implements TravelModel {

  @Override
  public double distance(Point3 from, Point3 to) {
    return from.planarDistanceTo(to);
  }

  @Override
  public Point3 pointAlong(Point3 from, Point3 to, double travelled) {
    double d = distance(from, to);
    if (d <= 0) {
      return from;
    }
    double f = Math.max(0, Math.min(1, travelled / d));
    return new Point3(from.x() + f * (to.x() - from.x()), from.y() + f * (to.y() - from.y()),
        from.z() + f * (to.z() - from.z()));
  }
}
