package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.BagFilter;
import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagTopic;
import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.StorageId;
import dev.flotilla.bag.cdr.DynamicCdrEncoder;
import dev.flotilla.bag.meta.TopicMetadata;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.cli.BagCommand;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.rosgraph_msgs.Clock;
import dev.flotilla.ros.NodeClock.Stamps;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bag play} onto loopback DDS, recorded back by {@code bag record} running as its own
 * process: every message arrives byte for byte, including a type that has no generated binding
 * (sensor_msgs/JointState), and /clock carries the bag time. Between processes Fast-DDS pads a
 * payload with zeros to a multiple of 4 bytes (legal trailing CDR padding, which rmw peers
 * record too), so the recorded bytes are the played ones plus that padding.
 */
class BagRecordPlayIT {
  static final int DOMAIN = 231;
  static final long T0 = 1_700_000_000_000_000_000L;
  static final long STEP = 100_000_000L;
  static final int N = 20;

  @TempDir Path dir;

  @Test
  void playedMessagesAreRecordedBackByteForByte() throws Exception {
    Path source = dir.resolve("source");
    Map<String, List<String>> played = writeSourceBag(source);
    Path recorded = dir.resolve("recorded");
    try (FlotillaProcess record = new FlotillaProcess(dir, "bag", "record", "-o",
        recorded.toString(), "--domain-id", String.valueOf(DOMAIN), "--localhost-only",
        "/it/chatter:=std_msgs/msg/String", "/it/joints:=sensor_msgs/msg/JointState",
        "/flotilla/heartbeat", "/clock")) {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!record.out().contains("Recording") && System.nanoTime() < until) {
        assertTrue(record.process.isAlive(), "record exited early:\n" + record.err());
        Thread.sleep(100);
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new BagCommand());
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      int code = cli.execute("play", source.toString(), "--rate", "2", "--clock", "--clock-hz",
          "20", "--delay", "5", "--domain-id", String.valueOf(DOMAIN), "--localhost-only");
      assertEquals(0, code, err.toString());
      assertTrue(out.toString().contains("Played " + (3 * N) + " messages"), out.toString());
      Thread.sleep(500);
      record.process.destroy();
      assertTrue(record.process.waitFor(20, TimeUnit.SECONDS), "record did not stop");
      assertTrue(Files.exists(recorded.resolve("metadata.yaml")),
          "SIGTERM must close the bag; record log:\n" + record.err() + record.out());
    }

    try (BagReader r = BagReader.open(recorded)) {
      Map<String, List<String>> got = new LinkedHashMap<>();
      List<Double> clock = new ArrayList<>();
      for (Iterator<BagMessage> it = r.messages(BagFilter.all()); it.hasNext(); ) {
        BagMessage m = it.next();
        if (m.topic().equals("/clock")) {
          clock.add(Stamps.seconds(Clock.TYPE.decode(m.data()).clock()));
        } else {
          got.computeIfAbsent(m.topic(), t -> new ArrayList<>())
              .add(HexFormat.of().formatHex(m.data()));
        }
      }
      for (String topic : played.keySet()) {
        assertEquals(played.get(topic), got.get(topic), topic);
      }
      for (BagTopic t : r.topics()) {
        assertEquals("ros2msg", t.definitionEncoding(), t.topic().name());
        assertFalse(t.definition().isEmpty(), t.topic().name());
      }
      assertEquals("sensor_msgs/msg/JointState", r.typeOf("/it/joints"));
      assertTrue(clock.size() >= 5, "few /clock messages: " + clock);
      for (int i = 1; i < clock.size(); i++) {
        assertTrue(clock.get(i) >= clock.get(i - 1), "/clock went back: " + clock);
      }
      double first = T0 / 1e9;
      assertTrue(clock.get(0) >= first - 1e-6 && clock.get(clock.size() - 1)
          <= first + N * STEP / 1e9 + 0.5, "/clock outside the bag's time: " + clock);
      // The recorded timing follows the bag's at rate 2, loosely: not all at once.
      List<Long> times = new ArrayList<>();
      for (Iterator<BagMessage> it = r.messages(BagFilter.topics("/it/chatter")); it.hasNext(); ) {
        times.add(it.next().logTimeNanos());
      }
      double span = (times.get(times.size() - 1) - times.get(0)) / 1e9;
      assertTrue(span > 0.5 * (N - 1) * STEP / 1e9 / 2, "recorded span " + span + " s");
    }
  }

  /** The payload as it travels between processes: zero-padded to a multiple of 4 bytes. */
  private static String padded(byte[] cdr) {
    return HexFormat.of().formatHex(java.util.Arrays.copyOf(cdr, (cdr.length + 3) / 4 * 4));
  }

  private static Map<String, List<String>> writeSourceBag(Path bag) throws Exception {
    MessageDefinitions defs = MessageDefinitions.bundled();
    DynamicCdrEncoder joints = new DynamicCdrEncoder(defs.typesFor("sensor_msgs/msg/JointState"),
        "sensor_msgs/msg/JointState", ByteOrder.LITTLE_ENDIAN);
    Map<String, List<String>> played = new LinkedHashMap<>();
    try (BagWriter w = BagWriter.open(bag, StorageId.MCAP)) {
      w.createTopic(TopicMetadata.cdr("/it/chatter", "std_msgs/msg/String"), "ros2msg",
          defs.schemaText("std_msgs/msg/String"));
      w.createTopic(TopicMetadata.cdr("/it/joints", "sensor_msgs/msg/JointState"), "ros2msg",
          defs.schemaText("sensor_msgs/msg/JointState"));
      w.createTopic(TopicMetadata.cdr("/flotilla/heartbeat", "flotilla_msgs/msg/Heartbeat"),
          "ros2msg", Heartbeat.TYPE.definition());
      for (int i = 0; i < N; i++) {
        long t = T0 + i * STEP;
        byte[] chatter = dev.flotilla.msgs.std_msgs.String.TYPE.encode(
            new dev.flotilla.msgs.std_msgs.String("hello " + i));
        byte[] joint = joints.encode(Map.of("name", List.of("wheel_left", "wheel_right"),
            "position", List.of(0.1 * i, -0.1 * i), "velocity", List.of(), "effort", List.of()));
        byte[] hb = Heartbeat.TYPE.encode(Heartbeat.builder().robotId("r1").sequenceNumber(i + 1)
            .stamp(Stamps.time(t / 1e9)).build());
        w.write("/it/chatter", chatter, t, t);
        w.write("/it/joints", joint, t + 1000, t + 1000);
        w.write("/flotilla/heartbeat", hb, t + 2000, t + 2000);
        played.computeIfAbsent("/it/chatter", k -> new ArrayList<>()).add(padded(chatter));
        played.computeIfAbsent("/it/joints", k -> new ArrayList<>()).add(padded(joint));
        played.computeIfAbsent("/flotilla/heartbeat", k -> new ArrayList<>()).add(padded(hb));
      }
    }
    return played;
  }
}
