package dev.flotilla.sim;

import dev.flotilla.msgs.rosgraph_msgs.Clock;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.QosProfile;

/**
 * The demo's clock: wall time at speed 1, else simulated time published on {@code /clock} from 0
 * (as Gazebo does) and advanced {@code speed} times faster than the wall clock, which the nodes
 * follow with {@code use_sim_time}. Each call is O(1).
 */
final class DemoClock {
  private final double speed;
  private final Bus.Publisher<Clock> clock;
  private volatile double simNow;

  /**
   * @param speed simulated seconds per wall-clock second; 1 keeps the wall clock
   * @param bus where {@code /clock} is published when the time is simulated
   */
  DemoClock(double speed, Bus bus) {
    this.speed = speed;
    this.clock = speed == 1 ? null : bus.publisher("/clock", Clock.TYPE, QosProfile.SENSOR_DATA);
  }

  /** @return the time the demo's robots and observers read */
  NodeClock clock() {
    return speed == 1 ? NodeClock.SYSTEM : () -> simNow;
  }

  /**
   * Simulated seconds per robot step: 0.1 s, longer above 10x so that the wall-clock rate of
   * heartbeats and odometry stays bounded.
   */
  double step() {
    return FleetSimulator.stepSeconds(speed);
  }

  /** Publishes the current simulated time, when the time is simulated. */
  void publishClock() {
    if (clock != null) {
      clock.publish(new Clock(NodeClock.Stamps.time(simNow)));
    }
  }

  /** @return whether the time is simulated (speed other than 1) */
  boolean simulated() {
    return clock != null;
  }

  /** Lets wall time pass while simulated time stands still. */
  void hold() throws InterruptedException {
    Thread.sleep(10);
    publishClock();
  }

  /** Sleeps the wall-clock share of {@code dt}, then advances simulated time by {@code dt}. */
  void advance(double dt) throws InterruptedException {
    Thread.sleep(Math.max(1, Math.round(dt * 1000 / speed)));
    if (clock != null) {
      simNow += dt;
      publishClock();
    }
  }
}
