package dev.flotilla.bag.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.flotilla.bag.mcap.McapRecord.Attachment;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Header;
import dev.flotilla.bag.mcap.McapRecord.Message;
import dev.flotilla.bag.mcap.McapRecord.Metadata;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance write-back: the records of each case's expected JSON are written with our writer,
 * configured with the case's features, and read again. Without padding (a reader-robustness
 * feature no writer produces) the file must equal the reference file byte for byte, and the
 * streamed read must yield exactly the expected records; with padding, the data records must.
 */
class McapConformanceWriteTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> writtenRecordsReadBack() throws IOException {
    return McapConformanceTest.cases().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> writeBack(p)));
  }

  private void writeBack(Path original) throws IOException {
    JsonNode expected = McapConformanceTest.expected(original);
    Set<String> features = new HashSet<>();
    expected.get("meta").get("variant").get("features").forEach(f -> features.add(f.asText()));
    List<McapRecord> records = ConformanceJson.fromJson(expected.get("records"));
    Header header = (Header) records.get(0);
    McapWriterOptions opt = new McapWriterOptions(header.profile(), header.library(),
        ChunkCompression.NONE, 4 * 1024 * 1024, features.contains("ch"), features.contains("mx"),
        features.contains("chx"), features.contains("st"), features.contains("rsh"),
        features.contains("rch"), features.contains("ax"), features.contains("mdx"),
        features.contains("sum"));
    Path out = tmp.resolve(original.getFileName());
    try (McapWriter w = new McapWriter(out, opt)) {
      for (McapRecord r : records.subList(1, records.size())) {
        if (r instanceof Schema s) {
          w.addSchema(s.id(), s.name(), s.encoding(), s.data());
        } else if (r instanceof Channel c) {
          w.addChannel(c.id(), c.schemaId(), c.topic(), c.messageEncoding(), c.metadata());
        } else if (r instanceof Message m) {
          w.writeMessage(m.channelId(), m.sequence(), m.logTime(), m.publishTime(), m.data());
        } else if (r instanceof Attachment a) {
          w.writeAttachment(a.logTime(), a.createTime(), a.name(), a.mediaType(), a.data());
        } else if (r instanceof Metadata md) {
          w.writeMetadata(md.name(), md.metadata());
        }
      }
    }
    ArrayNode actual = McapConformanceTest.streamed(out);
    if (!features.contains("pad")) {
      assertEquals(expected.get("records"), actual, original.toString());
      assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(out), original.toString());
    } else {
      assertEquals(dataRecords(expected.get("records")), dataRecords(actual), original.toString());
    }
  }

  private static ArrayNode dataRecords(JsonNode records) {
    ArrayNode out = McapConformanceTest.M.createArrayNode();
    Set<String> data = Set.of("Header", "Schema", "Channel", "Message", "Attachment", "Metadata");
    for (JsonNode r : records) {
      if (data.contains(r.get("type").asText())) {
        out.add(r);
      }
    }
    return out;
  }
}
