package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LaunchCommandTest {
  static final Path ROOT = Path.of(System.getProperty("flotilla.root", ".")).toAbsolutePath()
      .normalize();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    CommandLine cl = FlotillaCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void dryRunPrintsTheResolvedProcesses() {
    int code = run("launch", ROOT.resolve("launch/fleet.launch.xml").toString(), "--dry-run",
        "domain_id:=193", "namespace:=/fleet_a");
    assertEquals(0, code, err.toString());
    String[] lines = out.toString().split("\n");
    assertEquals(6, lines.length, out.toString());
    long pid = ProcessHandle.current().pid();
    assertEquals("synchronizer: flotilla node synchronizer --params "
        + ROOT.resolve("params/.fleet.synchronizer.launch-" + pid + ".yaml")
        + " --namespace /fleet_a --domain-id 193", lines[0]);
    assertTrue(lines[1].contains("/fleet_a/synchronizer {use_sim_time=false}"), lines[1]);
    assertTrue(lines[2].startsWith("allocator: flotilla node allocator "), lines[2]);
    assertTrue(lines[4].startsWith("planner: flotilla node planner "), lines[4]);
  }

  @Test
  void dryRunOfTheSimulationListsTheAgents() {
    assertEquals(0, run("launch", ROOT.resolve("launch/sim.launch.xml").toString(),
        "--dry-run"), err.toString());
    assertTrue(out.toString().contains("r2_agent: flotilla agent --params "), out.toString());
    assertTrue(out.toString().contains("--robot r2"), out.toString());
    assertTrue(out.toString().contains("sim: flotilla sim --params "), out.toString());
  }

  @Test
  void malformedAssignmentIsBadInput() {
    assertEquals(2, run("launch", ROOT.resolve("launch/fleet.launch.xml").toString(),
        "--dry-run", "domain_id=3"));
    assertTrue(err.toString().contains("'domain_id=3' is not a launch argument; write "
        + "NAME:=VALUE."), err.toString());
  }

  @Test
  void fileOutsideTheSubsetIsBadInputNamingFileAndLine() throws Exception {
    Path f = Files.writeString(dir.resolve("x.launch.xml"),
        "<launch>\n  <arg name='a' default='1'/>\n  <timer period='1'/>\n</launch>\n");
    assertEquals(2, run("launch", f.toString(), "--dry-run"));
    assertTrue(err.toString().startsWith("flotilla launch: " + f + ":3: <timer>: element "
        + "outside Flotilla's launch subset"), err.toString());
  }

  @Test
  void missingFileIsBadInput() {
    assertEquals(2, run("launch", dir.resolve("none.launch.xml").toString(), "--dry-run"));
    assertTrue(err.toString().contains("none.launch.xml: launch file not found."),
        err.toString());
  }

  @Test
  void flotillaCommandRunsTheSameJava() {
    assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        LaunchCommand.flotillaCommand().get(0));
  }
}
