package dev.flotilla.bench;

import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.cdr.DynamicCdrEncoder;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The messages {@link BagBenchmark} writes: real CDR (LaserScan, Odometry, TFMessage) encoded
 * once from the bundled definitions and cycled, each copy stamped with its log time.
 */
final class BagMessagePool {
  private BagMessagePool() {}

  /** 384 messages: LaserScan (360 beams), Odometry and TFMessage, 128 variants each. */
  static List<BagMessage> generate(Random rnd) {
    MessageDefinitions defs = MessageDefinitions.bundled();
    DynamicCdrEncoder scan = encoder(defs, "sensor_msgs/msg/LaserScan");
    DynamicCdrEncoder odom = encoder(defs, "nav_msgs/msg/Odometry");
    DynamicCdrEncoder tf = encoder(defs, "tf2_msgs/msg/TFMessage");
    List<BagMessage> pool = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      Map<String, Object> header = Map.of("stamp", Map.of("sec", 1000 + i, "nanosec", 5L * i),
          "frame_id", "base_scan");
      List<Object> ranges = new ArrayList<>();
      List<Object> intensities = new ArrayList<>();
      for (int b = 0; b < 360; b++) {
        ranges.add((float) (2 + Math.sin(b * 0.05 + i) + rnd.nextGaussian() * 0.01));
        intensities.add((float) rnd.nextInt(100));
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("header", header);
      s.put("angle_min", 0f);
      s.put("angle_max", (float) (2 * Math.PI));
      s.put("angle_increment", (float) (Math.PI / 180));
      s.put("range_min", 0.12f);
      s.put("range_max", 3.5f);
      s.put("ranges", ranges);
      s.put("intensities", intensities);
      pool.add(new BagMessage("/scan", "sensor_msgs/msg/LaserScan", scan.encode(s), 0, 0));
      Map<String, Object> pose = Map.of("position", Map.of("x", rnd.nextDouble() * 10, "y",
          rnd.nextDouble() * 10, "z", 0.0), "orientation", Map.of("z", 0.1, "w", 0.995));
      Map<String, Object> od = Map.of("header", Map.of("stamp", Map.of("sec", 1000 + i),
          "frame_id", "odom"), "child_frame_id", "base_footprint", "pose", Map.of("pose", pose),
          "twist", Map.of("twist", Map.of("linear", Map.of("x", 0.2))));
      pool.add(new BagMessage("/odom", "nav_msgs/msg/Odometry", odom.encode(od), 0, 0));
      Map<String, Object> t = Map.of("header", Map.of("frame_id", "odom"), "child_frame_id",
          "base_footprint", "transform", Map.of("translation", Map.of("x", rnd.nextDouble()),
              "rotation", Map.of("w", 1.0)));
      pool.add(new BagMessage("/tf", "tf2_msgs/msg/TFMessage",
          tf.encode(Map.of("transforms", List.of(t, t))), 0, 0));
    }
    return pool;
  }

  /**
   * Writes the log time into the first header stamp (at byte 4, or 8 after TFMessage's sequence
   * length), so no two messages are identical and compression sees realistic data.
   *
   * @param m a message of the pool
   * @param stampNs its log time
   * @return a stamped copy of its CDR
   */
  static byte[] stamped(BagMessage m, long stampNs) {
    byte[] cdr = m.data().clone();
    int at = m.topic().equals("/tf") ? 8 : 4;
    ByteBuffer.wrap(cdr, at, 8).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) (stampNs / 1_000_000_000L)).putInt((int) (stampNs % 1_000_000_000L));
    return cdr;
  }

  private static DynamicCdrEncoder encoder(MessageDefinitions defs, String type) {
    return new DynamicCdrEncoder(defs.typesFor(type), type, ByteOrder.LITTLE_ENDIAN);
  }
}
