package dev.flotilla.cli;

import dev.flotilla.bench.SecurityBenchmark;
import dev.flotilla.bench.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flotilla bench security}: µs per message to sign and verify a typical Heartbeat and
 * Allocation with Ed25519 and HMAC-SHA256, against CDR encoding alone in the same run (issue #8's
 * measured justification of the schemes).
 */
@Command(name = "security", mixinStandardHelpOptions = true,
    description = "Sign/verify cost per message (Ed25519, HMAC-SHA256) vs. encoding alone.")
public final class SecurityBenchCommand implements Callable<Integer> {
  @Option(names = "--iterations", defaultValue = "2000", description = "Messages per batch.")
  int iterations;

  @Option(names = "--batches", defaultValue = "9", description = "Batches (median reported).")
  int batches;

  @Option(names = "--out", defaultValue = "out/bench/security.csv", description = "CSV output.")
  Path out;

  @Override
  public Integer call() throws IOException {
    UsageError.check(iterations >= 1 && batches >= 1,
        "--iterations and --batches must be at least 1.");
    List<SecurityBenchmark.Row> rows =
        new SecurityBenchmark(new SecurityBenchmark.Settings(iterations, batches)).run();
    TableWriter table = TableWriter.to(System.out);
    SecurityBenchmark.print(table, rows);
    TableWriter.writeCsv(out, SecurityBenchmark.CSV_HEADER, rows);
    table.println("csv " + out);
    return 0;
  }
}
