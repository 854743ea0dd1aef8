package dev.flotilla.dashboard;

import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the configured robots are, in {@code map}: each robot's odometry (in its {@code odom}
 * frame) placed by its start pose from the fleet's parameters — the agent's own fallback when no
 * {@code /tf} is published. Robots without a configured start pose are not drawn. Thread-safe.
 */
final class MapFeed implements AutoCloseable {

  /**
   * A robot on the map.
   *
   * @param x metres in map
   * @param y metres in map
   * @param yaw radians in map
   */
  record Pose(double x, double y, double yaw) {}

  private final Map<String, Pose> poses = new LinkedHashMap<>();
  private final Map<String, Point3> regions;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();

  /**
   * @param bus the transport
   * @param namespace the fleet's namespace
   * @param robots configured robots (start poses); their start is shown until odometry arrives
   * @param regions named places, drawn as sites
   * @param changed told after each pose update (the server rate-limits what it sends)
   */
  MapFeed(Bus bus, String namespace, List<RobotSpec> robots, Map<String, Point3> regions,
      Runnable changed) {
    this.regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
    for (RobotSpec r : robots) {
      poses.put(r.id(), new Pose(r.start().x(), r.start().y(), r.startYaw()));
      double c = Math.cos(r.startYaw());
      double s = Math.sin(r.startYaw());
      subscriptions.add(bus.subscribe(TopicNames.odometry(namespace, r.id()), Odometry.TYPE,
          QosProfile.SENSOR_DATA, o -> {
            var p = o.pose().pose().position();
            var q = o.pose().pose().orientation();
            double yaw = 2 * Math.atan2(q.z(), q.w());
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || !Double.isFinite(yaw)) {
              return;
            }
            Pose pose = new Pose(r.start().x() + c * p.x() - s * p.y(),
                r.start().y() + s * p.x() + c * p.y(), r.startYaw() + yaw);
            synchronized (poses) {
              poses.put(r.id(), pose);
            }
            changed.run();
          }));
    }
  }

  /** @return every robot's last known pose in map, by id */
  Map<String, Pose> poses() {
    synchronized (poses) {
      return new LinkedHashMap<>(poses);
    }
  }

  /** @return named places in map */
  Map<String, Point3> regions() {
    return regions;
  }

  @Override
  public void close() {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        // The bus is closing anyway.
      }
    }
  }
}
