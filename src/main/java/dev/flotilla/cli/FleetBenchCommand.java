package dev.flotilla.cli;

import dev.flotilla.bench.CpuHogs;
import dev.flotilla.bench.FleetBenchmark;
import dev.flotilla.bench.FleetPhase;
import dev.flotilla.bench.FleetReport;
import dev.flotilla.bench.TableWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flotilla bench fleet}: issue #8's load benchmark, per-node CPU/heap and latencies. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
    description = "Fleet load over DDS on loopback: N simulated robots heartbeating and "
        + "publishing odometry, the three nodes as separate JVMs; per-node CPU and heap, "
        + "heartbeat-to-detection and failure-to-reassignment latency, against a small-fleet "
        + "baseline measured in the same run.")
final class FleetBenchCommand implements Callable<Integer> {
  @Option(names = "--robots", split = ",", paramLabel = "N[,N…]",
      description = "Fleet sizes (default 100,300,1000).")
  List<Integer> robots = List.of(100, 300, 1000);

  @Option(names = "--baseline-robots", description = "Robots of the baseline phase, run first "
      + "with the same kills; 0 for none (default 10).")
  int baselineRobots = 10;

  @Option(names = "--duration", paramLabel = "S",
      description = "Measurement window per fleet size in s (default 20).")
  double duration = 20;

  @Option(names = "--kills", paramLabel = "K",
      description = "Robots silenced per fleet size, spread over the window (default 5).")
  int kills = 5;

  @Option(names = "--domain-id", paramLabel = "N", description = "DDS domain of the first "
      + "phase; phase i uses N + i (default 170).")
  int domainId = 170;

  @Option(names = "--heartbeat-timeout", description = "Synchronizer heartbeat_timeout in s "
      + "(default 1.0).")
  double timeout = 1.0;

  @Option(names = "--check-period", description = "Synchronizer check_period in s "
      + "(default 0.05, the node's default).")
  double checkPeriod = 0.05;

  @Option(names = "--algorithm", description = "Allocator: potential_game (default) or greedy.")
  String algorithm = "potential_game";

  @Option(names = "--security", description = "off (default) or enforce: robots sign their "
      + "heartbeats (HMAC-SHA256), tasks are signed (Ed25519), every node verifies; keys are "
      + "generated next to the CSV.")
  String security = "off";

  @Option(names = "--heartbeat-hz", description = "Heartbeats per robot per s (default 10).")
  double heartbeatHz = 10;

  @Option(names = "--odometry-hz", description = "Odometry per robot per s, one topic per "
      + "robot; 0 for none (default 10).")
  double odometryHz = 10;

  @Option(names = "--params", paramLabel = "FILE", description = "ROS 2 parameter YAML laid "
      + "over the generated fleet file, e.g. to set the synchronizer's security.")
  Path params;

  @Option(names = "--node-java-opts", paramLabel = "OPTS", description = "Extra JVM options of "
      + "the node processes, space-separated; {node} becomes the node's name, e.g. "
      + "-XX:StartFlightRecording=filename=out/{node}.jfr,settings=profile")
  String nodeJavaOpts = "";

  @Option(names = "--hogs", paramLabel = "N", description = "Busy-loop processes competing "
      + "for the CPU during the whole run, as other programs on a loaded robot computer "
      + "(default 0).")
  int hogs;

  @Option(names = "--out", description = "CSV of every kill and node (default "
      + "out/bench/fleet.csv); node logs go beside it.")
  Path out = Path.of("out/bench/fleet.csv");

  @Override
  public Integer call() throws Exception {
    LogSetup.quiet();
    UsageError.check(!robots.isEmpty() && robots.stream().allMatch(n -> n >= 1 && n <= 5000),
        "--robots must list sizes within 1..5000.");
    UsageError.check(kills >= 1
        && kills <= robots.stream().mapToInt(Integer::intValue).min().orElse(1),
        "--kills must be within 1..smallest fleet size.");
    UsageError.check(baselineRobots == 0 || baselineRobots >= kills,
        "--baseline-robots must be 0 or at least --kills.");
    UsageError.check(duration >= 1, "--duration must be at least 1 s.");
    UsageError.check(hogs >= 0 && hogs <= 64, "--hogs must be within 0..64.");
    int phases = robots.size() + (baselineRobots > 0 ? 1 : 0);
    UsageError.check(domainId >= 0 && domainId + phases - 1 <= 232,
        "--domain-id N needs N..N+" + (phases - 1) + " within 0..232.");
    UsageError.check(security.equals("off") || security.equals("enforce"),
        "--security must be off or enforce, got '" + security + "'.");
    Allocators.check(algorithm);
    String overlay = "";
    if (params != null) {
      try {
        overlay = Files.readString(HomePaths.resolve(params));
      } catch (IOException e) {
        throw new UsageError("Cannot read " + params + ": " + e.getMessage());
      }
    }
    Path dir = out.toAbsolutePath().getParent().resolve("fleet");
    Files.createDirectories(dir);
    String loadBefore = FleetReport.loadAverage();
    List<String> jvm = nodeJavaOpts.isBlank() ? List.of()
        : List.of(nodeJavaOpts.trim().split("\\s+"));
    FleetBenchmark.Config config = new FleetBenchmark.Config(robots, baselineRobots, duration,
        kills, domainId, timeout, checkPeriod, algorithm, heartbeatHz, odometryHz, overlay, jvm,
        dir, System.err);
    FleetBenchmark bench = new FleetBenchmark(config);
    if (security.equals("enforce")) {
      bench.secured(dir.resolve("keys"));
    }
    List<FleetPhase> results;
    String loadAfter;
    try (CpuHogs competing = new CpuHogs(hogs)) {
      if (hogs > 0) {
        System.err.println("running with " + hogs + " busy-loop processes competing for the CPU");
      }
      results = bench.run();
      loadAfter = FleetReport.loadAverage();
    }
    FleetReport report = new FleetReport(config, results, loadBefore, loadAfter);
    report.hogs(hogs);
    TableWriter table = TableWriter.to(System.out);
    report.print(table);
    TableWriter.writeCsvLines(out, FleetReport.CSV_HEADER, report.csv());
    table.println("wrote " + out + " (node logs in " + dir + ")");
    return 0;
  }
}
