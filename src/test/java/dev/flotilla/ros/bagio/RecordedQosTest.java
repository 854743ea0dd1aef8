package dev.flotilla.ros.bagio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagTopic;
import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.BagWriterOptions;
import dev.flotilla.bag.StorageId;
import dev.flotilla.bag.meta.MetadataYaml;
import dev.flotilla.bag.meta.OfferedQos;
import dev.flotilla.bag.meta.OfferedQosYaml;
import dev.flotilla.bag.meta.TopicMessageCount;
import dev.flotilla.ros.QosProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue #16): {@code bag record} left every topic's offered_qos_profiles empty. The
 * recorded topic now carries its QoS in metadata.yaml and in the MCAP channel metadata, in
 * rosbag2's format, and reads back.
 */
class RecordedQosTest {
  @TempDir Path tmp;

  @Test
  void theRecordedQosIsInMetadataYamlAndTheMcapChannel() throws IOException {
    RecordedTopic t = new RecordedTopic("/latched", "std_msgs/msg/String", "string data",
        QosProfile.LATCHED);
    Path dir = tmp.resolve("rec");
    try (BagWriter w = BagWriter.open(dir, BagWriterOptions.defaults(StorageId.MCAP))) {
      w.createTopic(BagRecorder.topicMetadata(t), "ros2msg", t.definition());
      w.write("/latched", new byte[] {0, 1, 0, 0, 1, 0, 0, 0, 0}, 5, 5);
    }
    List<OfferedQos> want = List.of(OfferedQos.keepLast(1, true, true));
    TopicMessageCount inYaml = MetadataYaml.read(dir.resolve("metadata.yaml")).topics().get(0);
    String text = inYaml.topic().offeredQosProfiles();
    assertEquals(want, OfferedQosYaml.parse(text, "yaml"));
    assertTrue(text.startsWith("- history: 1\n  depth: 1\n  reliability: 1\n"
        + "  durability: 1\n  deadline:\n    sec: 9223372036\n    nsec: 854775807\n"), text);
    try (BagReader r = BagReader.open(dir.resolve("rec_0.mcap"))) {
      BagTopic fromChannel = r.topics().get(0);
      assertEquals(text, fromChannel.topic().offeredQosProfiles());
    }
  }

  /**
   * Regression (CI, BagRecordPlayIT): a heartbeat topic (keep last 5) lost its first two messages
   * while the bag's first writes were slow. The recorder reads with a deep history of its own and
   * stores the topic's profile unchanged.
   */
  @Test
  void theRecorderReadsWithADeepHistoryButStoresTheTopicsProfile() {
    QosProfile reader = BagRecorder.readerQos(QosProfile.SENSOR_DATA);
    assertEquals(false, reader.reliable());
    assertEquals(false, reader.transientLocal());
    assertEquals(BagRecorder.MIN_RECORD_DEPTH, reader.depth());
    assertEquals(5000, BagRecorder.readerQos(new QosProfile(true, true, 5000)).depth());
    RecordedTopic t = new RecordedTopic("/flotilla/heartbeat", "flotilla_msgs/msg/Heartbeat", "",
        QosProfile.SENSOR_DATA);
    assertTrue(BagRecorder.topicMetadata(t).offeredQosProfiles().contains("depth: 5\n"));
  }
}
