package dev.flotilla.liveness;

import java.util.HashMap;
import java.util.Map;

/**
 * Estimates how far behind its senders a monitor's input is, from the send stamps the heartbeats
 * carry: a heartbeat's delay is its receipt time minus its stamp, and its excess is that delay
 * minus the smallest delay seen from the same robot (which absorbs a constant clock offset between
 * robot and monitor). The backlog of an interval is the smallest excess among the heartbeats taken
 * in it: if even the freshest of them was late by that much, the monitor's own pipeline is that
 * far behind, whatever one robot with a drifting or lying clock reports. Thread-safe; each call is
 * O(1) expected.
 */
public final class InputBacklog {
  private final Map<String, Double> smallestDelay = new HashMap<>();
  private double intervalMin = Double.POSITIVE_INFINITY;

  /**
   * Takes one heartbeat.
   *
   * @param robotId sender
   * @param stamp send time the heartbeat carries, seconds on the sender's clock
   * @param received receipt time, seconds on the monitor's clock
   */
  public synchronized void heard(String robotId, double stamp, double received) {
    if (!Double.isFinite(stamp) || !Double.isFinite(received)) {
      return;
    }
    double delay = received - stamp;
    Double best = smallestDelay.get(robotId);
    if (best == null || delay < best) {
      smallestDelay.put(robotId, delay);
      best = delay;
    }
    intervalMin = Math.min(intervalMin, delay - best);
  }

  /**
   * Forgets a robot's delay baseline, e.g. when it restarted with another clock.
   *
   * @param robotId the robot
   */
  public synchronized void forget(String robotId) {
    smallestDelay.remove(robotId);
  }

  /**
   * Ends the current interval.
   *
   * @return the backlog of the interval just ended in seconds (0 when no heartbeat was taken)
   */
  public synchronized double endInterval() {
    double backlog = Double.isFinite(intervalMin) ? intervalMin : 0;
    intervalMin = Double.POSITIVE_INFINITY;
    return backlog;
  }
}
