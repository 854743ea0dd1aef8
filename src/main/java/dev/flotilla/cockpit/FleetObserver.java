package dev.flotilla.cockpit;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows a running fleet's topics — the latched allocation, the events (with their
 * transient-local history, so a late observer learns who failed and which tasks were accepted),
 * robots' heartbeats, accepted tasks and resumes — and keeps a {@link FleetSnapshot} of it.
 * Listeners get a fresh snapshot after every change: every plan, event and accepted task, and a
 * heartbeat when it changes what a robot does (or at most once a second per robot otherwise, so a
 * table's heartbeat ages stay current without 10 Hz × N redraws). Thread-safe; listeners run on
 * the bus's delivery thread and should be quick.
 */
public final class FleetObserver implements AutoCloseable {
  /** Events kept for the snapshot's log. */
  public static final int EVENTS_KEPT = 50;
  private static final Logger LOG = Logger.getLogger("flotilla.cockpit");
  private static final long HEARTBEAT_NOTIFY_NANOS = 1_000_000_000L;

  private final FleetState state = new FleetState();
  private final LongSupplier nanos;
  private final List<Consumer<FleetSnapshot>> listeners = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private long lastHeartbeatNotify = Long.MIN_VALUE;
  private volatile boolean heard;

  /**
   * Subscribes at once.
   *
   * @param bus the transport (signatures are checked by it when it is a {@code SecureBus})
   * @param namespace the fleet's namespace, {@code /} by default
   */
  public FleetObserver(Bus bus, String namespace) {
    this(bus, namespace, System::nanoTime);
  }

  /**
   * @param bus the transport
   * @param namespace the fleet's namespace
   * @param nanos this process's monotonic clock, for heartbeat ages (tests drive it)
   */
  public FleetObserver(Bus bus, String namespace, LongSupplier nanos) {
    this.nanos = nanos;
    subscriptions.add(bus.subscribe(TopicNames.resolve(namespace, TopicNames.ACCEPTED_TASKS),
        TaskRequest.TYPE, FlotillaQos.ACCEPTED_TASKS, t -> update(() -> {
          state.acceptedTask(t);
          return true;
        })));
    subscriptions.add(bus.subscribe(TopicNames.resolve(namespace, TopicNames.EVENTS),
        FleetEvent.TYPE, FlotillaQos.EVENTS, e -> update(() -> {
          state.event(e);
          return true;
        })));
    subscriptions.add(bus.subscribe(TopicNames.resolve(namespace, TopicNames.ALLOCATION),
        Allocation.TYPE, FlotillaQos.ALLOCATION, a -> update(() -> state.allocation(a))));
    subscriptions.add(bus.subscribe(TopicNames.resolve(namespace, TopicNames.HEARTBEAT),
        Heartbeat.TYPE, QosProfile.SENSOR_DATA, h -> update(() -> {
          long now = nanos.getAsLong();
          boolean changed = state.heartbeat(h, now);
          if (changed || now - lastHeartbeatNotify >= HEARTBEAT_NOTIFY_NANOS) {
            lastHeartbeatNotify = now;
            return true;
          }
          return false;
        })));
    subscriptions.add(bus.subscribe(TopicNames.resolve(namespace, TopicNames.RESUMES),
        dev.flotilla.msgs.std_msgs.String.TYPE, new QosProfile(true, true, 1000),
        s -> update(() -> {
          state.resume(s.data());
          return true;
        })));
  }

  /** A change to the state that says whether listeners should hear of it. */
  private interface Change {
    boolean apply();
  }

  private void update(Change change) {
    FleetSnapshot snapshot;
    synchronized (state) {
      heard = true;
      if (!change.apply() || listeners.isEmpty()) {
        return;
      }
      snapshot = state.snapshot(nanos.getAsLong());
    }
    for (Consumer<FleetSnapshot> l : listeners) {
      try {
        l.accept(snapshot);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A fleet snapshot listener failed", e);
      }
    }
  }

  /** @return the fleet now (heartbeat ages computed at this call) */
  public FleetSnapshot snapshot() {
    synchronized (state) {
      return state.snapshot(nanos.getAsLong());
    }
  }

  /** @return whether anything of the fleet has been received */
  public boolean heard() {
    return heard;
  }

  /**
   * @param listener called with a new snapshot after each change, on a delivery thread
   * @return a handle that removes the listener when closed
   */
  public AutoCloseable addListener(Consumer<FleetSnapshot> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Stops the subscriptions; the bus belongs to the caller. */
  @Override
  public void close() {
    listeners.clear();
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        // The bus is closing anyway.
      }
    }
  }
}
