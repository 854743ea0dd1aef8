package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of {@code flotilla bench fleet}: a 5-robot fleet, one kill, a 3 s window, on DDS
 * domain 178 (the range reserved for the fleet benchmark). About 15 s on an idle 2-core machine,
 * most of it starting the three node JVMs.
 */
class FleetBenchIT {
  @TempDir Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void benchFleetMeasuresATinyFleet() throws Exception {
    Path csv = dir.resolve("fleet.csv");
    try (FlotillaProcess bench = new FlotillaProcess(dir, "bench", "fleet", "--robots", "5",
        "--baseline-robots", "0", "--kills", "1", "--duration", "3", "--domain-id", "178",
        "--out", csv.toString())) {
      assertEquals(0, bench.waitFor(80), bench.err());
      String out = bench.out();
      assertTrue(out.contains("signature verification share: n/a (security off)"), out);
      assertTrue(out.contains("target (5 robots"), out);
      List<String> rows = Files.readAllLines(csv);
      assertEquals(1 + 4 + 1, rows.size(), String.join("\n", rows));
      String kill = rows.stream().filter(r -> r.contains(",kill,")).findFirst().orElseThrow();
      String[] f = kill.split(",", -1);
      double detect = Double.parseDouble(f[10]);
      double reassign = Double.parseDouble(f[11]);
      assertTrue(detect > -0.2 && detect < 2, "detection after timeout: " + detect);
      assertTrue(reassign >= 0 && reassign < 5, "reassignment after detection: " + reassign);
      for (String node : List.of("synchronizer", "allocator", "planner")) {
        String row = rows.stream().filter(r -> r.contains(",node," + node + ","))
            .findFirst().orElseThrow();
        assertTrue(Double.parseDouble(row.split(",")[4]) >= 0, row);
      }
    }
  }
}
