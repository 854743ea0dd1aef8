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

class AllocBenchCommandTest {

  @TempDir Path dir;

  @Test
  void smallRunPrintsEverySectionAndWritesTheCsv() throws Exception {
    Path csv = dir.resolve("bench/alloc.csv");
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new AllocBenchCommand());
    cmd.setOut(new PrintWriter(out));
    int code = cmd.execute("--instances", "2", "--robots", "6", "--tasks", "4", "--need", "1,2",
        "--target", "none", "--cell-budget", "5", "--fig7-max-tasks", "3",
        "--fig8-max-robots", "4", "--speed-sizes", "30:10", "--quality-instances", "3",
        "--out", csv.toString());
    assertEquals(0, code, out.toString());
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).startsWith("section,n,m,need,instances,pg_utility"));
    for (String section : List.of("fig5-6,", "fig7,", "fig8,", "scaling,",
        "rebalance-event_triggered,", "rebalance-always_global,")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(section)), "missing " + section);
    }
    // Fig. 7 at m = 1: the game and enumeration agree exactly, so the reduction is 0.
    String m1 = lines.stream().filter(l -> l.startsWith("fig7,4,1,")).findFirst().orElseThrow();
    assertEquals(0.0, Double.parseDouble(m1.split(",")[8]), 1e-9);
    assertTrue(out.toString().contains("Figs. 5-6"));
    for (String section : List.of("speed,30,10,", "quality-tight-deadline,",
        "quality-paper-fig7-8,")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(section)), "missing " + section);
    }
    assertTrue(out.toString().contains("identical allocation"), out.toString());
    // Readable cells: no NaN or Infinity anywhere in the table or the CSV.
    assertTrue(!out.toString().contains("NaN") && !out.toString().contains("Infinity"),
        out.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("NaN") || l.contains("Infinity")));
  }

  @Test
  void badSpeedSizeIsRefused() {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new AllocBenchCommand());
    cmd.setErr(new PrintWriter(err));
    assertEquals(2, cmd.execute("--sections", "speed", "--speed-sizes", "10x5",
        "--out", dir.resolve("y").toString()));
    assertTrue(err.toString().contains("--speed-sizes"), err.toString());
  }

  @Test
  void badOptionsExitWithCode2AndNameTheOption() {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new AllocBenchCommand());
    cmd.setErr(new PrintWriter(err));
    assertEquals(2, cmd.execute("--sections", "fig5,bogus", "--out", dir.resolve("x").toString()));
    assertTrue(err.toString().contains("--sections"), err.toString());
    StringWriter err2 = new StringWriter();
    CommandLine cmd2 = new CommandLine(new AllocBenchCommand());
    cmd2.setErr(new PrintWriter(err2));
    assertEquals(2, cmd2.execute("--target", "100,x,2"));
    assertTrue(err2.toString().contains("--target"), err2.toString());
  }
}
