package dev.flotilla.bag.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of the MCAP conformance suite, read with the streamed reader. */
class McapConformanceTest {
  static final ObjectMapper M = new ObjectMapper();

  static Path suite() {
    return Path.of(System.getProperty("flotilla.shared", "../shared"), "data",
        "mcap-conformance");
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.walk(suite())) {
      return s.filter(p -> p.toString().endsWith(".mcap")).sorted().toList();
    }
  }

  static JsonNode expected(Path mcap) throws IOException {
    String json = mcap.toString().replaceAll("\\.mcap$", ".json");
    return M.readTree(Path.of(json).toFile());
  }

  static ArrayNode streamed(Path mcap) throws IOException {
    ArrayNode actual = M.createArrayNode();
    try (McapScanner sc = new McapScanner(mcap, true, null)) {
      for (McapScanner.Located r = sc.next(); r != null; r = sc.next()) {
        if (r.record().opcode() != Opcode.MESSAGE_INDEX) {
          actual.add(ConformanceJson.toJson(r.record()));
        }
      }
    }
    return actual;
  }

  @TestFactory
  Stream<DynamicTest> streamedReadMatchesExpectedRecords() throws IOException {
    List<Path> cases = cases();
    assertTrue(cases.size() > 300, "conformance suite missing under " + suite());
    return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
        () -> assertEquals(expected(p).get("records"), streamed(p), p.toString())));
  }
}
