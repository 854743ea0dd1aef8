package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue #16: every CLI path given bad parameter, URDF or key input answers with one sentence
 * naming the file and exit code 2, never a stack trace. Each input is built here, in a temp dir.
 */
class BadInputSentenceTest {
  @TempDir Path tmp;

  /** Runs the CLI in-process; returns what it printed on its stderr after checking it. */
  private String refused(String... args) {
    CommandLine cli = FlotillaCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    String all = err.toString().strip();
    String shown = String.join(" ", args) + " printed: " + all;
    assertEquals(2, code, shown);
    assertFalse(all.contains("\tat ") || all.contains("Exception"), shown);
    assertEquals(1, all.lines().count(), shown);
    return all;
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static void assertNames(String message, Object... parts) {
    for (Object p : parts) {
      assertTrue(message.contains(p.toString()), () -> "'" + p + "' missing in: " + message);
    }
  }

  @Test
  void missingParameterFileIsOneSentenceForEveryCommand() {
    String missing = tmp.resolve("nope.yaml").toString();
    for (List<String> cmd : List.of(List.of("node", "allocator"), List.of("up"),
        List.of("sim"), List.of("agent", "--robot", "r1"))) {
      String[] args = new String[cmd.size() + 2];
      cmd.toArray(args);
      args[cmd.size()] = "--params";
      args[cmd.size() + 1] = missing;
      assertNames(refused(args), missing, "does not exist");
    }
  }

  @Test
  void parameterFileThatIsADirectory() {
    assertNames(refused("node", "planner", "--params", tmp.toString()), tmp, "directory");
  }

  @Test
  void unreadableYaml() throws Exception {
    Path f = file("bad.yaml", "allocator:\n  ros__parameters: {alpha: [1,\n");
    assertNames(refused("node", "allocator", "--params", f.toString()), f, "not valid YAML",
        "line");
  }

  @Test
  void binaryParameterFile() throws Exception {
    Path f = Files.write(tmp.resolve("bin.yaml"), new byte[] {(byte) 0xc3, 0x28, 0x0a});
    assertNames(refused("sim", "--params", f.toString()), f, "UTF-8");
  }

  @Test
  void aliasDuplicateAndMisspeltSectionAreRefusedByTheNodes() throws Exception {
    Path alias = file("alias.yaml", "/**:\n  ros__parameters:\n    d: &j x\n"
        + "allocator:\n  ros__parameters:\n    state_dir: *j\n");
    assertNames(refused("node", "allocator", "--params", alias.toString()), alias, "line 6",
        "*j");
    Path dup = file("dup.yaml", "/**:\n  ros__parameters:\n    robots:\n      r1: {x: 1.0}\n"
        + "      r1: {x: 2.0}\n");
    assertNames(refused("up", "--params", dup.toString()), dup, "line 5", "robots.r1");
    Path typo = file("typo.yaml", "allocatr:\n  ros__parameters: {alpha: 0.1}\n");
    assertNames(refused("node", "allocator", "--params", typo.toString()), typo, "line 1",
        "allocatr");
  }

  @Test
  void robotUrdfThatIsNotAUrdfStopsTheNodeNamingKeyAndFile() throws Exception {
    file("garbage.urdf", "this is not XML");
    file("launch.urdf", "<launch><node/></launch>");
    for (String urdf : List.of("garbage.urdf", "launch.urdf")) {
      Path f = file("fleet-" + urdf + ".yaml",
          "/**:\n  ros__parameters:\n    robots:\n      r1: {x: 0.0, urdf: " + urdf + "}\n");
      assertNames(refused("node", "allocator", "--params", f.toString()), f,
          "robots.r1.urdf", urdf);
    }
  }

  @Test
  void resumeOfGarbageMissingDirectoryOrImpossibleUrdf() throws Exception {
    assertNames(refused("resume", file("g.urdf", "\u0000garbage").toString()), "g.urdf");
    assertNames(refused("resume", tmp.resolve("none.urdf").toString()), "does not exist");
    assertNames(refused("resume", tmp.toString()), "directory");
    Path far = file("far.urdf", "<robot name=\"r\"><link name=\"a\"/><link name=\"b\"/>"
        + "<joint name=\"j\" type=\"fixed\"><parent link=\"a\"/><child link=\"b\"/>"
        + "<origin xyz=\"1e300 0 0\"/></joint></robot>");
    assertNames(refused("resume", far.toString()), far, "1e300");
  }

  @Test
  void worldWritableKeyDirectoryStopsASecuredNode() throws Exception {
    Path keys = tmp.resolve("keys");
    CommandLine cli = FlotillaCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    assertEquals(0, cli.execute("keys", "gen", "--dir", keys.toString(), "planner", "allocator",
        "synchronizer"));
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path f = file("sec.yaml", "/**:\n  ros__parameters:\n    security: {mode: enforce, "
        + "keys_dir: keys, roster: {allocator: [allocations, reassignments, events, "
        + "allocator_leases], planner: [accepted_tasks, ltl_plans, events], "
        + "synchronizer: [events]}}\n");
    assertNames(refused("node", "allocator", "--params", f.toString()), keys, "rwxrwxrwx");
  }
}
