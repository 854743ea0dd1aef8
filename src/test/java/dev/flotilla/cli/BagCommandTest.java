package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.BagWriterOptions;
import dev.flotilla.bag.McapBombs;
import dev.flotilla.bag.StorageId;
import dev.flotilla.bag.meta.TopicMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BagCommandTest {
  @TempDir Path tmp;

  private static Path sample(String rel) {
    return Path.of(System.getProperty("flotilla.shared", "../shared"), "data", "rosbag2", rel);
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BagCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void infoListsTopicsWithTypesAndCounts() {
    Run r = run("info", sample("mcap/nav2_turtlebot/nav2_turtlebot.mcap").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Messages:          8197"), r.out());
    assertTrue(r.out().contains("Topic: /odom | Type: nav_msgs/msg/Odometry | Count: 2639"),
        r.out());
    assertTrue(r.out().contains("Duration:          97.355296000s"), r.out());
  }

  @Test
  void catPrintsOneDecodedJsonObjectPerMessage() throws IOException {
    Run r = run("cat", sample("sqlite3/talker").toString(), "--topic", "/topic");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(10, lines.size());
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertEquals("/topic", first.get("topic").asText());
    assertEquals("std_msgs/msg/String", first.get("type").asText());
    assertEquals("Hello, world! 0", first.get("message").get("data").asText());
    assertEquals(1585866235112609068L, first.get("log_time").asLong());
  }

  /** Regression (issue #16): an empty ros2msg schema fell back to bundled types: "error". */
  @Test
  void catDecodesAnEmptyDefinitionAsAnEmptyMessage() throws IOException {
    Path dir = tmp.resolve("empty");
    try (BagWriter w = BagWriter.open(dir, BagWriterOptions.defaults(StorageId.MCAP))) {
      w.createTopic(TopicMetadata.cdr("/nothing", "test_msgs/msg/Nothing"), "ros2msg", "");
      // CDR header and the one placeholder byte rosidl gives a message without fields.
      w.write("/nothing", new byte[] {0, 1, 0, 0, 0}, 7, 7);
    }
    Run r = run("cat", dir.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode line = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
    assertFalse(line.has("error"), r.out());
    assertEquals("{}", line.get("message").toString());
    // rosbag2's own recording of test_msgs/msg/Empty: schema ros2msg with empty text.
    Run shared = run("cat", sample("mcap/convert_a").toString(), "--topic", "a_empty",
        "--limit", "3");
    assertEquals(0, shared.code(), shared.err());
    assertEquals(3, shared.out().lines().count(), shared.out());
    assertFalse(shared.out().contains("\"error\""), shared.out());
  }

  /** A topic written without any definition still falls back to the known definitions. */
  @Test
  void catFallsBackToKnownDefinitionsWhenTheBagHasNone() throws IOException {
    Path dir = tmp.resolve("nodef");
    try (BagWriter w = BagWriter.open(dir, BagWriterOptions.defaults(StorageId.MCAP)
        .withDefinitions(null))) {
      w.createTopic(TopicMetadata.cdr("/s", "std_msgs/msg/String"), "", "");
      w.write("/s", new byte[] {0, 1, 0, 0, 3, 0, 0, 0, 'h', 'i', 0}, 7, 7);
    }
    Run r = run("cat", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"data\":\"hi\""), r.out());
  }

  /** Regression (issue #16): a tiny file whose chunk declares 2 GiB cost 41 s and 4.8 GB. */
  @Test
  void infoRefusesADecompressionBombWithItsOffset() throws IOException {
    Path bomb = McapBombs.write(tmp.resolve("bomb.mcap"), 2L << 30, "zstd",
        McapBombs.zstdZeros(8 << 20));
    Run r = run("info", bomb.toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().startsWith("error: " + bomb + ": byte " + McapBombs.chunkOffset()),
        r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  /** Regression (issue #16): recovering nothing used to exit 0 as a success. */
  @Test
  void recoverExitsTwoWhenNothingWasRecovered() throws IOException {
    Path damaged = tmp.resolve("cut.mcap");
    byte[] all = Files.readAllBytes(sample("mcap/talker/talker.mcap"));
    Files.write(damaged, java.util.Arrays.copyOf(all, 30));
    Run r = run("recover", damaged.toString(), "-o", tmp.resolve("none").toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("no intact message could be recovered"), r.err());
    assertFalse(r.out().contains("recovered 0 messages"), r.out());
  }

  @Test
  void recoverWritesANewBagFromADamagedOne() throws IOException {
    Path damaged = tmp.resolve("talker.mcap");
    byte[] all = Files.readAllBytes(sample("mcap/talker/talker.mcap"));
    Files.write(damaged, java.util.Arrays.copyOf(all, all.length - 100));
    Run r = run("recover", damaged.toString(), "-o", tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("recovered 20 messages"), r.out());
    assertTrue(r.out().contains("damage: "), r.out());
    try (BagReader bag = BagReader.open(tmp.resolve("out"))) {
      assertEquals(20, bag.metadata().messageCount());
    }
  }

  @Test
  void badInputExitsWithCode2NamingFileAndOffset() throws IOException {
    assertEquals(2, run("info", tmp.resolve("missing").toString()).code());
    Path bad = tmp.resolve("bad.mcap");
    byte[] all = Files.readAllBytes(sample("mcap/talker/talker.mcap"));
    all[0] = 0;
    Files.write(bad, all);
    Run r = run("cat", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(bad + ": byte 0: not an MCAP file"), r.err());
  }
}
