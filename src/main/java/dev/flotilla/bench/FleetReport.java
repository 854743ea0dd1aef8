package dev.flotilla.bench;

import dev.flotilla.bench.FleetPhase.Kill;
import dev.flotilla.bench.FleetPhase.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printout and CSV of {@link FleetBenchmark}: per-node CPU and heap, detection and
 * reassignment latencies per fleet size, ratios against the baseline, and issue #8's target.
 */
public final class FleetReport {
  /** Header of the CSV of {@link #csv()}: one line per node and per kill of every phase. */
  public static final String CSV_HEADER = "robots,baseline,record,name,cpu_pct,callback_cpu_pct,"
      + "heap_used,heap_used_max,heap_committed,gc_ms,detect_s,reassign_s";

  private final FleetBenchmark.Config config;
  private final List<FleetPhase> results;
  private final String loadBefore;
  private final String loadAfter;
  private int hogs;

  /**
   * @param config what was run
   * @param results its phases, the baseline first when there is one
   * @param loadBefore the machine's load average before the run, see {@link #loadAverage()}
   * @param loadAfter and after it
   */
  public FleetReport(FleetBenchmark.Config config, List<FleetPhase> results, String loadBefore,
      String loadAfter) {
    this.config = config;
    this.results = results;
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
  }

  /** @param count busy-loop processes that competed for the CPU during the run */
  public void hogs(int count) {
    this.hogs = count;
  }

  /**
   * Prints the tables, the ratios against the baseline and the target line.
   *
   * @param out where they go
   */
  public void print(TableWriter out) {
    out.printf("fleet load over DDS on loopback: heartbeats %.0f Hz + "
        + "odometry %.0f Hz per robot, heartbeat_timeout %.3f s, check_period %.3f s, "
        + "allocator %s (deviation_tolerance 1e6 unless --params), %d kills per size, %.0f s "
        + "window%n", config.heartbeatHz(), config.odometryHz(),
        config.timeout(), config.checkPeriod(), config.algorithm(), config.kills(),
        config.duration());
    out.printf("machine: %d cores; %s; load average (1/5/15 min) %s before, "
        + "%s after%n", Runtime.getRuntime().availableProcessors(),
        hogs == 0 ? "no CPU hogs" : hogs + " busy-loop CPU hogs competing", loadBefore,
        loadAfter);
    out.println("robots node          CPU %core (callback thread)  heap used/committed"
        + " MiB (max used)  GC ms");
    for (FleetPhase p : results) {
      for (Resources r : p.resources()) {
        out.printf("%6d %-13s %9.1f %10s %14s %14s %7d%n", p.robots(),
            r.node(), r.cpuPercent(), Double.isNaN(r.executorCpuPercent()) ? "-"
                : String.format(Locale.ROOT, "(%.1f)", r.executorCpuPercent()),
            mib(r.heapUsed()) + "/" + mib(r.heapCommitted()), "(" + mib(r.heapUsedMax()) + ")",
            r.gcMillis());
      }
    }
    out.println("robots joined tasks placed  hb/s sent  lag ms | detection after timeout"
        + " p50/p99/max ms | reassignment p50/p99/max ms | missed unreassigned spurious");
    for (FleetPhase p : results) {
      double[] d = p.detect();
      double[] r = p.reassign();
      out.printf("%6d %6d %5d/%-5d %9.0f %7.1f | %7s %7s %7s | "
          + "%7s %7s %7s | %6d %12d %8d%s%n", p.robots(), p.joined(), p.tasksPlaced(),
          p.tasks(), p.heartbeatRate(), p.maxSendLagMillis(), cell(d, 0.5), cell(d, 0.99),
          cell(d, 1.0), cell(r, 0.5), cell(r, 0.99), cell(r, 1.0), p.kills().size() - d.length,
          d.length - r.length, p.spuriousFailures(), p.baseline() ? "  (baseline)" : "");
    }
    FleetPhase base = results.get(0).baseline() ? results.get(0) : null;
    if (base != null) {
      out.printf("ratios against the %d-robot baseline:%n", base.robots());
      for (FleetPhase p : results.subList(1, results.size())) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6d robots: CPU",
            p.robots()));
        for (String node : FleetBenchmark.NODES) {
          line.append(String.format(Locale.ROOT, " %s ×%.1f", node,
              p.of(node).cpuPercent() / base.of(node).cpuPercent()));
        }
        line.append("; detection p99 ").append(ratio(p.detect(), base.detect(), 0.99))
            .append("; reassignment p50 ").append(ratio(p.reassign(), base.reassign(), 0.5));
        out.println(line.toString());
      }
    }
    out.println("signature verification share: " + securityShare(config.overlayYaml(), results));
    FleetPhase largest = results.get(results.size() - 1);
    double p99 = Statistics.quantile(largest.detect(), 0.99);
    boolean met = largest.detect().length == largest.kills().size()
        && largest.spuriousFailures() == 0 && p99 <= 0.100;
    out.printf("target (%d robots%s: every kill detected within timeout + "
        + "100 ms at p99, no spurious failure): %s (p99 %.1f ms, %d missed, %d spurious)%n",
        largest.robots(), hogs == 0 ? "" : ", " + hogs + " CPU hogs", met ? "met" : "NOT met", 1e3 * p99,
        largest.kills().size() - largest.detect().length, largest.spuriousFailures());
  }

  /** @return the CSV lines after the header: per phase, its nodes then its kills */
  public List<String> csv() {
    List<String> lines = new ArrayList<>();
    for (FleetPhase p : results) {
      for (Resources r : p.resources()) {
        lines.add(String.format(Locale.ROOT, "%d,%b,node,%s,%.2f,%.2f,%d,%d,%d,%d,,",
            p.robots(), p.baseline(), r.node(), r.cpuPercent(), r.executorCpuPercent(),
            r.heapUsed(), r.heapUsedMax(), r.heapCommitted(), r.gcMillis()));
      }
      for (Kill k : p.kills()) {
        lines.add(String.format(Locale.ROOT, "%d,%b,kill,%s,,,,,,,%.6f,%.6f", p.robots(),
            p.baseline(), k.robot(), k.detect(), k.reassign()));
      }
    }
    return lines;
  }

  /** @return the machine's load average over 1, 5 and 15 minutes, or {@code unknown} */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + "/" + f[1] + "/" + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * Signature verification's share of each node's CPU, from the {@code verify_cpu_ns} the node
   * processes report (the time their securing bus spends verifying, {@code --security
   * enforce}); with security off there is none to measure.
   */
  static String securityShare(String overlay, List<FleetPhase> results) {
    StringBuilder measured = new StringBuilder();
    for (FleetPhase p : results) {
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
    Matcher m = Pattern.compile("(?m)^\\s*security:\\s*([A-Za-z]+)").matcher(overlay);
    if (!m.find() || m.group(1).equals("off")) {
      return "n/a (security off)";
    }
    return "not measured (security: " + m.group(1) + " is set, but the nodes do not report "
        + "verification CPU yet)";
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "-" : String.valueOf(Math.round(bytes / 1048576.0));
  }

  private static double ms(double[] v, double q) {
    return 1e3 * Statistics.quantile(v, q);
  }

  /** A latency cell in ms, or "-" when nothing was measured (e.g. no failure reassigned). */
  private static String cell(double[] v, double q) {
    return v.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f", ms(v, q));
  }

  /** A ratio of two quantiles, or "n/a" when either side measured nothing. */
  private static String ratio(double[] v, double[] base, double q) {
    if (v.length == 0 || base.length == 0) {
      return "n/a (nothing measured)";
    }
    return String.format(Locale.ROOT, "×%.1f",
        Statistics.quantile(v, q) / Statistics.quantile(base, q));
  }
}
