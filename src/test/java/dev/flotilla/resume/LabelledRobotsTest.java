package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.urdf.SharedUrdfs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One named test per labelled real robot (issue #13): the 33 of {@code urdf/extra/labels.json}
 * plus the 13 of {@code urdf/} labelled in {@code shared_urdf_labels.json} (one source note each).
 * The mobility class and every count must match; a mismatch prints the resume's evidence. A null
 * label is a quantity the URDF does not model (not scored).
 */
class LabelledRobotsTest {

  /** Loads every label: file (relative to the shared URDF directory) → label object. */
  static Map<String, JsonNode> labels() {
    Map<String, JsonNode> out = new TreeMap<>();
    ObjectMapper m = new ObjectMapper();
    try (InputStream in =
        LabelledRobotsTest.class.getResourceAsStream("shared_urdf_labels.json")) {
      put(out, "", m.readTree(in));
      Path extra = SharedUrdfs.dir().resolve("extra").resolve("labels.json");
      put(out, "extra/", m.readTree(Files.readString(extra)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void put(Map<String, JsonNode> out, String prefix, JsonNode all) {
    for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(prefix + e.getKey(), e.getValue());
    }
  }

  @TestFactory
  List<DynamicTest> everyLabelledRobot() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : labels().entrySet()) {
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
    }
    return tests;
  }

  private static void check(String file, JsonNode label) {
    RobotResume r =
        Resumes.resumeFromFile(file, SharedUrdfs.file(file), ResumeParams.defaults());
    Map<String, String> got = ResumeFacts.of(r);
    List<String> wrong = new ArrayList<>();
    for (String field : ResumeFacts.FIELDS) {
      JsonNode want = label.get(field);
      if (want == null || want.isNull()) {
        continue;
      }
      if (!want.asText().equals(got.get(field))) {
        wrong.add(field + ": expected " + want.asText() + ", got " + got.get(field));
      }
    }
    if (!wrong.isEmpty()) {
      fail(file + " — " + String.join("; ", wrong) + "\n" + ResumeExplainer.explain(r));
    }
  }
}
