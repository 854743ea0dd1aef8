package dev.flotilla.bag.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The offered_qos_profiles strings of rosbag2's own bags parse, and formatting them again for
 * their metadata version gives rosbag2's exact text.
 */
class OfferedQosYamlTest {
  private static Path shared() {
    return Path.of(System.getProperty("flotilla.shared", "../shared"), "data", "rosbag2");
  }

  @Test
  void rosbag2MetadataStringsParseAndFormatBackExactly() throws IOException {
    List<Path> yamls;
    try (Stream<Path> s = Files.walk(shared())) {
      yamls = s.filter(p -> p.getFileName().toString().equals("metadata.yaml")).toList();
    }
    int profiles = 0;
    for (Path y : yamls) {
      BagMetadata md = MetadataYaml.read(y);
      for (TopicMessageCount t : md.topics()) {
        String text = t.topic().offeredQosProfiles();
        List<OfferedQos> q = OfferedQosYaml.parse(text, y + " " + t.topic().name());
        assertEquals(text.isBlank(), q.isEmpty(), y + " " + t.topic().name());
        profiles += q.size();
        if (!text.isBlank()) {
          assertEquals(text, OfferedQosYaml.format(q, md.version()),
              y + " " + t.topic().name());
        }
      }
    }
    assertTrue(profiles > 5, "the shared bags carry real offers: " + profiles);
  }

  @Test
  void numbersAndNamesMeanTheSame() throws IOException {
    OfferedQos q = OfferedQos.keepLast(7, false, true);
    String v8 = OfferedQosYaml.format(List.of(q), 8);
    assertTrue(v8.contains("reliability: 2\n  durability: 1\n"), v8);
    String v9 = OfferedQosYaml.format(List.of(q), 9);
    assertTrue(v9.contains("reliability: best_effort\n  durability: transient_local\n"), v9);
    assertEquals(List.of(q), OfferedQosYaml.parse(v8, "v8"));
    assertEquals(List.of(q), OfferedQosYaml.parse(v9, "v9"));
  }

  @Test
  void badOffersNameTheField() {
    MetadataFormatException e = assertThrows(MetadataFormatException.class,
        () -> OfferedQosYaml.parse("- history: 1\n  reliability: 17", "bag /t"));
    assertTrue(e.getMessage().contains("offered_qos_profiles[0].reliability"), e.getMessage());
    e = assertThrows(MetadataFormatException.class,
        () -> OfferedQosYaml.parse("history: 1", "bag /t"));
    assertFalse(e.getMessage().isBlank());
  }
}
