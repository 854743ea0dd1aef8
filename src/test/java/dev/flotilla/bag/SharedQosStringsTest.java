package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.meta.OfferedQos;
import dev.flotilla.bag.meta.OfferedQosYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The offered_qos_profiles rosbag2 stores in its storage files (MCAP channel metadata, the SQLite
 * topics table) parse too, not only those of metadata.yaml.
 */
class SharedQosStringsTest {
  @Test
  void everyStorageFilesOffersParse() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(SampleBags.root())) {
      files = s.filter(p -> StorageId.forFile(p) != null).sorted().toList();
    }
    int profiles = 0;
    for (Path f : files) {
      try (BagReader r = BagReader.open(f)) {
        for (BagTopic t : r.topics()) {
          String text = t.topic().offeredQosProfiles();
          List<OfferedQos> q = OfferedQosYaml.parse(text, f + " " + t.topic().name());
          assertEquals(text.isBlank(), q.isEmpty(), f + " " + t.topic().name());
          profiles += q.size();
        }
      } catch (IOException e) {
        // Deliberately damaged samples are other tests' business.
        assertTrue(f.toString().contains("damaged") || f.toString().contains("corrupt")
            || f.toString().contains("bad"), f + ": " + e.getMessage());
      }
    }
    assertTrue(profiles > 5, "the shared bags carry real offers: " + profiles);
  }
}
