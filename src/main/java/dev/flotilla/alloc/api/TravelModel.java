package dev.flotilla.alloc.api;

import dev.flotilla.model.Point3;

/**
 * How far apart two places are for a ground robot, and where a robot is along that route. Travel
 * time τ_i(l1, l2) of Eqs. (12)–(13) is the route length driven with robot i's trapezoidal speed
 * profile (rest to rest, max speed and acceleration), see {@link #travelTime}.
 */
public interface TravelModel {

  /**
   * Route length between two places.
   *
   * @param from metres in the map frame
   * @param to metres in the map frame
   * @return metres along the route; {@code Double.POSITIVE_INFINITY} when unreachable
   */
  double distance(Point3 from, Point3 to);

  /**
   * The point reached after driving {@code travelled} metres along the route.
   *
   * @param from metres in the map frame
   * @param to metres in the map frame
   * @param travelled metres along the route, clamped to [0, distance]
   * @return the point, metres in the map frame
   */
  Point3 pointAlong(Point3 from, Point3 to, double travelled);

  /**
   * τ_i(from, to): rest-to-rest time on the route with a trapezoidal (or triangular) profile.
   *
   * @param robot supplies max speed (m/s) and acceleration (m/s²)
   * @param from metres in the map frame
   * @param to metres in the map frame
   * @return seconds
   */
  default double travelTime(Robot robot, Point3 from, Point3 to) {
    return TrapezoidalProfile.time(distance(from, to), robot.maxSpeed(), robot.maxAcceleration());
  }
}
