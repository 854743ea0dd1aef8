package dev.flotilla.cli;

import dev.flotilla.bench.LtlCompileBenchmark;
import dev.flotilla.bench.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla bench compile}: LTL compilation of N eventualities, poset-product compiler
 * against the monolithic automaton ({@link LtlCompileBenchmark}); prints a table and writes a CSV.
 */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = "LTL compilation of N eventualities: poset product vs one automaton.")
public final class LtlCompileBenchCommand implements Callable<Integer> {

  @Mixin CommandIo io;

  @Option(names = "--min", defaultValue = "4", description = "Fewest eventualities.")
  int min;

  @Option(names = "--max", defaultValue = "16", description = "Most eventualities.")
  int max;

  @Option(names = "--monolithic-max", defaultValue = "10",
      description = "Largest N for the monolithic automaton (it needs 2^N states × 2^N letters).")
  int monolithicMax;

  @Option(names = "--monolithic-budget-ms", defaultValue = "60000",
      description = "Time budget of the monolithic compiler per formula.")
  long monolithicBudgetMs;

  @Option(names = "--out", defaultValue = "out/bench/ltl-compile.csv", description = "CSV output.")
  Path out;

  @Override
  public Integer call() {
    if (min < 1 || max < min || max > 64 || monolithicBudgetMs < 1) {
      return io.fail("flotilla bench compile: need 1 <= --min <= --max <= 64 and "
          + "--monolithic-budget-ms >= 1.");
    }
    TableWriter table = io.table();
    table.println("Flat conjunctions <> p0 && ... && <> p(N-1), compiled in one JVM; targets for "
        + "the product compiler: N = 16 under 1 s and 256 MB.");
    List<LtlCompileBenchmark.Figure> figures = new LtlCompileBenchmark(
        new LtlCompileBenchmark.Settings(min, max, monolithicMax, monolithicBudgetMs)).run(table);
    try {
      TableWriter.writeCsv(out, LtlCompileBenchmark.CSV_HEADER, figures);
    } catch (IOException e) {
      return io.fail("flotilla bench compile: cannot write " + out + ": " + e.getMessage());
    }
    table.println("CSV: " + out);
    return 0;
  }
}
