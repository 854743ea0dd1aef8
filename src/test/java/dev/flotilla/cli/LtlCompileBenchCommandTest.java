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

/** {@code flotilla bench compile} on small N. */
class LtlCompileBenchCommandTest {

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new LtlCompileBenchCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void writesATableAndACsvWithBothCompilers(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("compile.csv");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "--min", "3", "--max", "5", "--monolithic-max", "4",
        "--out", csv.toString());
    assertEquals(0, code, err.toString());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(7, lines.size(), lines.toString());
    assertTrue(lines.get(1).startsWith("3,product,compiled,6,3,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("3,monolithic,compiled,"), lines.get(2));
    assertTrue(lines.get(6).startsWith("5,monolithic,skipped,"), lines.get(6));
    assertTrue(out.toString().contains("above --monolithic-max"), out.toString());
  }

  @Test
  void badRangeExitsWith2AndSaysWhy(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(2, run(out, err, "--min", "9", "--max", "3", "--out",
        dir.resolve("x.csv").toString()));
    assertTrue(err.toString().contains("--min <= --max"), err.toString());
  }
}
