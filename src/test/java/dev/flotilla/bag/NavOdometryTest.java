package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.cdr.DynamicCdrDecoder;
import dev.flotilla.bag.cdr.DynamicCdrEncoder;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MessageTypes;
import dev.flotilla.bag.msgdef.MsgField;
import dev.flotilla.bag.msgdef.MsgSpec;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * nav2_turtlebot.mcap's /odom decodes, through the schema text embedded in the bag, to plausible
 * nav_msgs/Odometry values, and re-encodes to the recorded bytes.
 */
class NavOdometryTest {
  private static final MessageDefinitions KNOWN = MessageDefinitions.bundled();

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String key) {
    return (Map<String, Object>) ((Map<String, Object>) o).get(key);
  }

  static double d(Map<String, Object> m, String k) {
    return ((Number) m.get(k)).doubleValue();
  }

  @Test
  void odomDecodesToPlausibleOdometry() throws IOException {
    try (BagReader bag = BagReader.open(SampleBags.of("mcap/nav2_turtlebot/nav2_turtlebot.mcap"))) {
      BagTopic odom = bag.topics().stream().filter(t -> t.topic().name().equals("/odom"))
          .findFirst().orElseThrow();
      assertEquals("nav_msgs/msg/Odometry", odom.topic().type());
      assertEquals("ros2msg", odom.definitionEncoding());
      MessageTypes types = MessageTypes.fromSchema(odom.topic().type(), odom.definition(), null);
      DynamicCdrDecoder dec = new DynamicCdrDecoder(types, odom.topic().type());
      DynamicCdrEncoder enc = new DynamicCdrEncoder(types, odom.topic().type(),
          ByteOrder.LITTLE_ENDIAN);
      int n = 0;
      double[] prev = null;
      double travelled = 0;
      int jumps = 0;
      long firstStamp = Long.MAX_VALUE;
      long lastStamp = Long.MIN_VALUE;
      long firstLog = Long.MAX_VALUE;
      long lastLog = 0;
      for (Iterator<BagMessage> it = bag.messages(BagFilter.topics("/odom")); it.hasNext(); ) {
        BagMessage m = it.next();
        Map<String, Object> msg = dec.decode(m.data());
        Map<String, Object> header = map(msg, "header");
        assertEquals("odom", header.get("frame_id"));
        assertTrue(((String) msg.get("child_frame_id")).startsWith("base_"));
        Map<String, Object> stamp = map(header, "stamp");
        long stampNs = ((Number) stamp.get("sec")).longValue() * 1_000_000_000L
            + ((Number) stamp.get("nanosec")).longValue();
        // The recording ran in simulation: stamps are sim time, so check their progression.
        assertTrue(stampNs >= lastStamp, "header stamps never go back");
        firstStamp = Math.min(firstStamp, stampNs);
        lastStamp = stampNs;
        firstLog = Math.min(firstLog, m.logTimeNanos());
        lastLog = m.logTimeNanos();
        Map<String, Object> pose = map(map(msg, "pose"), "pose");
        Map<String, Object> p = map(pose, "position");
        Map<String, Object> q = map(pose, "orientation");
        double norm = Math.sqrt(d(q, "x") * d(q, "x") + d(q, "y") * d(q, "y")
            + d(q, "z") * d(q, "z") + d(q, "w") * d(q, "w"));
        assertEquals(1.0, norm, 1e-6, "orientation is a unit quaternion");
        assertTrue(Math.abs(d(p, "x")) < 100 && Math.abs(d(p, "y")) < 100
            && Math.abs(d(p, "z")) < 1, "position within a building-sized map: " + p);
        Map<String, Object> lin = map(map(map(msg, "twist"), "twist"), "linear");
        assertTrue(Math.abs(d(lin, "x")) < 2.0, "TurtleBot speed below 2 m/s: " + lin);
        assertEquals(36, ((List<?>) map(msg, "pose").get("covariance")).size());
        double[] here = {d(p, "x"), d(p, "y")};
        if (prev != null) {
          double step = Math.hypot(here[0] - prev[0], here[1] - prev[1]);
          jumps += step > 0.2 ? 1 : 0;
          travelled += step;
        }
        prev = here;
        byte[] again = enc.encode(msg);
        assertArrayEquals(Arrays.copyOf(m.data(), again.length), again);
        assertTrue(m.data().length - again.length <= 3, "at most alignment padding differs");
        n++;
      }
      assertEquals(2639, n);
      assertTrue(jumps <= n / 100, "odometry is continuous but for rare resets: " + jumps);
      double ratio = (double) (lastStamp - firstStamp) / (lastLog - firstLog);
      assertTrue(ratio > 0.2 && ratio < 5, "sim time advances with wall time, ratio " + ratio);
      assertTrue(travelled > 0.5, "the robot moved during the recording: " + travelled);
    }
  }

  @Test
  void bundledDefinitionsMatchTheSchemasRos2Recorded() throws IOException {
    try (BagReader bag = BagReader.open(SampleBags.of("mcap/nav2_turtlebot/nav2_turtlebot.mcap"))) {
      int compared = 0;
      for (BagTopic t : bag.topics()) {
        MessageTypes recorded = MessageTypes.fromSchema(t.topic().type(), t.definition(), null);
        for (MsgSpec spec : recorded.all().values()) {
          MsgSpec ours = KNOWN.spec(spec.name());
          if (ours == null) {
            continue;
          }
          assertEquals(shape(spec), shape(ours), spec.name());
          compared++;
        }
      }
      assertTrue(compared >= 10, "compared " + compared + " types");
    }
  }

  private static List<String> shape(MsgSpec s) {
    return s.fields().stream().map((MsgField f) -> f.type().baseType() + ":" + f.type().array()
        + ":" + f.type().arrayLength() + " " + f.name()).toList();
  }
}
