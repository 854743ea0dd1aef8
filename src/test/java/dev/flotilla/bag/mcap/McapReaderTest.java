package dev.flotilla.bag.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Message;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The random-access reader agrees with the streamed reader, indexed or not. */
class McapReaderTest {
  @TempDir Path tmp;

  private static String key(int channel, long seq, long logTime, byte[] data) {
    return channel + "/" + seq + "@" + logTime + ":" + Arrays.toString(data);
  }

  @TestFactory
  Stream<DynamicTest> everyConformanceCaseYieldsItsMessages() throws IOException {
    return McapConformanceTest.cases().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> {
          JsonNode expected = McapConformanceTest.expected(p);
          List<Message> msgs = new ArrayList<>();
          for (McapRecord r : ConformanceJson.fromJson(expected.get("records"))) {
            if (r instanceof Message m) {
              msgs.add(m);
            }
          }
          try (McapReader reader = McapReader.open(p)) {
            if (reader.indexed()) {
              msgs.sort(Comparator.comparingLong(Message::logTime)); // stable
            }
            List<String> want = msgs.stream().map(m -> key(m.channelId(), m.sequence(),
                m.logTime(), m.data())).toList();
            List<String> got = new ArrayList<>();
            for (Iterator<McapMessage> it = reader.messages(McapQuery.all()); it.hasNext(); ) {
              McapMessage m = it.next();
              got.add(key(m.channel().id(), m.sequence(), m.logTime(), m.data()));
            }
            assertEquals(want, got);
          }
        }));
  }

  @Test
  void linearFallbackMatchesIndexedReadsWithFilters() throws IOException {
    Path nav = Path.of(System.getProperty("flotilla.shared", "../shared"), "data", "rosbag2",
        "mcap", "nav2_turtlebot", "nav2_turtlebot.mcap");
    Path plain = tmp.resolve("no-summary.mcap");
    McapWriterOptions noSummary = new McapWriterOptions("ros2", "test", ChunkCompression.LZ4,
        64 * 1024, true, false, false, false, false, false, false, false, false);
    long start;
    try (McapReader in = McapReader.open(nav); McapWriter out = new McapWriter(plain,
        noSummary)) {
      start = in.statistics().messageStartTime();
      for (Schema s : in.schemas().values()) {
        out.addSchema(s.id(), s.name(), s.encoding(), s.data());
      }
      for (Channel c : in.channels().values()) {
        out.addChannel(c.id(), c.schemaId(), c.topic(), c.messageEncoding(), c.metadata());
      }
      for (Iterator<McapMessage> it = in.messages(McapQuery.all()); it.hasNext(); ) {
        McapMessage m = it.next();
        out.writeMessage(m.channel().id(), m.sequence(), m.logTime(), m.publishTime(), m.data());
      }
    }
    McapQuery q = new McapQuery(Set.of("/odom", "/amcl_pose"), start + 10_000_000_000L,
        start + 40_000_000_000L);
    try (McapReader indexed = McapReader.open(nav); McapReader linear = McapReader.open(plain)) {
      assertTrue(indexed.indexed());
      assertFalse(linear.indexed());
      Iterator<McapMessage> a = indexed.messages(q);
      Iterator<McapMessage> b = linear.messages(q);
      int n = 0;
      while (a.hasNext()) {
        McapMessage x = a.next();
        McapMessage y = b.next();
        assertEquals(x.channel().topic(), y.channel().topic());
        assertEquals(x.logTime(), y.logTime());
        assertArrayEquals(x.data(), y.data());
        assertTrue(q.accepts(x.channel().topic(), x.logTime()));
        n++;
      }
      assertFalse(b.hasNext());
      assertTrue(n > 500, "window holds " + n + " messages");
    }
  }

  @Test
  void attachmentsAndMetadataAreReadThroughTheirIndexes() throws IOException {
    Path f = tmp.resolve("att.mcap");
    try (McapWriter w = new McapWriter(f, McapWriterOptions.indexed("ros2"))) {
      w.writeAttachment(5, 6, "map.yaml", "text/yaml", "resolution: 0.05".getBytes());
      w.writeMetadata("fleet", Map.of("robots", "3"));
    }
    try (McapReader r = McapReader.open(f)) {
      assertEquals("map.yaml", r.attachments().get(0).name());
      assertEquals("resolution: 0.05", new String(r.attachments().get(0).data()));
      assertEquals("3", r.metadata().get(0).metadata().get("robots"));
    }
  }
}
