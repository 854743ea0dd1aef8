package dev.flotilla.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bench.LoadFigures.NodeStats;
import dev.flotilla.node.NodeHost;
import dev.flotilla.node.SynchronizerParams;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadFiguresTest {

  @Test
  void quantilesAreNearestRank() {
    double[] v = {5, 1, 4, 2, 3};
    assertEquals(3, Statistics.quantile(v, 0.5));
    assertEquals(5, Statistics.quantile(v, 0.99));
    assertEquals(1, Statistics.quantile(v, 0.0));
    assertEquals(5, Statistics.quantile(v, 1.0));
    assertEquals(5, v[0], "the samples are not reordered");
    double[] hundred = new double[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = i + 1;
    }
    assertEquals(99, Statistics.quantile(hundred, 0.99));
    assertTrue(Double.isNaN(Statistics.quantile(new double[0], 0.5)));
  }

  @Test
  void statusLinesRoundTripAndGiveCpuShares() {
    NodeStats a = new NodeStats(1_000, 2_000_000_000L, 500_000_000L, 10, 20, 3, -1);
    NodeStats b = new NodeStats(3_000, 2_500_000_000L, 600_000_000L, 11, 21, 4, -1);
    assertEquals(a, LoadFigures.parseStats(a.format()));
    assertEquals(25.0, b.cpuPercentSince(a), 1e-9);
    assertEquals(5.0, b.executorCpuPercentSince(a), 1e-9);
    NodeStats unknownThread = new NodeStats(3_000, 0, -1, 0, 0, 0, -1);
    assertTrue(Double.isNaN(unknownThread.executorCpuPercentSince(a)));
    assertTrue(Double.isNaN(a.cpuPercentSince(a)), "no wall time, no share");
    assertTrue(Double.isNaN(b.verifySharePercentSince(a)), "security off: not measured");
    NodeStats v0 = new NodeStats(0, 1_000_000_000L, -1, 0, 0, 0, 0);
    NodeStats v1 = new NodeStats(1_000, 1_400_000_000L, -1, 0, 0, 0, 100_000_000L);
    assertEquals(25.0, v1.verifySharePercentSince(v0), 1e-9);
    assertEquals(v1, LoadFigures.parseStats(v1.format()));
    assertEquals(-1, LoadFigures.parseStats("flotilla-stats wall_ms=1 cpu_ns=2 exec_cpu_ns=3 "
        + "heap_used=4 heap_committed=5 gc_ms=6").verifyCpuNanos(), "older lines still parse");
  }

  @Test
  void otherOutputAndCutLinesAreNotStatus() {
    assertNull(LoadFigures.parseStats("flotilla-ready synchronizer"));
    assertNull(LoadFigures.parseStats(null));
    assertNull(LoadFigures.parseStats("flotilla-stats wall_ms=1 cpu_ns=2 exec_cpu_ns=3"));
    assertNull(LoadFigures.parseStats("flotilla-stats wall_ms=1 cpu_ns=x exec_cpu_ns=3 "
        + "heap_used=4 heap_committed=5 gc_ms=6"));
    assertNull(LoadFigures.parseStats("flotilla-statswall_ms=1"));
  }

  @Test
  void overlayAddsNodeParametersAndKeepsTheFleet() {
    String base = """
        /**:
          ros__parameters:
            robots:
              r0000: {x: 0.0, y: 0.0}
              r0001: {x: 2.0, y: 0.0}
        synchronizer:
          ros__parameters:
            heartbeat_timeout: 1.0
            check_period: 0.05
        """;
    String overlay = """
        synchronizer:
          ros__parameters:
            check_period: 0.02
        planner:
          ros__parameters:
            use_sim_time: false
        """;
    RosParamsFile file = RosParamsFile.parse("(merged)", LoadFigures.overlayParams(base, overlay));
    SynchronizerParams p = SynchronizerParams.read(file.forNode("/", "synchronizer"));
    assertEquals(0.02, p.checkPeriod());
    assertEquals(1.0, p.heartbeatTimeout());
    assertEquals(List.of("r0000", "r0001"), p.fleet().robotIds());
    assertEquals(false, file.forNode("/", "planner").bool("use_sim_time", true));
    assertEquals(LoadFigures.overlayParams(base, ""),
        LoadFigures.overlayParams(base, "  \n"));
    assertThrows(IllegalArgumentException.class, () -> LoadFigures.overlayParams(base, "- a"));
  }

  @Test
  void generatedFleetFileValidatesForEveryNode() {
    FleetBenchmark bench = new FleetBenchmark(new FleetBenchmark.Config(List.of(40), 0, 1, 1,
        170, 0.5, 0.02, "greedy", 10, 10, "", List.of(), Path.of("."), System.err));
    RosParamsFile file = RosParamsFile.parse("(bench)", bench.params(40));
    for (String node : FleetBenchmark.NODES) {
      NodeHost.spec(node, file, "/");
    }
    SynchronizerParams p = SynchronizerParams.read(file.forNode("/", "synchronizer"));
    assertEquals(40, p.fleet().robots().size());
    assertEquals("r0039", p.fleet().robotIds().get(39));
    assertEquals(0.5, p.heartbeatTimeout());
  }
}
