package dev.flotilla.cli;

import dev.flotilla.bench.LtlBenchmark;
import dev.flotilla.bench.TableWriter;
import dev.flotilla.plan.io.ScenarioException;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.CaseSpec;
import dev.flotilla.plan.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla bench ltl}: seed 003's track-field cases ({@link LtlBenchmark}) as a table and a
 * CSV.
 */
@Command(
    name = "ltl",
    mixinStandardHelpOptions = true,
    description = "Benchmark LTL planning with action-path chains on the track-field cases.")
public final class LtlBenchCommand implements Callable<Integer> {

  @Mixin CommandIo io;

  @Option(names = "--scenario", description = "Scenario YAML (default: ${DEFAULT-VALUE}).")
  Path scenario = Path.of("params", "scenarios", "trackfield.yaml");

  @Option(names = "--cases", split = ",", description = "Cases to run (default: all).")
  List<String> cases = new ArrayList<>();

  @Option(names = "--budget", description = "Offline branch-and-bound budget, s (default: 10).")
  double budgetS = 10;

  @Option(
      names = "--replan-budget",
      description = "Annealing budget per formula, s (default: 0.8).")
  double replanBudgetS = 0.8;

  @Option(names = "--seed", description = "Annealing seed (default: 1).")
  long seed = 1;

  @Option(names = "--no-warmup", description = "Skip the untimed warm-up run of the first case.")
  boolean noWarmup;

  @Option(names = "--out", description = "CSV output (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("out", "bench", "ltl.csv");

  @Override
  public Integer call() {
    if (!(budgetS > 0) || !(replanBudgetS > 0)) {
      return io.fail("--budget and --replan-budget must be positive seconds.");
    }
    Scenario s;
    try {
      s = ScenarioLoader.load(scenario);
    } catch (ScenarioException e) {
      return io.fail(e.getMessage());
    }
    List<CaseSpec> run = new ArrayList<>();
    for (String name : cases.isEmpty() ? List.copyOf(s.cases().keySet()) : cases) {
      CaseSpec c = s.cases().get(name);
      if (c == null) {
        return io.fail(
            scenario + ": cases: unknown case " + name + " (known: " + s.cases().keySet() + ").");
      }
      run.add(c);
    }
    if (run.isEmpty()) {
      return io.fail(scenario + ": cases: the scenario defines no case.");
    }
    TableWriter table = io.table();
    List<LtlBenchmark.Row> rows = new LtlBenchmark(new LtlBenchmark.Settings(s, run, budgetS,
        replanBudgetS, seed, !noWarmup)).run(table);
    try {
      TableWriter.writeCsv(out, LtlBenchmark.CSV_HEADER, rows);
    } catch (IOException e) {
      return io.fail(out + ": cannot write the CSV (" + e.getMessage() + ").");
    }
    LtlBenchmark.printTargets(table, rows);
    table.println("CSV written to " + out);
    return 0;
  }
}
