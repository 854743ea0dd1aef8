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

class ResumeBenchCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new ResumeBenchCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private static Path demoFleet() {
    return Path.of(System.getProperty("flotilla.root", "."), "urdf");
  }

  @Test
  void smallRunPrintsTableAndWritesCsv(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("bench/resume.csv");
    int code =
        run("--urdf-dir", demoFleet().toString(), "--episodes", "8", "--repeats", "1",
            "--oracle-samples", "500", "--out", csv.toString());
    assertEquals(0, code, err.toString());
    String table = out.toString();
    assertTrue(table.contains("flotilla_wheeled_manipulator.urdf"), table);
    assertTrue(table.contains("resume lambda (ours)"), table);
    assertTrue(table.contains("EMOS GPT-4o"), table);
    List<String> rows = Files.readAllLines(csv);
    assertEquals("section,name,metric,value", rows.get(0));
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("feasibility,resume lambda (ours),"
        + "episode_success_pct,")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.equals("feasibility,episodes,valid,8.0000")),
        rows.toString());
  }

  @Test
  void badInputGivesExitCode2(@TempDir Path dir) {
    assertEquals(2, run("--urdf-dir", dir.toString(), "--episodes", "1"));
    assertTrue(err.toString().contains("no .urdf file"), err.toString());
    assertEquals(2, run("--urdf-dir", demoFleet().toString(), "--episodes", "0"));
    assertEquals(2, run("--urdf-dir", dir.resolve("missing").toString()));
    assertTrue(err.toString().contains("cannot list"), err.toString());
  }
}
