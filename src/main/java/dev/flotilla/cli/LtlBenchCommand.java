package dev.flotilla.cli;

import dev.flotilla.bench.LtlAnytimeBenchmark;
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

  @Option(
      names = "--checkpoints",
      split = ",",
      description = "Seconds at which the anytime planners' best cost is read; the last is their"
          + " budget (default: 1,10,60).")
  List<Double> checkpoints = new ArrayList<>(List.of(1.0, 10.0, 60.0));

  @Option(
      names = "--quick",
      description = "Short anytime run: checkpoints 0.5,2,5 s and 1 s per replanning.")
  boolean quick;

  @Option(
      names = "--anytime-replan-budget",
      description = "Budget of each replanning in the anytime comparison, s (default: 5).")
  double anytimeReplanS = 5;

  @Option(names = "--workers", description = "CP-SAT worker threads (default: 2).")
  int workers = 2;

  @Option(names = "--no-anytime", description = "Skip the anytime comparison of the planners.")
  boolean noAnytime;

  @Option(
      names = "--anytime-out",
      description = "CSV of the anytime comparison (default: ${DEFAULT-VALUE}).")
  Path anytimeOut = Path.of("out", "bench", "ltl-anytime.csv");

  /** {@code $FLOTILLA_HOME}, where the default scenario is found from any directory. */
  String home = System.getenv("FLOTILLA_HOME");

  @Override
  public Integer call() {
    if (!(budgetS > 0) || !(replanBudgetS > 0)) {
      return io.fail("--budget and --replan-budget must be positive seconds.");
    }
    if (quick) {
      checkpoints = List.of(0.5, 2.0, 5.0);
      anytimeReplanS = 1;
    }
    for (int i = 0; i < checkpoints.size(); i++) {
      double c = checkpoints.get(i);
      if (!(c > 0) || c > 3600 || (i > 0 && c <= checkpoints.get(i - 1))) {
        return io.fail("--checkpoints must be ascending positive seconds up to 3600: "
            + checkpoints + ".");
      }
    }
    if (checkpoints.isEmpty() || !(anytimeReplanS > 0) || workers < 1 || workers > 64) {
      return io.fail("--checkpoints needs a value, --anytime-replan-budget must be positive"
          + " and --workers between 1 and 64.");
    }
    scenario = HomePaths.resolve(scenario, home);
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
    if (noAnytime) {
      return 0;
    }
    List<String> lines = new LtlAnytimeBenchmark(new LtlAnytimeBenchmark.Settings(s, run,
        checkpoints, anytimeReplanS, workers)).run(table);
    try {
      TableWriter.writeCsvLines(anytimeOut, LtlAnytimeBenchmark.CSV_HEADER, lines);
    } catch (IOException e) {
      return io.fail(anytimeOut + ": cannot write the CSV (" + e.getMessage() + ").");
    }
    table.println("CSV written to " + anytimeOut);
    return 0;
  }
}
