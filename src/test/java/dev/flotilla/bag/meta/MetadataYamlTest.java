package dev.flotilla.bag.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataYamlTest {
  static List<Path> samples() throws IOException {
    Path root = Path.of(System.getProperty("flotilla.shared", "../shared"), "data", "rosbag2");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals("metadata.yaml")).sorted().toList();
    }
  }

  @Test
  void everySampleParsesAndSurvivesFormatThenParse() throws IOException {
    List<Path> files = samples();
    assertTrue(files.size() >= 8);
    for (Path f : files) {
      BagMetadata m = MetadataYaml.read(f);
      assertTrue(m.version() >= 4 && m.version() <= 9, f.toString());
      assertEquals(m.messageCount(), m.topics().stream().mapToLong(TopicMessageCount::messageCount)
          .sum(), f.toString());
      assertEquals(m, MetadataYaml.parse(MetadataYaml.format(m, true), "again"));
      assertEquals(m, MetadataYaml.parse(MetadataYaml.format(m, false), "embedded"));
    }
  }

  @Test
  void qosProfilesKeepTheirMultiLineText() throws IOException {
    Path talker = samples().stream().filter(p -> p.toString().contains("sqlite3/talker"))
        .findFirst().orElseThrow();
    BagMetadata m = MetadataYaml.read(talker);
    assertTrue(m.topics().get(0).topic().offeredQosProfiles().startsWith("- history: 3\n"));
  }

  @Test
  void missingOrMistypedFieldsAreNamed() {
    MetadataFormatException e = assertThrows(MetadataFormatException.class,
        () -> MetadataYaml.parse("rosbag2_bagfile_information:\n  version: 5\n", "m.yaml"));
    assertTrue(e.getMessage().startsWith("m.yaml: field 'rosbag2_bagfile_information."),
        e.getMessage());
    MetadataFormatException n = assertThrows(MetadataFormatException.class,
        () -> MetadataYaml.parse("version: five\n", "x"));
    assertTrue(n.getMessage().contains("'version'"), n.getMessage());
  }

  /** Regression (issue #16): YAML errors quoted the offending lines of whatever file it was. */
  @Test
  void invalidYamlIsOneSentenceWithoutTheFileContent() {
    for (String doc : new String[] {"root: x: 0:0:SECRET\n", "- [SECRET\n",
        "\tSECRET\tx: 1\n", "key: \"SECRET\n"}) {
      MetadataFormatException e = assertThrows(MetadataFormatException.class,
          () -> MetadataYaml.parse(doc, "m.yaml"));
      assertTrue(e.getMessage().startsWith("m.yaml: field '(document)': not valid YAML at line "),
          e.getMessage());
      assertTrue(!e.getMessage().contains("SECRET") && !e.getMessage().contains("\n"),
          e.getMessage());
    }
  }

  /** A metadata.yaml over the limit is refused before it is read into memory. */
  @Test
  void anOversizedMetadataFileIsRefusedUnread(@TempDir Path tmp) throws IOException {
    Path big = tmp.resolve("metadata.yaml");
    try (FileChannel ch = FileChannel.open(big, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {'x'}), MetadataYaml.MAX_BYTES + 10);
    }
    MetadataFormatException e = assertThrows(MetadataFormatException.class,
        () -> MetadataYaml.read(big));
    assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
  }
}
