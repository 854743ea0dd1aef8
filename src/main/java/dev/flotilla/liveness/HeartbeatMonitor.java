package dev.flotilla.liveness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which robots are alive from their heartbeats: a robot whose last accepted heartbeat is
 * older than {@code timeout} is failed, and one that speaks again is recovered — never silently.
 *
 * <p>Sequence numbers must increase while a robot is alive; duplicates and reorderings are
 * rejected so a delayed packet cannot mask a failure. Once a robot is failed, any sequence number
 * is accepted again, since a robot that restarts counts from zero. Not thread-safe: the
 * synchronizer node calls it from one thread. Each call is O(1) except {@link #poll}, O(n robots).
 */
public final class HeartbeatMonitor {
  private final double timeout;
  private final boolean discover;
  private final Map<String, RobotLiveness> robots = new LinkedHashMap<>();

  private static final class RobotLiveness {
    long lastSequence = -1;
    double lastSeen = Double.NaN;
    boolean failed;
    boolean seen;
  }

  /**
   * @param timeout seconds of silence after which a robot is failed, &gt; 0
   * @param fleet ids of the robots expected in the fleet
   * @param discover whether heartbeats from robots outside {@code fleet} add them to it
   */
  public HeartbeatMonitor(double timeout, Collection<String> fleet, boolean discover) {
    if (!(timeout > 0) || !Double.isFinite(timeout)) {
      throw new IllegalArgumentException("The heartbeat timeout must be a positive number of "
          + "seconds, got " + timeout + ".");
    }
    this.timeout = timeout;
    this.discover = discover;
    for (String id : fleet) {
      robots.put(id, new RobotLiveness());
    }
  }

  /**
   * Takes one heartbeat.
   *
   * @param robotId sender
   * @param sequence sender's sequence number (unsigned values above 2^63 are not expected)
   * @param now monitor time in seconds
   * @param events receives a JOINED or RECOVERED transition caused by this heartbeat
   * @return what was done with it
   */
  public HeartbeatVerdict onHeartbeat(String robotId, long sequence, double now,
      List<Liveness> events) {
    RobotLiveness r = robots.get(robotId);
    if (r == null) {
      if (!discover) {
        return HeartbeatVerdict.UNKNOWN_ROBOT;
      }
      r = new RobotLiveness();
      robots.put(robotId, r);
    }
    if (r.seen && !r.failed) {
      if (sequence == r.lastSequence) {
        return HeartbeatVerdict.DUPLICATE;
      }
      if (Long.compareUnsigned(sequence, r.lastSequence) < 0) {
        return HeartbeatVerdict.OUT_OF_ORDER;
      }
    }
    if (!r.seen) {
      events.add(new Liveness(robotId, Liveness.Kind.JOINED, now, 0));
    } else if (r.failed) {
      events.add(new Liveness(robotId, Liveness.Kind.RECOVERED, now, now - r.lastSeen));
    }
    r.seen = true;
    r.failed = false;
    r.lastSequence = sequence;
    r.lastSeen = now;
    return HeartbeatVerdict.ACCEPTED;
  }

  /**
   * Declares failed every robot silent for longer than the timeout. A robot never heard from is
   * not failed by this: it has not joined yet.
   *
   * @param now monitor time in seconds
   * @return the FAILED transitions, in fleet order
   */
  public List<Liveness> poll(double now) {
    List<Liveness> failed = new ArrayList<>();
    for (Map.Entry<String, RobotLiveness> e : robots.entrySet()) {
      RobotLiveness r = e.getValue();
      if (r.seen && !r.failed && now - r.lastSeen > timeout) {
        r.failed = true;
        failed.add(new Liveness(e.getKey(), Liveness.Kind.FAILED, now, now - r.lastSeen));
      }
    }
    return failed;
  }

  /** @return ids of the robots that joined and are not failed */
  public Set<String> alive() {
    Set<String> ids = new LinkedHashSet<>();
    robots.forEach((id, r) -> {
      if (r.seen && !r.failed) {
        ids.add(id);
      }
    });
    return ids;
  }

  /**
   * @param robotId a robot
   * @return the monitor time of its last accepted heartbeat, if any
   */
  public Optional<Double> lastSeen(String robotId) {
    RobotLiveness r = robots.get(robotId);
    return r == null || !r.seen ? Optional.empty() : Optional.of(r.lastSeen);
  }
}
