package dev.flotilla.cli;

import dev.flotilla.bench.FailoverBenchmark;
import dev.flotilla.bench.FailoverBenchmark.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flotilla bench failover}: heartbeat-timeout → reassignment latency over DDS. */
@Command(name = "failover", mixinStandardHelpOptions = true,
    description = "Time heartbeat-timeout → robot_failed → Reassignment over DDS on loopback "
        + "(three node participants, simulated robots), against DDS one-way latency.")
final class FailoverBenchCommand implements Callable<Integer> {
  @Option(names = "--runs", description = "Failures to time (default 20).")
  int runs = 20;

  @Option(names = "--domain-id", description = "DDS domain (default 143).")
  int domainId = 143;

  @Option(names = "--check-period", description = "Synchronizer check period in s "
      + "(default 0.02).")
  double checkPeriod = 0.02;

  @Option(names = "--algorithm", description = "potential_game (default) or greedy.")
  String algorithm = "potential_game";

  @Option(names = "--out", description = "CSV of every run (default out/bench/failover.csv).")
  Path out = Path.of("out/bench/failover.csv");

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(false);
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    if (runs < 1 || runs > 1000) {
      throw new RosOptions.UsageError("--runs must be within 1..1000, got " + runs + ".");
    }
    if (!algorithm.equals("potential_game") && !algorithm.equals("greedy")) {
      throw new RosOptions.UsageError("--algorithm must be potential_game or greedy.");
    }
    Report r = new FailoverBenchmark(runs, domainId, checkPeriod, algorithm).run();
    double[] detect = r.samples().stream().mapToDouble(FailoverBenchmark.Sample::detect).toArray();
    double[] reassign =
        r.samples().stream().mapToDouble(FailoverBenchmark.Sample::reassign).toArray();
    System.out.printf(Locale.ROOT, "failover over DDS on loopback: %d runs, heartbeat_timeout "
        + "1.0 s, check_period %.3f s, allocator %s%n", runs, r.checkPeriod(), r.algorithm());
    System.out.println("latency after the timeout expires   median      p90      max");
    row("robot_failed event received", detect);
    row("Reassignment received", reassign);
    row("baseline: DDS one-way (200 pings)", r.ddsOneWay());
    System.out.printf(Locale.ROOT, "reassignment median / DDS one-way median = %.1f%n",
        Report.quantile(reassign, 0.5) / Report.quantile(r.ddsOneWay(), 0.5));
    Files.createDirectories(out.toAbsolutePath().getParent());
    StringBuilder csv = new StringBuilder("run,robot,detect_s,reassign_s\n");
    for (int i = 0; i < r.samples().size(); i++) {
      var s = r.samples().get(i);
      csv.append(String.format(Locale.ROOT, "%d,%s,%.6f,%.6f%n", i, s.robot(), s.detect(),
          s.reassign()));
    }
    Arrays.stream(r.ddsOneWay()).forEach(v -> csv.append(String.format(Locale.ROOT,
        "baseline,ping,,%.6f%n", v)));
    try {
      Files.writeString(out, csv);
    } catch (IOException e) {
      throw new RosOptions.UsageError("Cannot write " + out + ": " + e.getMessage());
    }
    System.out.println("wrote " + out);
    return 0;
  }

  private static void row(String label, double[] v) {
    System.out.printf(Locale.ROOT, "%-34s %7.1f ms %7.1f ms %7.1f ms%n", label,
        1e3 * Report.quantile(v, 0.5), 1e3 * Report.quantile(v, 0.9),
        1e3 * Report.quantile(v, 1.0));
  }
}
