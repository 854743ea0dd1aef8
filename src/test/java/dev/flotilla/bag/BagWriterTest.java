package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flotilla.bag.cdr.DynamicCdrDecoder;
import dev.flotilla.bag.cdr.DynamicCdrEncoder;
import dev.flotilla.bag.mcap.ChunkCompression;
import dev.flotilla.bag.mcap.McapReader;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.meta.BagMetadata;
import dev.flotilla.bag.meta.MetadataYaml;
import dev.flotilla.bag.meta.TopicMetadata;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MessageTypes;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bags we write open in our reader and follow the rosbag2 conventions of the samples. */
class BagWriterTest {
  @TempDir Path tmp;

  private static final MessageDefinitions DEFS = MessageDefinitions.bundled();

  private static byte[] point(double x) {
    MessageTypes ts = DEFS.typesFor("geometry_msgs/msg/Point");
    return new DynamicCdrEncoder(ts, "geometry_msgs/msg/Point", ByteOrder.LITTLE_ENDIAN)
        .encode(Map.of("x", x, "y", -x, "z", 0.5));
  }

  private static byte[] string(String s) {
    MessageTypes ts = DEFS.typesFor("std_msgs/msg/String");
    return new DynamicCdrEncoder(ts, "std_msgs/msg/String", ByteOrder.LITTLE_ENDIAN)
        .encode(Map.of("data", s));
  }

  private List<BagMessage> writeSample(Path dir, BagWriterOptions opt) throws IOException {
    List<BagMessage> written = new ArrayList<>();
    try (BagWriter w = BagWriter.open(dir, opt)) {
      for (int i = 0; i < 300; i++) {
        long t = 1_700_000_000_000_000_000L + i * 10_000_000L;
        BagMessage m = i % 3 == 0
            ? new BagMessage("/chatter", "std_msgs/msg/String", string("hello " + i), t, t)
            : new BagMessage("/point", "geometry_msgs/msg/Point", point(i), t, t);
        w.write(m.topic(), m.type(), m.data(), m.logTimeNanos());
        written.add(m);
      }
    }
    return written;
  }

  private static void assertSameMessages(List<BagMessage> expected, BagReader bag)
      throws IOException {
    Iterator<BagMessage> it = bag.messages(BagFilter.all());
    for (BagMessage e : expected) {
      BagMessage a = it.next();
      assertEquals(e.topic(), a.topic());
      assertEquals(e.type(), a.type());
      assertEquals(e.logTimeNanos(), a.logTimeNanos());
      assertArrayEquals(e.data(), a.data());
    }
    assertTrue(!it.hasNext());
  }

  @ParameterizedTest
  @EnumSource(ChunkCompression.class)
  void mcapBagsRoundTripWithEveryCompression(ChunkCompression c) throws IOException {
    Path dir = tmp.resolve("bag_" + c);
    List<BagMessage> written = writeSample(dir, BagWriterOptions.defaults(StorageId.MCAP)
        .withCompression(c));
    try (BagReader bag = BagReader.open(dir)) {
      assertSameMessages(written, bag);
      BagMetadata md = bag.metadata();
      assertEquals(300, md.messageCount());
      assertEquals(bag.computedMetadata().topics(), md.topics());
      BagTopic point = bag.topics().stream().filter(t -> t.topic().name().equals("/point"))
          .findFirst().orElseThrow();
      // The stored definition decodes the stored bytes.
      Map<String, Object> first = new DynamicCdrDecoder(MessageTypes.fromSchema(
          point.topic().type(), point.definition(), null), point.topic().type())
          .decode(bag.messages(BagFilter.topics("/point")).next().data());
      assertEquals(1.0, first.get("x"));
    }
  }

  @Test
  void mcapFilesFollowRosbag2Conventions() throws IOException {
    Path dir = tmp.resolve("conv");
    writeSample(dir, BagWriterOptions.defaults(StorageId.MCAP));
    Path file = dir.resolve("conv_0.mcap");
    assertTrue(Files.isRegularFile(file), "storage file named <dir>_0.mcap");
    try (McapReader r = McapReader.open(file);
        McapReader sample = McapReader.open(SampleBags.of(
            "mcap/bag_with_topics_and_service_events/bag_with_topics_and_service_events.mcap"))) {
      assertEquals(sample.header().profile(), r.header().profile());
      assertTrue(r.indexed());
      for (Schema s : r.schemas().values()) {
        assertEquals("ros2msg", s.encoding());
        assertTrue(s.data().length > 0);
      }
      Set<String> channelKeys = sample.channels().values().iterator().next().metadata().keySet();
      for (Channel c : r.channels().values()) {
        assertEquals("cdr", c.messageEncoding());
        assertEquals(channelKeys, c.metadata().keySet());
      }
      assertEquals("rosbag2", r.metadata().get(0).name());
      assertEquals(sample.metadata().get(0).metadata().keySet(),
          r.metadata().get(0).metadata().keySet());
      BagMetadata embedded = MetadataYaml.parse(r.metadata().get(0).metadata()
          .get("serialized_metadata"), file.toString());
      assertEquals(300, embedded.messageCount());
    }
    assertSameYamlKeys(SampleBags.of("mcap/bag_with_topics_and_service_events/metadata.yaml"),
        dir.resolve("metadata.yaml"));
  }

  @Test
  void sqliteBagsRoundTripAndHaveRosbag2Tables() throws IOException, SQLException {
    Path dir = tmp.resolve("sq");
    List<BagMessage> written = writeSample(dir, BagWriterOptions.defaults(StorageId.SQLITE3));
    try (BagReader bag = BagReader.open(dir)) {
      assertEquals(StorageId.SQLITE3, bag.storage());
      assertSameMessages(written, bag);
      assertTrue(bag.topics().stream().allMatch(t -> t.definitionEncoding().equals("ros2msg")));
    }
    assertEquals(tables(SampleBags.of("single_files/topics_and_services.db3")),
        tables(dir.resolve("sq_0.db3")));
    assertSameYamlKeys(SampleBags.of("mcap/bag_with_topics_and_service_events/metadata.yaml"),
        dir.resolve("metadata.yaml"));
  }

  @Test
  void splitBagsListEveryFileAndReadBackInOrder() throws IOException {
    Path dir = tmp.resolve("split");
    List<BagMessage> written = writeSample(dir, BagWriterOptions.defaults(StorageId.MCAP)
        .withCompression(ChunkCompression.NONE).withMaxFileBytes(4000));
    BagMetadata md = MetadataYaml.read(dir.resolve("metadata.yaml"));
    assertTrue(md.relativeFilePaths().size() > 2, "split into " + md.relativeFilePaths());
    assertEquals(300, md.files().stream().mapToLong(f -> f.messageCount()).sum());
    try (BagReader bag = BagReader.open(dir)) {
      assertEquals(md.relativeFilePaths().size(), bag.files().size());
      assertSameMessages(written, bag);
    }
  }

  @Test
  void writingRefusesTypeChangesAndNonEmptyDirectories() throws IOException {
    Path dir = tmp.resolve("t");
    try (BagWriter w = BagWriter.open(dir, StorageId.MCAP)) {
      w.write("/a", "std_msgs/msg/String", string("x"), 1);
      assertThrows(IllegalArgumentException.class,
          () -> w.write("/a", "geometry_msgs/msg/Point", point(1), 2));
      w.createTopic(TopicMetadata.cdr("/b", "flotilla_msgs/msg/Unknown"));
    }
    assertThrows(IOException.class, () -> BagWriter.open(dir, StorageId.MCAP));
  }

  private static Set<String> tables(Path db3) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db3.toAbsolutePath()
        + "?mode=ro&immutable=1");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT type || ':' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static void assertSameYamlKeys(Path expected, Path actual) throws IOException {
    YAMLMapper y = new YAMLMapper();
    JsonNode e = y.readTree(Files.readString(expected, StandardCharsets.UTF_8));
    JsonNode a = y.readTree(Files.readString(actual, StandardCharsets.UTF_8));
    assertEquals(keys(e, ""), keys(a, ""));
  }

  private static Set<String> keys(JsonNode n, String prefix) {
    Set<String> out = new TreeSet<>();
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> {
        out.add(prefix + e.getKey());
        out.addAll(keys(e.getValue(), prefix + e.getKey() + "."));
      });
    } else if (n.isArray() && n.size() > 0) {
      out.addAll(keys(n.get(0), prefix + "[]."));
    }
    return out;
  }
}
