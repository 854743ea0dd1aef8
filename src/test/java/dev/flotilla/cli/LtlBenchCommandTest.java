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
}
