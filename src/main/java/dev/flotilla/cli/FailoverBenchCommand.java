package dev.flotilla.cli;

import dev.flotilla.bench.FailoverBenchmark;
import dev.flotilla.bench.FailoverBenchmark.Report;
import dev.flotilla.bench.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
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
    LogSetup.quiet();
    UsageError.check(runs >= 1 && runs <= 1000,
        "--runs must be within 1..1000, got " + runs + ".");
    Allocators.check(algorithm);
    Report r = new FailoverBenchmark(
        new FailoverBenchmark.Settings(runs, domainId, checkPeriod, algorithm)).run();
    TableWriter table = TableWriter.to(System.out);
    r.print(table);
    TableWriter.createDirectoryOf(out);
    try {
      TableWriter.writeCsvLines(out, Report.CSV_HEADER, r.csv());
    } catch (IOException e) {
      throw new UsageError("Cannot write " + out + ": " + e.getMessage());
    }
    table.println("wrote " + out);
    return 0;
  }
}
