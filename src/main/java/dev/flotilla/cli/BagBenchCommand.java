package dev.flotilla.cli;

import dev.flotilla.bench.BagBenchmark;
import dev.flotilla.bench.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla bench bag}: rosbag2 write and read throughput against raw reads of the same
 * file ({@link BagBenchmark}); prints a table and writes a CSV.
 */
@Command(
    name = "bag",
    mixinStandardHelpOptions = true,
    description = "Benchmark rosbag2 MCAP/SQLite3 write and read throughput against raw reads.")
public final class BagBenchCommand implements Callable<Integer> {
  @Mixin CommandIo io;

  @Option(names = "--size-mb", description = "Message payload per bag in MiB (default 200).")
  int sizeMb = 200;

  @Option(names = "--out", description = "CSV output (default out/bench/bag.csv).")
  Path out = Path.of("out", "bench", "bag.csv");

  @Option(names = "--work-dir", description = "Where the bags are written (default: a temp dir).")
  Path workDir;

  @Option(names = "--keep", description = "Keep the generated bags.")
  boolean keep;

  @Option(names = "--passes", description = "Measured read passes per bag; medians are reported"
      + " (default 11).")
  int passes = 11;

  @Option(names = "--warmup-passes", description = "Unreported read passes per bag before the"
      + " measured ones (default 15).")
  int warmupPasses = 15;

  @Override
  public Integer call() throws IOException {
    if (sizeMb <= 0) {
      return io.fail("error: --size-mb must be positive, got " + sizeMb);
    }
    if (passes <= 0 || warmupPasses < 0) {
      return io.fail("error: --passes must be positive and --warmup-passes not negative, got "
          + passes + " and " + warmupPasses);
    }
    BagBenchmark bench = new BagBenchmark(new BagBenchmark.Settings(sizeMb, workDir, keep,
        passes, warmupPasses));
    List<BagBenchmark.Row> rows = bench.run();
    // This table has always been formatted in the platform's locale.
    TableWriter table = io.table().withLocale(Locale.getDefault(Locale.Category.FORMAT));
    bench.print(table, rows);
    TableWriter.writeCsv(out, BagBenchmark.CSV_HEADER, rows);
    table.println("CSV: " + out);
    return 0;
  }
}
