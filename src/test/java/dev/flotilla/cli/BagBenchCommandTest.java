package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bench.Statistics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark runs end to end at a tiny size and writes one CSV row per format. */
class BagBenchCommandTest {
  @TempDir Path tmp;

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(2.0, Statistics.median(new double[] {3, 1, 2}));
    assertEquals(2.5, Statistics.median(new double[] {4, 1, 3, 2}));
  }

  @Test
  void tinyRunWritesTableAndCsv() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new BagBenchCommand());
    cl.setOut(new PrintWriter(out));
    Path csv = tmp.resolve("bench.csv");
    int code = cl.execute("--size-mb", "1", "--passes", "3", "--warmup-passes", "1", "--out",
        csv.toString(), "--work-dir", tmp.resolve("work").toString());
    assertEquals(0, code, out.toString());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(5, lines.size());
    assertTrue(lines.get(0).startsWith("format,messages,payload_bytes,file_bytes"));
    List<String> header = List.of(lines.get(0).split(","));
    int view = header.indexOf("view_mb_s");
    int read = header.indexOf("read_mb_s");
    assertTrue(view > 0 && read > 0, lines.get(0));
    for (String row : lines.subList(1, lines.size())) {
      String[] v = row.split(",");
      assertEquals(header.size(), v.length, row);
      assertTrue(Double.parseDouble(v[view]) > 0 && Double.parseDouble(v[read]) > 0, row);
    }
    for (String f : List.of("mcap-none", "mcap-zstd", "mcap-lz4", "sqlite3")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(f + ",")), f);
      assertTrue(out.toString().contains(f), out.toString());
    }
    // Generated bags are removed unless --keep.
    assertTrue(Files.notExists(tmp.resolve("work")) || Files.list(tmp.resolve("work"))
        .findAny().isEmpty());
  }

  @Test
  void nonPositiveSizeIsBadInput() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BagBenchCommand());
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("--size-mb", "0"));
    assertTrue(err.toString().contains("--size-mb"));
    assertEquals(2, cl.execute("--passes", "0"));
    assertTrue(err.toString().contains("--passes"), err.toString());
  }
}
