package dev.flotilla.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.cockpit.FleetObserver;
import dev.flotilla.cockpit.FleetSnapshot;
import dev.flotilla.ros.NodeClock;
import java.util.concurrent.TimeUnit;

/**
 * The page's data: the observer's snapshot plus robot poses, regions, whether the fleet has been
 * heard and the fleet clock's now, as one JSON object. Every change bumps a version; stream
 * clients wait for a new version, and the JSON is built once per version however many clients
 * read it. Thread-safe.
 */
final class SnapshotFeed implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FleetObserver observer;
  private final MapFeed map;
  private final NodeClock clock;
  private final AutoCloseable listener;
  private long version;
  private long builtVersion = -1;
  private String built;
  private boolean closed;

  /**
   * @param observer the fleet's state (its listener is added here)
   * @param map robot poses and regions (it calls {@link #changed} itself)
   * @param clock the fleet's clock, for the Gantt chart's now line
   */
  SnapshotFeed(FleetObserver observer, MapFeed map, NodeClock clock) {
    this.observer = observer;
    this.map = map;
    this.clock = clock;
    this.listener = observer.addListener(s -> changed());
  }

  /** Something changed: stream clients send a new snapshot (rate-limited by them). */
  synchronized void changed() {
    version++;
    notifyAll();
  }

  /** @return the current version (for {@link #awaitAfter}) */
  synchronized long version() {
    return version;
  }

  /**
   * @param seen the last version a client sent
   * @param millis at most this long
   * @return the version now: greater than {@code seen} when something changed, -1 once closed
   */
  synchronized long awaitAfter(long seen, long millis) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!closed && version <= seen) {
      long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return closed ? -1 : version;
  }

  /** @return the page's data now, as JSON */
  synchronized String json() {
    if (builtVersion != version || built == null) {
      built = render(observer.snapshot());
      builtVersion = version;
    }
    return built;
  }

  private String render(FleetSnapshot s) {
    ObjectNode root = JSON.valueToTree(s);
    root.put("heard", observer.heard());
    root.put("now", clock.now());
    root.set("positions", JSON.valueToTree(map.poses()));
    root.set("regions", JSON.valueToTree(map.regions()));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render the fleet snapshot as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    notifyAll();
    try {
      listener.close();
    } catch (Exception e) {
      // Removing a listener does not fail.
    }
  }
}
