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
 * is accepted again, since a robot that restarts counts from zero.
 *
 * <p>The monitor does not mistake its own starvation for a robot's silence. Its caller reports
 * stretches during which it could not observe ({@link #addBlindTime}: its process was descheduled
 * or paused by the garbage collector) and the current backlog of its input ({@link #poll(double,
 * double)}: how much older than usual the freshest heartbeats it processed were). A robot's
 * silence is counted without the blind time that fell within it and without the backlog, so a
 * robot whose heartbeats were sent but not yet seen is not failed. The discount is capped at one
 * timeout: a robot silent for twice the timeout is failed however starved the monitor was.
 *
 * <p>Thread-safe (heartbeats may be taken on a delivery thread while another polls); each call
 * is O(1) except {@link #poll}, O(n robots).
 */
public final class HeartbeatMonitor {
  private double timeout;
  private final boolean discover;
  private final Map<String, RobotLiveness> robots = new LinkedHashMap<>();
  /** Total blind time reported so far, seconds on the monitor's clock; only grows. */
  private double blind;

  private static final class RobotLiveness {
    long lastSequence = -1;
    double lastSeen = Double.NaN;
    /** {@link #blind} when the last heartbeat was accepted. */
    double blindAtLastSeen;
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
  public synchronized HeartbeatVerdict onHeartbeat(String robotId, long sequence, double now,
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
    r.blindAtLastSeen = blind;
    return HeartbeatVerdict.ACCEPTED;
  }

  /**
   * Reports a stretch during which the monitor could not observe: its thread was descheduled or
   * the process paused. Silences that span it are shortened by it.
   *
   * @param seconds length of the stretch, in seconds on the monitor's clock, &ge; 0
   */
  /**
   * Changes the timeout from now on (a live parameter change): a robot already silent for longer
   * than the new timeout is failed at the next {@link #poll}.
   *
   * @param seconds the new timeout, &gt; 0
   */
  public synchronized void setTimeout(double seconds) {
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      throw new IllegalArgumentException("The heartbeat timeout must be a positive number of "
          + "seconds, got " + seconds + ".");
    }
    timeout = seconds;
  }

  public synchronized void addBlindTime(double seconds) {
    if (!(seconds >= 0) || !Double.isFinite(seconds)) {
      throw new IllegalArgumentException("Blind time must be a finite number of seconds >= 0, "
          + "got " + seconds + ".");
    }
    blind += seconds;
  }

  /** @return total blind time reported, seconds */
  public synchronized double blindTime() {
    return blind;
  }

  /**
   * Declares failed every robot silent for longer than the timeout. A robot never heard from is
   * not failed by this: it has not joined yet.
   *
   * @param now monitor time in seconds
   * @return the FAILED transitions, in fleet order
   */
  public List<Liveness> poll(double now) {
    return poll(now, 0);
  }

  /**
   * Declares failed every robot silent for longer than the timeout, not counting the monitor's
   * blind time within the silence nor the backlog of its input; the two discounts together are at
   * most one timeout.
   *
   * @param now monitor time in seconds
   * @param backlog how far behind its senders the monitor's input is, in seconds, &ge; 0
   * @return the FAILED transitions, in fleet order
   */
  public synchronized List<Liveness> poll(double now, double backlog) {
    double lag = Double.isFinite(backlog) && backlog > 0 ? backlog : 0;
    List<Liveness> failed = new ArrayList<>();
    for (Map.Entry<String, RobotLiveness> e : robots.entrySet()) {
      RobotLiveness r = e.getValue();
      if (!r.seen || r.failed) {
        continue;
      }
      double silence = now - r.lastSeen;
      double discount = Math.min(timeout, blind - r.blindAtLastSeen + lag);
      if (silence - discount > timeout) {
        r.failed = true;
        failed.add(new Liveness(e.getKey(), Liveness.Kind.FAILED, now, now - r.lastSeen));
      }
    }
    return failed;
  }

  /** @return ids of the robots that joined and are not failed */
  public synchronized Set<String> alive() {
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
  public synchronized Optional<Double> lastSeen(String robotId) {
    RobotLiveness r = robots.get(robotId);
    return r == null || !r.seen ? Optional.empty() : Optional.of(r.lastSeen);
  }
}
