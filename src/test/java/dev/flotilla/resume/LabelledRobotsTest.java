package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.urdf.SharedUrdfs;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One named test per labelled real robot (issue #13): the 33 of {@code urdf/extra/labels.json}
 * plus the 13 of {@code urdf/} labelled in {@code shared_urdf_labels.json} (main resources, so
 * {@code flotilla bench resume} scores them too; one source note per robot). The mobility class
 * and every count must match; a mismatch prints the resume's evidence. A null label is a
 * quantity the URDF does not model (not scored).
 */
class LabelledRobotsTest {

  @TestFactory
  List<DynamicTest> everyLabelledRobot() {
    List<ResumeAccuracy.Labelled> all = ResumeAccuracy.labels(SharedUrdfs.dir());
    if (all.size() != 46) {
      fail("expected 46 labelled robots under " + SharedUrdfs.dir() + ", found " + all.size());
    }
    return all.stream()
        .map(l -> DynamicTest.dynamicTest(l.file(), () -> check(l.file(), l.label())))
        .toList();
  }

  private static void check(String file, JsonNode label) {
    RobotResume r =
        Resumes.resumeFromFile(file, SharedUrdfs.file(file), ResumeParams.defaults());
    List<String> wrong = ResumeAccuracy.mismatches(r, label);
    if (!wrong.isEmpty()) {
      fail(file + " — " + String.join("; ", wrong) + "\n" + ResumeExplainer.explain(r));
    }
  }
}
