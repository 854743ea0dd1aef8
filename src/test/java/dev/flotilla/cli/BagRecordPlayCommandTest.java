package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.BagTopic;
import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.StorageId;
import dev.flotilla.bag.meta.TopicMetadata;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.bagio.RecordedTopic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code bag record} and {@code bag play} argument handling, without DDS: topic and type
 * resolution, and every bad input exits with code 2 and a message naming the argument.
 */
class BagRecordPlayCommandTest {
  @TempDir Path tmp;

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
  void withoutTopicsRecordsTheFleetTopicsWithTheirDefinitionsAndQos() {
    List<RecordedTopic> t = BagRecordCommand.topicsToRecord(List.of(), "/");
    List<String> names = t.stream().map(RecordedTopic::topic).toList();
    assertTrue(names.containsAll(List.of("/flotilla/heartbeat", "/flotilla/tasks",
        "/flotilla/allocation", "/flotilla/reassignment", "/flotilla/events", "/clock")),
        names.toString());
    RecordedTopic alloc = t.get(names.indexOf("/flotilla/allocation"));
    assertEquals("flotilla_msgs/msg/Allocation", alloc.rosType());
    assertEquals(Allocation.TYPE.definition(), alloc.definition());
    assertEquals(FlotillaQos.ALLOCATION, alloc.qos());
  }

  @Test
  void topicsResolveKnownTypesRelativeNamesAndExplicitTypes() {
    List<RecordedTopic> t = BagRecordCommand.topicsToRecord(List.of("/tb3_1/odom",
        "flotilla/events", "/scan:=sensor_msgs/LaserScan", "/fleet_a/flotilla/allocation"),
        "/fleet_a");
    assertEquals("nav_msgs/msg/Odometry", t.get(0).rosType());
    assertEquals(Odometry.TYPE.definition(), t.get(0).definition());
    assertEquals(QosProfile.SENSOR_DATA, t.get(0).qos());
    assertEquals("/fleet_a/flotilla/events", t.get(1).topic());
    assertEquals("flotilla_msgs/msg/FleetEvent", t.get(1).rosType());
    assertEquals("sensor_msgs/msg/LaserScan", t.get(2).rosType());
    assertTrue(t.get(2).definition().startsWith("std_msgs/Header header")
        || t.get(2).definition().contains("MSG: std_msgs/Header"), t.get(2).definition());
    assertEquals(BagRecordCommand.FOREIGN_TOPIC_QOS, t.get(2).qos());
    assertEquals("flotilla_msgs/msg/Allocation", t.get(3).rosType());
  }

  @Test
  void recordRejectsAnUnknownTypeNamingTheArgument() {
    Run r = run("record", "-o", tmp.resolve("bag").toString(), "/x:=foo_msgs/msg/Bar");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("'/x:=foo_msgs/msg/Bar'"), r.err());
    assertTrue(r.err().contains("unknown message type 'foo_msgs/msg/Bar'"), r.err());
    assertFalse(Files.exists(tmp.resolve("bag")), "no bag for bad input");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/x:=not_a_type", "/x:=std_msgs/srv/String", "/x:=", ":=std_msgs/String",
      "/unknown_topic"})
  void recordRejectsMalformedTopicArguments(String arg) {
    Run r = run("record", "-o", tmp.resolve("bag").toString(), arg);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("'" + arg + "'"), r.err());
  }

  @Test
  void recordRejectsBadStorageDurationAndDomain() {
    Run s = run("record", "-o", tmp.resolve("a").toString(), "--storage", "rosbag1");
    assertEquals(2, s.code());
    assertTrue(s.err().contains("--storage") && s.err().contains("rosbag1"), s.err());
    Run d = run("record", "-o", tmp.resolve("b").toString(), "--duration", "-3");
    assertEquals(2, d.code());
    assertTrue(d.err().contains("--duration"), d.err());
    Run n = run("record", "-o", tmp.resolve("c").toString(), "--domain-id", "300");
    assertEquals(2, n.code());
    assertTrue(n.err().contains("--domain-id must be within 0..232"), n.err());
  }

  @Test
  void playRejectsAMissingBagNamingIt() {
    Path missing = tmp.resolve("no_such_bag");
    Run r = run("play", missing.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(missing.toString()), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "NaN", "Infinity", "fast"})
  void playRejectsABadRateNamingTheOption(String rate) throws Exception {
    Run r = run("play", smallBag().toString(), "--rate", rate);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--rate"), r.err());
  }

  @Test
  void playRejectsTopicsTheBagDoesNotHaveAndBadClockRates() throws Exception {
    Path bag = smallBag();
    Run r = run("play", bag.toString(), "--topics", "/nope");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--topics") && r.err().contains("'/nope'"), r.err());
    Run c = run("play", bag.toString(), "--clock", "--clock-hz", "-5");
    assertEquals(2, c.code());
    assertTrue(c.err().contains("--clock-hz"), c.err());
  }

  @Test
  void clockWithoutARateLeavesTheBagArgumentAlone() {
    Path missing = tmp.resolve("absent_bag");
    Run r = run("play", "--clock", missing.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(missing.toString()) && r.err().contains("no such bag"), r.err());
  }

  @Test
  void playRejectsABagWithAMalformedTypeName() throws Exception {
    Path bag = tmp.resolve("weird");
    try (BagWriter w = BagWriter.open(bag, StorageId.MCAP)) {
      w.write("/weird", "not a type", new byte[] {0, 1, 0, 0}, 1);
    }
    Run r = run("play", bag.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("/weird") && r.err().contains("'not a type'"), r.err());
  }

  @Test
  void playsFlotillaTopicsWithTheirDurabilityAndOthersReliably() {
    assertTrue(BagPlayCommand.qos(new BagTopic(TopicMetadata.cdr("/flotilla/allocation",
        "flotilla_msgs/msg/Allocation"), "", "")).transientLocal());
    QosProfile hb = BagPlayCommand.qos(new BagTopic(TopicMetadata.cdr("/flotilla/heartbeat",
        "flotilla_msgs/msg/Heartbeat"), "", ""));
    assertTrue(hb.reliable());
    assertFalse(hb.transientLocal());
    QosProfile latched = BagPlayCommand.qos(new BagTopic(new TopicMetadata("/map",
        "nav_msgs/msg/OccupancyGrid", "cdr", "- history: 1\n  durability: transient_local\n", ""),
        "", ""));
    assertTrue(latched.reliable() && latched.transientLocal());
    assertFalse(BagPlayCommand.qos(new BagTopic(TopicMetadata.cdr("/chatter",
        "std_msgs/msg/String"), "", "")).transientLocal());
  }

  @Test
  void recordedTopicsMustBeAbsolute() {
    assertThrows(IllegalArgumentException.class,
        () -> new RecordedTopic("chatter", "std_msgs/msg/String", "", QosProfile.DEFAULT));
  }

  private Path smallBag() throws Exception {
    Path bag = tmp.resolve("small");
    if (!Files.exists(bag)) {
      try (BagWriter w = BagWriter.open(bag, StorageId.MCAP)) {
        w.write("/chatter", "std_msgs/msg/String",
            dev.flotilla.msgs.std_msgs.String.TYPE.encode(
                new dev.flotilla.msgs.std_msgs.String("hi")), 1_000_000_000L);
      }
    }
    return bag;
  }
}
