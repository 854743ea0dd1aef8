package dev.flotilla.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/problem.schema.json documents exactly the fields the reader accepts: for each object of
 * the format, a misspelt field is refused with the list of accepted ones, and that list equals
 * the schema's properties. The parameters' documented defaults are the nodes' defaults.
 */
class ProblemSchemaTest {
  @TempDir Path dir;
  static JsonNode schema;

  @BeforeAll
  static void load() throws Exception {
    schema = new ObjectMapper().readTree(Files.readString(Path.of("docs/problem.schema.json")));
  }

  private static TreeSet<String> properties(JsonNode object) {
    TreeSet<String> out = new TreeSet<>();
    object.get("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  private TreeSet<String> accepted(String yaml) throws Exception {
    Path f = Files.writeString(dir.resolve("p.yaml"), yaml);
    ProblemException e = assertThrows(ProblemException.class, () -> ProblemReader.read(f));
    Matcher m = Pattern.compile("expected one of \\[([^]]*)\\]").matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    return new TreeSet<>(List.of(m.group(1).split(", ")));
  }

  @Test
  void everyObjectAcceptsExactlyTheSchemasFields() throws Exception {
    String fleet = "robots:\n  r1: {x: 0}\n";
    JsonNode defs = schema.get("$defs");
    assertEquals(properties(schema), accepted(fleet + "tasks: {t1: {x: 1}}\nzzz: 1\n"));
    assertEquals(properties(defs.get("robot")),
        accepted("robots:\n  r1: {zzz: 1}\ntasks: {t1: {x: 1}}\n"));
    assertEquals(properties(defs.get("task")), accepted(fleet + "tasks: {t1: {zzz: 1}}\n"));
    assertEquals(properties(defs.get("parameters")),
        accepted(fleet + "tasks: {t1: {x: 1}}\nparameters: {zzz: 1}\n"));
    assertEquals(properties(defs.get("point")),
        accepted(fleet + "regions: {a: {zzz: 1}}\ntasks: {t1: {x: 1}}\n"));
    String scenario = Path.of("params/scenarios/trackfield.yaml").toAbsolutePath().toString();
    assertEquals(properties(defs.get("ltlTask")), accepted("scenario: " + scenario
        + "\nrobots:\n  v1: {agent_type: volunteer}\n"
        + "ltl_tasks: {phi: {formula: \"<> sw_r1\", zzz: 1}}\n"));
  }

  @Test
  void documentedParameterDefaultsAreTheNodesDefaults() throws Exception {
    Path f = Files.writeString(dir.resolve("p.yaml"), "robots:\n  r1: {x: 0}\n"
        + "tasks: {t1: {x: 1}}\n");
    Problem p = ProblemReader.read(f);
    JsonNode d = schema.get("$defs").get("parameters").get("properties");
    List<String> wrong = new ArrayList<>();
    check(wrong, d, "alpha", p.allocation().utility().alpha());
    check(wrong, d, "beta", p.allocation().utility().beta());
    check(wrong, d, "sigma_f", p.allocation().utility().sigmaF());
    check(wrong, d, "delta", p.allocation().utility().delta());
    check(wrong, d, "rebalance_threshold", p.allocation().rebalanceThreshold());
    check(wrong, d, "deviation_tolerance", p.allocation().deviationTolerance());
    assertTrue(wrong.isEmpty(), wrong.toString());
  }

  private static void check(List<String> wrong, JsonNode d, String key, double actual) {
    double documented = d.get(key).get("default").asDouble();
    if (documented != actual) {
      wrong.add(key + ": documented " + documented + ", node default " + actual);
    }
  }
}
