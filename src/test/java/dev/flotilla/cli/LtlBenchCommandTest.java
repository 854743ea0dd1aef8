package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flotilla bench ltl} on a short budget. */
class LtlBenchCommandTest {

  private static final Path SCENARIO =
      Path.of(System.getProperty("flotilla.root", "."), "params", "scenarios", "trackfield.yaml");

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new LtlBenchCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void case1WritesATableAndACsvWithOfflineAndOnlineRows(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("ltl.csv");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        run(
            out,
            err,
            "--scenario",
            SCENARIO.toString(),
            "--cases",
            "case1",
            "--budget",
            "0.3",
            "--replan-budget",
            "0.2",
            "--no-warmup",
            "--no-anytime",
            "--out",
            csv.toString());
    assertEquals(0, code, err.toString());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("case,agents,phase,"));
    assertTrue(lines.get(1).startsWith("case1,17,offline,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("case1,17,online:phi6,30."), lines.get(2));
    assertTrue(lines.get(1).contains(",true,true,"), "valid and accepted: " + lines.get(1));
    assertTrue(out.toString().contains("case1"), out.toString());
  }

  @Test
  void badInputExitsWith2AndNamesTheProblem(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(
        2, run(new StringWriter(), err, "--scenario", dir.resolve("nope.yaml").toString()));
    assertTrue(err.toString().contains("nope.yaml"), err.toString());
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "regions: {a: {x: 0}}\n");
    err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "--scenario", bad.toString()));
    assertTrue(err.toString().contains("regions.a.y"), err.toString());
    err = new StringWriter();
    assertEquals(
        2, run(new StringWriter(), err, "--scenario", SCENARIO.toString(), "--cases", "case9"));
    assertTrue(err.toString().contains("unknown case case9"), err.toString());
  }

  @Test
  void paperFiguresOnlyForThePaperScenarioAndAQuickAnytimeRunPrintsEveryPlanner(@TempDir Path dir)
      throws Exception {
    // The same cases under another scenario name: no paper_s cell may be filled in.
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, Files.readString(SCENARIO)
        .replace("name: smart-track-field", "name: my-stadium"));
    Path csv = dir.resolve("ltl.csv");
    Path anytime = dir.resolve("any.csv");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "--scenario", other.toString(), "--cases", "case1", "--budget", "0.3",
        "--replan-budget", "0.2", "--no-warmup", "--checkpoints", "0.3,0.6",
        "--anytime-replan-budget", "0.3", "--workers", "1", "--out", csv.toString(),
        "--anytime-out", anytime.toString());
    assertEquals(0, code, err.toString());
    for (String line : Files.readAllLines(csv).subList(1, 3)) {
      assertTrue(line.endsWith(","), "paper_s must be empty for a user's scenario: " + line);
    }
    List<String> any = Files.readAllLines(anytime);
    assertTrue(any.get(0).startsWith("case,phase,planner,"), any.get(0));
    for (String planner : List.of("bnb", "cpsat", "cpsat+bnb")) {
      assertEquals(2, any.stream().filter(l -> l.startsWith("case1,offline," + planner + ","))
          .count(), planner + " in " + any);
    }
    assertEquals(4, any.stream().filter(l -> l.startsWith("case1,online:phi6,")).count(),
        any.toString());
    assertTrue(out.toString().contains("target case1 proven optimal"), out.toString());
  }

  @Test
  void paperFiguresStayForThePaperScenario(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("ltl.csv");
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "--scenario", SCENARIO.toString(), "--cases",
        "case1", "--budget", "0.3", "--replan-budget", "0.2", "--no-warmup", "--no-anytime",
        "--out", csv.toString());
    assertEquals(0, code, err.toString());
    assertTrue(Files.readAllLines(csv).get(1).endsWith(",10.1200"),
        Files.readAllLines(csv).get(1));
  }

  @Test
  void badCheckpointsExitWith2() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "--scenario", SCENARIO.toString(),
        "--checkpoints", "10,1"));
    assertTrue(err.toString().contains("--checkpoints"), err.toString());
  }

  @Test
  void aRelativeScenarioIsFoundUnderFlotillaHomeFromAnotherDirectory(@TempDir Path dir)
      throws Exception {
    Path home = dir.resolve("home");
    Path rel = Path.of("nowhere-here", "stadium.yaml");
    Files.createDirectories(home.resolve(rel).getParent());
    Files.copy(SCENARIO, home.resolve(rel));
    LtlBenchCommand cmd = new LtlBenchCommand();
    cmd.home = home.toString();
    CommandLine cl = new CommandLine(cmd);
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("--scenario", rel.toString(), "--cases", "case1", "--budget", "0.2",
        "--replan-budget", "0.1", "--no-warmup", "--no-anytime", "--out",
        dir.resolve("o.csv").toString());
    assertEquals(0, code, err.toString());
    cmd = new LtlBenchCommand();
    cmd.home = dir.resolve("empty").toString();
    cl = new CommandLine(cmd);
    err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    assertEquals(2, cl.execute("--scenario", rel.toString()));
    assertTrue(err.toString().contains("stadium.yaml"), err.toString());
  }
}
