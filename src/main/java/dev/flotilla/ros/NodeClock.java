package dev.flotilla.ros;

import dev.flotilla.msgs.builtin_interfaces.Time;
import dev.flotilla.msgs.rosgraph_msgs.Clock;

/**
 * A node's notion of "now": wall time, or the simulation time on {@code /clock} when
 * {@code use_sim_time} is true, as in rclcpp.
 */
public interface NodeClock {

  /** @return current time in seconds since the Unix epoch (wall) or the simulation's origin */
  double now();

  /** The system's wall clock. */
  NodeClock SYSTEM = () -> System.currentTimeMillis() / 1e3;

  /**
   * A clock driven by {@code /clock}. It reads 0 until the first message, so a node started before
   * the simulator makes no timing decisions on a meaningless time.
   *
   * @param bus where {@code /clock} is published
   * @return the simulation clock
   */
  static NodeClock simulated(Bus bus) {
    double[] latest = {0};
    bus.subscribe("/clock", Clock.TYPE, QosProfile.SENSOR_DATA,
        c -> latest[0] = Math.max(latest[0], Stamps.seconds(c.clock())));
    return () -> latest[0];
  }

  /**
   * Conversions between seconds and {@code builtin_interfaces/Time}.
   */
  final class Stamps {
    private Stamps() {}

    /**
     * @param seconds time in seconds, finite
     * @return the same time as (sec, nanosec) with 0 &le; nanosec &lt; 1e9
     */
    public static Time time(double seconds) {
      long nanos = Math.round(seconds * 1e9);
      return new Time((int) Math.floorDiv(nanos, 1_000_000_000L),
          (int) Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * @param time a ROS time
     * @return seconds
     */
    public static double seconds(Time time) {
      return time.sec() + Integer.toUnsignedLong(time.nanosec()) / 1e9;
    }
  }
}
