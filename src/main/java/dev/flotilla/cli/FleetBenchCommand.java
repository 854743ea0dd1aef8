package dev.flotilla.cli;

import dev.flotilla.bench.FleetBenchmark;
import dev.flotilla.bench.FleetBenchmark.Phase;
import dev.flotilla.bench.FleetBenchmark.Resources;
import dev.flotilla.bench.LoadFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  @Option(names = "--out", description = "CSV of every kill and node (default "
      + "out/bench/fleet.csv); node logs go beside it.")
  Path out = Path.of("out/bench/fleet.csv");

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(false);
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    if (robots.isEmpty() || robots.stream().anyMatch(n -> n < 1 || n > 5000)) {
      throw new RosOptions.UsageError("--robots must list sizes within 1..5000.");
    }
    if (kills < 1 || kills > robots.stream().mapToInt(Integer::intValue).min().orElse(1)) {
      throw new RosOptions.UsageError("--kills must be within 1..smallest fleet size.");
    }
    if (baselineRobots < 0 || (baselineRobots > 0 && baselineRobots < kills)) {
      throw new RosOptions.UsageError("--baseline-robots must be 0 or at least --kills.");
    }
    if (!(duration >= 1)) {
      throw new RosOptions.UsageError("--duration must be at least 1 s.");
    }
    int phases = robots.size() + (baselineRobots > 0 ? 1 : 0);
    if (domainId < 0 || domainId + phases - 1 > 232) {
      throw new RosOptions.UsageError("--domain-id N needs N..N+" + (phases - 1)
          + " within 0..232.");
    }
    if (!security.equals("off") && !security.equals("enforce")) {
      throw new RosOptions.UsageError("--security must be off or enforce, got '" + security
          + "'.");
    }
    if (!algorithm.equals("potential_game") && !algorithm.equals("greedy")) {
      throw new RosOptions.UsageError("--algorithm must be potential_game or greedy.");
    }
    String overlay = "";
    if (params != null) {
      try {
        overlay = Files.readString(HomePaths.resolve(params));
      } catch (IOException e) {
        throw new RosOptions.UsageError("Cannot read " + params + ": " + e.getMessage());
      }
    }
    Path dir = out.toAbsolutePath().getParent().resolve("fleet");
    Files.createDirectories(dir);
    String loadBefore = loadAverage();
    List<String> jvm = nodeJavaOpts.isBlank() ? List.of()
        : List.of(nodeJavaOpts.trim().split("\\s+"));
    FleetBenchmark bench = new FleetBenchmark(new FleetBenchmark.Config(robots, baselineRobots,
        duration, kills, domainId, timeout, checkPeriod, algorithm, heartbeatHz, odometryHz,
        overlay, jvm, dir, System.err));
    if (security.equals("enforce")) {
      bench.secured(dir.resolve("keys"));
    }
    List<Phase> results = bench.run();
    String loadAfter = loadAverage();

    System.out.printf(Locale.ROOT, "fleet load over DDS on loopback: heartbeats %.0f Hz + "
        + "odometry %.0f Hz per robot, heartbeat_timeout %.3f s, check_period %.3f s, "
        + "allocator %s (deviation_tolerance 1e6 unless --params), %d kills per size, %.0f s "
        + "window%n", heartbeatHz, odometryHz, timeout,
        checkPeriod, algorithm, kills, duration);
    System.out.printf(Locale.ROOT, "machine: %d cores; load average (1/5/15 min) %s before, "
        + "%s after%n", Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
    System.out.println("robots node          CPU %core (callback thread)  heap used/committed"
        + " MiB (max used)  GC ms");
    for (Phase p : results) {
      for (Resources r : p.resources()) {
        System.out.printf(Locale.ROOT, "%6d %-13s %9.1f %10s %14s %14s %7d%n", p.robots(),
            r.node(), r.cpuPercent(), Double.isNaN(r.executorCpuPercent()) ? "-"
                : String.format(Locale.ROOT, "(%.1f)", r.executorCpuPercent()),
            mib(r.heapUsed()) + "/" + mib(r.heapCommitted()), "(" + mib(r.heapUsedMax()) + ")",
            r.gcMillis());
      }
    }
    System.out.println("robots joined tasks placed  hb/s sent  lag ms | detection after timeout"
        + " p50/p99/max ms | reassignment p50/p99/max ms | missed unreassigned spurious");
    for (Phase p : results) {
      double[] d = p.detect();
      double[] r = p.reassign();
      System.out.printf(Locale.ROOT, "%6d %6d %5d/%-5d %9.0f %7.1f | %7.1f %7.1f %7.1f | "
          + "%7.1f %7.1f %7.1f | %6d %12d %8d%s%n", p.robots(), p.joined(), p.tasksPlaced(),
          p.tasks(), p.heartbeatRate(), p.maxSendLagMillis(), ms(d, 0.5), ms(d, 0.99),
          ms(d, 1.0), ms(r, 0.5), ms(r, 0.99), ms(r, 1.0), p.kills().size() - d.length,
          d.length - r.length, p.spuriousFailures(), p.baseline() ? "  (baseline)" : "");
    }
    Phase base = results.get(0).baseline() ? results.get(0) : null;
    if (base != null) {
      System.out.printf(Locale.ROOT, "ratios against the %d-robot baseline:%n", base.robots());
      for (Phase p : results.subList(1, results.size())) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6d robots: CPU",
            p.robots()));
        for (String node : FleetBenchmark.NODES) {
          line.append(String.format(Locale.ROOT, " %s ×%.1f", node,
              p.of(node).cpuPercent() / base.of(node).cpuPercent()));
        }
        line.append(String.format(Locale.ROOT, "; detection p99 ×%.1f; reassignment p50 ×%.1f",
            LoadFigures.quantile(p.detect(), 0.99) / LoadFigures.quantile(base.detect(), 0.99),
            LoadFigures.quantile(p.reassign(), 0.5)
                / LoadFigures.quantile(base.reassign(), 0.5)));
        System.out.println(line);
      }
    }
    System.out.println("signature verification share: " + securityShare(overlay, results));
    Phase largest = results.get(results.size() - 1);
    double p99 = LoadFigures.quantile(largest.detect(), 0.99);
    boolean met = largest.detect().length == largest.kills().size()
        && largest.spuriousFailures() == 0 && p99 <= 0.100;
    System.out.printf(Locale.ROOT, "target (%d robots: every kill detected within timeout + "
        + "100 ms at p99, no spurious failure): %s (p99 %.1f ms, %d missed, %d spurious)%n",
        largest.robots(), met ? "met" : "NOT met", 1e3 * p99,
        largest.kills().size() - largest.detect().length, largest.spuriousFailures());
    writeCsv(results);
    System.out.println("wrote " + out + " (node logs in " + dir + ")");
    return 0;
  }

  /**
   * Signature verification's share of each node's CPU, from the {@code verify_cpu_ns} the node
   * processes report (the time their securing bus spends verifying, {@code --security
   * enforce}); with security off there is none to measure.
   */
  static String securityShare(String overlay, List<Phase> results) {
    StringBuilder measured = new StringBuilder();
    for (Phase p : results) {
      for (Resources r : p.resources()) {
        if (!Double.isNaN(r.verifySharePercent())) {
          measured.append(String.format(Locale.ROOT, "%s%d robots %s %.1f%%",
              measured.length() == 0 ? "" : ", ", p.robots(), r.node(), r.verifySharePercent()));
        }
      }
    }
    if (measured.length() > 0) {
      return measured.toString();
    }
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?m)^\\s*security:\\s*([A-Za-z]+)").matcher(overlay);
    if (!m.find() || m.group(1).equals("off")) {
      return "n/a (security off)";
    }
    return "not measured (security: " + m.group(1) + " is set, but the nodes do not report "
        + "verification CPU yet)";
  }

  private void writeCsv(List<Phase> results) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("robots,baseline,record,name,cpu_pct,callback_cpu_pct,heap_used,heap_used_max,"
        + "heap_committed,gc_ms,detect_s,reassign_s");
    for (Phase p : results) {
      for (Resources r : p.resources()) {
        lines.add(String.format(Locale.ROOT, "%d,%b,node,%s,%.2f,%.2f,%d,%d,%d,%d,,",
            p.robots(), p.baseline(), r.node(), r.cpuPercent(), r.executorCpuPercent(),
            r.heapUsed(), r.heapUsedMax(), r.heapCommitted(), r.gcMillis()));
      }
      for (FleetBenchmark.Kill k : p.kills()) {
        lines.add(String.format(Locale.ROOT, "%d,%b,kill,%s,,,,,,,%.6f,%.6f", p.robots(),
            p.baseline(), k.robot(), k.detect(), k.reassign()));
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, lines);
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "-" : String.valueOf(Math.round(bytes / 1048576.0));
  }

  private static double ms(double[] v, double q) {
    return 1e3 * LoadFigures.quantile(v, q);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + "/" + f[1] + "/" + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
