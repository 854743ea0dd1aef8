package dev.flotilla.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bench.FleetPhase.Kill;
import dev.flotilla.bench.FleetPhase.Resources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fleet benchmark's printout and CSV, from made-up figures (no DDS, no node processes). */
class FleetReportTest {

  private static FleetPhase phase(int robots, boolean baseline, double cpu, double detect) {
    List<Resources> resources = new ArrayList<>();
    for (String node : FleetBenchmark.NODES) {
      resources.add(new Resources(node, cpu, Double.NaN, 10 << 20, 12 << 20, 64 << 20, 3,
          Double.NaN));
    }
    resources.add(new Resources("bench", 1, 0.5, -1, -1, -1, -1, Double.NaN));
    List<Kill> kills = List.of(new Kill("r0001", detect, 0.01),
        new Kill("r0002", Double.NaN, Double.NaN));
    return new FleetPhase(robots, baseline, resources, kills, 0, robots, robots / 2, robots / 2,
        1.5, robots, 0.1, 10.0 * robots, 0.5);
  }

  private static FleetBenchmark.Config config(String overlay) {
    return new FleetBenchmark.Config(List.of(20), 10, 5, 2, 170, 1.0, 0.05, "greedy", 10, 10,
        overlay, List.of(), Path.of("."), System.err);
  }

  @Test
  void printsRatiosAgainstTheBaselineAndTheTarget() {
    FleetReport report = new FleetReport(config(""),
        List.of(phase(10, true, 2.0, 0.02), phase(20, false, 4.0, 0.04)), "1/2/3", "4/5/6");
    StringWriter text = new StringWriter();
    report.print(TableWriter.to(new PrintWriter(text)));
    String out = text.toString();
    assertTrue(out.contains("load average (1/5/15 min) 1/2/3 before, 4/5/6 after"), out);
    assertTrue(out.contains("ratios against the 10-robot baseline:"), out);
    assertTrue(out.contains("    20 robots: CPU synchronizer ×2.0 allocator ×2.0 planner ×2.0; "
        + "detection p99 ×2.0; reassignment p50 ×1.0"), out);
    assertTrue(out.contains("signature verification share: n/a (security off)"), out);
    assertTrue(out.contains("target (20 robots: every kill detected within timeout + 100 ms at "
        + "p99, no spurious failure): NOT met (p99 40.0 ms, 1 missed, 0 spurious)"), out);
  }

  @Test
  void csvHasOneLinePerNodeAndKill() {
    FleetReport report = new FleetReport(config(""), List.of(phase(10, false, 2.0, 0.02)), "",
        "");
    List<String> lines = report.csv();
    assertEquals(4 + 2, lines.size(), lines.toString());
    assertEquals("10,false,node,synchronizer,2.00,NaN,10485760,12582912,67108864,3,,",
        lines.get(0));
    assertEquals("10,false,kill,r0001,,,,,,,0.020000,0.010000", lines.get(4));
    assertEquals(FleetReport.CSV_HEADER.split(",").length, lines.get(4).split(",", -1).length);
  }

  @Test
  void securityShareSaysWhyItIsMissing() {
    List<FleetPhase> none = List.of(phase(10, false, 2.0, 0.02));
    assertEquals("n/a (security off)", FleetReport.securityShare("", none));
    assertTrue(FleetReport.securityShare("x:\n  security: enforce\n", none)
        .startsWith("not measured (security: enforce is set"));
  }
}
