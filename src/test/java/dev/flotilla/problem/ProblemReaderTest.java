package dev.flotilla.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.fleet.AllocationSettings;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.ros.params.ParamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: a problem file's bad input is one sentence naming the file, the line and the field
 * (a bad formula also its column). Every hostile input is built here, in a temp dir.
 */
class ProblemReaderTest {
  @TempDir Path dir;

  private static final String FLEET = """
      robots:
        r1: {x: 0.0, y: 0.0}
        r2: {x: 4.0, y: 0.0}
      """;

  private Path write(String text) throws Exception {
    return Files.writeString(dir.resolve("p.yaml"), text);
  }

  private String refused(String text) throws Exception {
    Path f = write(text);
    ProblemException e = assertThrows(ProblemException.class, () -> ProblemReader.read(f));
    String m = e.getMessage();
    assertTrue(m.startsWith(f.toString() + ": "), m);
    assertEquals(1, m.lines().count(), m);
    assertTrue(m.endsWith("."), m);
    return m;
  }

  private static void assertNames(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), () -> "'" + p + "' missing in: " + message);
    }
  }

  @Test
  void aMinimalProblemTakesTheAllocatorNodesDefaults() throws Exception {
    Problem p = ProblemReader.read(write(FLEET + "tasks:\n  t1: {x: 1.0, y: 2.0}\n"));
    AllocationSettings node = AllocatorParams.read(ParamReader.empty("allocator")).settings();
    assertEquals(node.utility(), p.allocation().utility());
    assertEquals(node.eventTriggered(), p.allocation().eventTriggered());
    assertEquals(node.rebalanceThreshold(), p.allocation().rebalanceThreshold());
    assertEquals(node.replanPolicy(), p.allocation().replanPolicy());
    assertEquals(2, p.robots().size());
    assertEquals(1, p.tasks().size());
    assertEquals(100.0, p.tasks().get(0).task().baseUtility());
    assertEquals(null, p.ltl());
  }

  @Test
  void aMisspeltFieldNamesItsLine() throws Exception {
    String m = refused(FLEET + "tasks:\n  t1: {x: 1.0, y: 2.0, duraton: 3}\n");
    assertNames(m, "line 5", "tasks.t1.duraton", "is not a field here", "duration");
  }

  @Test
  void aWrongTypeNamesLineFieldAndRange() throws Exception {
    String m = refused("robots:\n  r1: {x: 0.0,\n       max_speed: fast}\ntasks: {t1: {x: 1}}\n");
    assertNames(m, "line 3", "robots.r1.max_speed", "0.001..100", "\"fast\"");
  }

  @Test
  void anOutOfRangeTaskValue() throws Exception {
    assertNames(refused(FLEET + "tasks:\n  t1: {required_robots: 0}\n"), "line 5",
        "tasks.t1.required_robots", "1..1000", "got 0");
  }

  @Test
  void aBadFormulaNamesItsLineAndColumn() throws Exception {
    String m = refused("""
        scenario: ../scenario.yaml
        robots:
          v1: {x: -85.0, y: -58.0, agent_type: volunteer}
        ltl_tasks:
          phi1:
            formula: "<> (sw_r1 && "
        """.replace("../scenario.yaml", scenario().toString()));
    assertNames(m, "line 6", "ltl_tasks.phi1.formula", "column");
  }

  @Test
  void ltlTasksWithoutAScenario() throws Exception {
    assertNames(refused(FLEET + "ltl_tasks:\n  phi1: {formula: \"<> a\"}\n"), "line 4",
        "ltl_tasks", "scenario");
  }

  @Test
  void anUnknownAgentType() throws Exception {
    String m = refused(("scenario: S\nrobots:\n  v1: {agent_type: juggler}\n"
        + "ltl_tasks:\n  phi1: {formula: \"<> sw_r1\"}\n").replace("S", scenario().toString()));
    assertNames(m, "robots.v1.agent_type", "juggler", "volunteer");
  }

  @Test
  void duplicateKeysAndAliasesAreRefusedWithTheirLines() throws Exception {
    assertNames(refused(FLEET + "tasks:\n  t1: {x: 1}\n  t1: {x: 2}\n"), "line 6",
        "tasks.t1 appears twice (first at line 5)");
    assertNames(refused("robots:\n  r1: &a {x: 1}\n  r2: *a\ntasks: {t1: {x: 1}}\n"),
        "line 3", "robots.r2", "alias");
  }

  @Test
  void yamlSyntaxErrorsNameLineAndColumn() throws Exception {
    assertNames(refused(FLEET + "tasks: {t1: [1,\n"), "line", "not valid YAML");
  }

  @Test
  void aTaskInAnUnknownRegion() throws Exception {
    assertNames(refused(FLEET + "regions: {dock: {x: 1}}\ntasks:\n  t1: {region: dck}\n"),
        "line 6", "tasks.t1.region", "dck", "[dock]");
  }

  @Test
  void aUrdfThatIsNotAFileOrNotAUrdf() throws Exception {
    assertNames(refused("robots:\n  r1: {urdf: missing.urdf}\ntasks: {t1: {x: 1}}\n"),
        "line 2", "robots.r1.urdf", "missing.urdf", "not a readable file");
    Files.writeString(dir.resolve("bad.urdf"), "<robot name='x'><link></robot>");
    assertNames(refused("robots:\n  r1: {urdf: bad.urdf}\ntasks: {t1: {x: 1}}\n"),
        "line 2", "robots.r1.urdf", "not a usable URDF");
  }

  @Test
  void aResumeOfAnotherRobotIsRefused() throws Exception {
    Files.writeString(dir.resolve("r9.json"), Files.readString(Path.of("src/test/resources")
        .resolve("problem/r9_resume.json")));
    assertNames(refused("robots:\n  r1: {resume: r9.json}\ntasks: {t1: {x: 1}}\n"),
        "line 2", "robots.r1.resume", "r9");
  }

  @Test
  void noRobotsOrNoTasks() throws Exception {
    assertNames(refused("tasks: {t1: {x: 1}}\n"), "robots", "at least one robot");
    assertNames(refused(FLEET), "no tasks");
    assertNames(refused(""), "at least one robot");
  }

  @Test
  void badIdsAreRefused() throws Exception {
    assertNames(refused("robots:\n  1r: {x: 0}\ntasks: {t1: {x: 1}}\n"), "line 2", "robots.1r",
        "robot id");
    assertNames(refused(FLEET + "tasks:\n  \"t 1\": {x: 1}\n"), "line 5", "task id");
  }

  @Test
  void oversizedAndNonTextFilesAreRefusedUnread() throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[(int) ProblemReader.MAX_FILE_BYTES + 1]);
    ProblemException e = assertThrows(ProblemException.class, () -> ProblemReader.read(big));
    assertNames(e.getMessage(), "big.yaml", "bytes");
    Path bin = Files.write(dir.resolve("bin.yaml"), new byte[] {(byte) 0xc3, 0x28, 0x0a});
    e = assertThrows(ProblemException.class, () -> ProblemReader.read(bin));
    assertNames(e.getMessage(), "bin.yaml", "UTF-8");
    e = assertThrows(ProblemException.class, () -> ProblemReader.read(dir.resolve("no.yaml")));
    assertNames(e.getMessage(), "no.yaml", "does not exist");
  }

  @Test
  void deeplyNestedInputIsRefusedWithoutExhaustingTheStack() throws Exception {
    String m = refused("tasks: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    assertNames(m, "nested deeper");
    assertFalse(m.contains("Exception"), m);
  }

  private Path scenario() {
    return Path.of("params/scenarios/trackfield.yaml").toAbsolutePath();
  }
}
