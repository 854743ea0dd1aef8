package dev.flotilla.alloc.api;

/**
 * Rest-to-rest motion along a route with bounded speed v and acceleration a: accelerate, cruise,
 * decelerate (a triangle when the route is shorter than v²/a). Constant time per call.
 */
public final class TrapezoidalProfile {
  private TrapezoidalProfile() {}

  /**
   * Time to cover a distance.
   *
   * @param distance metres (&ge; 0, may be infinite)
   * @param maxSpeed m/s
   * @param maxAcceleration m/s²
   * @return seconds
   */
  public static double time(double distance, double maxSpeed, double maxAcceleration) {
    if (distance <= 0) {
      return 0;
    }
    double rampDistance = maxSpeed * maxSpeed / maxAcceleration;
    if (distance >= rampDistance) {
      return distance / maxSpeed + maxSpeed / maxAcceleration;
    }
    return 2 * Math.sqrt(distance / maxAcceleration);
  }

  /**
   * Distance covered after some time on a route of the given length.
   *
   * @param distance route length, metres
   * @param elapsed seconds since departure
   * @param maxSpeed m/s
   * @param maxAcceleration m/s²
   * @return metres travelled, within [0, distance]
   */
  public static double travelled(
      double distance, double elapsed, double maxSpeed, double maxAcceleration) {
    double total = time(distance, maxSpeed, maxAcceleration);
    if (elapsed <= 0) {
      return 0;
    }
    if (elapsed >= total) {
      return distance;
    }
    double peak = Math.min(maxSpeed, Math.sqrt(distance * maxAcceleration));
    double ramp = peak / maxAcceleration;
    double rampDistance = 0.5 * peak * ramp;
    if (elapsed <= ramp) {
      return 0.5 * maxAcceleration * elapsed * elapsed;
    }
    double cruiseEnd = total - ramp;
    if (elapsed <= cruiseEnd) {
      return rampDistance + peak * (elapsed - ramp);
    }
    double left = total - elapsed;
    return distance - 0.5 * maxAcceleration * left * left;
  }
}
