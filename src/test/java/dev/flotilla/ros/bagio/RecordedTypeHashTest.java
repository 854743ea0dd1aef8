package dev.flotilla.ros.bagio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagTopic;
import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.BagWriterOptions;
import dev.flotilla.bag.StorageId;
import dev.flotilla.bag.meta.MetadataYaml;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.ros.QosProfile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bag record} writes each topic's REP-2011 type hash into metadata.yaml and the MCAP
 * channel, as rosbag2 does (issue #12); the value is rosidl's own, checked against a bag ROS 2
 * recorded.
 */
class RecordedTypeHashTest {
  private static final Path NAV2 =
      Path.of("../shared/data/rosbag2/mcap/nav2_turtlebot/nav2_turtlebot.mcap");

  @TempDir Path tmp;

  private static String hashInRealBag(String topic) throws IOException {
    try (BagReader r = BagReader.open(NAV2)) {
      return r.topics().stream().filter(t -> t.topic().name().equals(topic)).findFirst()
          .orElseThrow().topic().typeDescriptionHash();
    }
  }

  @Test
  void theRecordedOdometryHashIsTheOneRosidlComputed() throws IOException {
    RecordedTopic odom = new RecordedTopic("/odom", "nav_msgs/msg/Odometry",
        Odometry.TYPE.definition(), QosProfile.SENSOR_DATA);
    String expected = hashInRealBag("/odom");
    assertTrue(expected.startsWith("RIHS01_"), expected);
    assertEquals(expected, BagRecorder.typeHash(odom));
  }

  @Test
  void theHashIsInMetadataYamlAndTheMcapChannel() throws IOException {
    RecordedTopic odom = new RecordedTopic("/odom", "nav_msgs/msg/Odometry",
        Odometry.TYPE.definition(), QosProfile.SENSOR_DATA);
    Path dir = tmp.resolve("rec");
    try (BagWriter w = BagWriter.open(dir, BagWriterOptions.defaults(StorageId.MCAP))) {
      w.createTopic(BagRecorder.topicMetadata(odom), "ros2msg", odom.definition());
    }
    String expected = hashInRealBag("/odom");
    assertEquals(expected, MetadataYaml.read(dir.resolve("metadata.yaml")).topics().get(0)
        .topic().typeDescriptionHash());
    try (BagReader r = BagReader.open(dir.resolve("rec_0.mcap"))) {
      BagTopic fromChannel = r.topics().get(0);
      assertEquals(expected, fromChannel.topic().typeDescriptionHash());
    }
  }

  @Test
  void anUnknownTypeWithoutDefinitionHasNoHash() {
    assertEquals("", BagRecorder.typeHash(new RecordedTopic("/x", "nobody_msgs/msg/Nothing", "",
        QosProfile.DEFAULT)));
  }
}
