package dev.flotilla.bench;

import dev.flotilla.alloc.ExhaustiveAllocator;
import dev.flotilla.alloc.GreedyAllocator;
import dev.flotilla.alloc.PotentialGameAllocator;
import dev.flotilla.alloc.PotentialGameReallocator;
import dev.flotilla.alloc.RandomAllocationInstances;
import dev.flotilla.alloc.TightDeadlineInstances;
import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.RobotSchedule;
import dev.flotilla.bench.AllocBenchmark.Row;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Issue 15's sections of {@link AllocBenchmark}, measured in the same run as their baselines.
 * {@code speed}: the potential game's reference mode (the implementation before the fast mode)
 * against the fast mode at 1000 × 500 and 100 × 50 (N_j = 2, the scaling generator), in CPU time
 * of the worker thread (the machine is shared, wall time is not the algorithm's), whether the two
 * allocations are identical, and one failure's repair with the problem's instance rebuilt (as
 * before) and reused. {@code quality}: the improvement pass against {@link ExhaustiveAllocator} on
 * the tight-deadline set and on the paper's Figs. 7–8 settings. A reference run that exceeds its
 * budget is abandoned and its ratio printed as a lower bound ("&gt;=").
 */
final class AllocSpeedQuality {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private final AllocBenchmark.Settings settings;
  private final TableWriter out;

  AllocSpeedQuality(AllocBenchmark.Settings settings, TableWriter out) {
    this.settings = settings;
    this.out = out;
  }

  /** A timed run: its value (null when abandoned), CPU ms, and whether it finished. */
  private record Timed<T>(T value, double cpuMs, boolean done) {}

  /** Reference vs fast mode at the two sizes, and one failure repaired. */
  List<Row> speed() {
    out.printf("%nSpeed (issue 15): potential game, reference mode vs fast mode, CPU ms of one "
        + "thread, N_j = 2%n");
    out.printf("%5s %4s %12s %10s %10s %10s %10s %14s  %s%n", "n", "m", "reference_ms",
        "fast_ms", "ratio", "greedy_ms", "target_ms", "iterations", "note");
    List<Row> rows = new ArrayList<>();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "alloc-speed");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int[] size : settings.speedSizes()) {
        rows.add(speedCell(worker, size[0], size[1], target(size), size[0] * size[1] > 1e4 ? 3
            : 5));
      }
    } finally {
      worker.shutdownNow();
    }
    return rows;
  }

  /** Issue 15's targets: 1 s at 1000 × 500, 20 ms at 100 × 50; none elsewhere. */
  private static double target(int[] size) {
    if (size[0] == 1000 && size[1] == 500) {
      return 1000;
    }
    return size[0] == 100 && size[1] == 50 ? 20 : Double.NaN;
  }

  private Row speedCell(ExecutorService worker, int n, int m, double targetMs, int repeats) {
    long seed = settings.seed();
    AllocationProblem p = RandomAllocationInstances.generate(seed * 31 + n * 7 + m * 3 + 2, n, m,
        2, 6000 * Math.sqrt(Math.max(1, m / 10.0)));
    double[] fastMs = new double[repeats];
    AllocationPlan fast = null;
    for (int k = 0; k < repeats; k++) {
      Timed<AllocationPlan> f = timed(worker,
          () -> new PotentialGameAllocator(seed, 32).allocate(p), settings.speedBudget());
      if (!f.done()) {
        return skipped("speed", n, m, "fast mode exceeded the " + budget() + " budget");
      }
      fast = f.value();
      fastMs[k] = f.cpuMs();
    }
    double fastMedian = Statistics.median(fastMs);
    Timed<AllocationPlan> ref = timed(worker,
        () -> PotentialGameAllocator.reference(seed, 32).allocate(p), settings.speedBudget());
    Timed<AllocationPlan> greedy =
        timed(worker, () -> new GreedyAllocator().allocate(p), settings.speedBudget());
    double ratio = ref.cpuMs() / fastMedian;
    String identical = !ref.done() ? "reference abandoned after " + budget()
        : ref.value().equals(fast) ? "identical allocation" : "ALLOCATIONS DIFFER";
    String failure = failure(worker, p, fast);
    String note = identical + "; fast = median of " + repeats + "; "
        + (Double.isNaN(targetMs) ? "no target" : fastMedian < targetMs ? "target met"
            : "target missed") + "; " + failure;
    out.printf("%5d %4d %12s %10.1f %10s %10.1f %10s %14d  %s%n", n, m,
        (ref.done() ? "" : ">=") + String.format(Locale.ROOT, "%.1f", ref.cpuMs()), fastMedian,
        (ref.done() ? "" : ">=") + String.format(Locale.ROOT, "%.1f", ratio), greedy.cpuMs(),
        Double.isNaN(targetMs) ? "-" : String.format(Locale.ROOT, "%.0f", targetMs),
        fast.iterations(), note);
    return new Row("speed", n, m, 2, repeats, fast.expectedGlobalUtility(),
        ref.done() ? ref.value().expectedGlobalUtility() : Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, fast.iterations(),
        ref.done() ? ref.value().iterations() : Double.NaN, ratio, fastMedian, greedy.cpuMs(),
        ref.cpuMs(), Double.NaN, note + "; reference CPU ms in realloc_ms column, "
            + "reference/fast CPU in iteration_ratio");
  }

  /** One failure of the busiest robot, repaired with the instance rebuilt and reused. */
  private String failure(ExecutorService worker, AllocationProblem p, AllocationPlan plan) {
    RobotSchedule busiest = null;
    for (RobotSchedule s : plan.schedules()) {
      if (busiest == null || s.assignments().size() > busiest.assignments().size()) {
        busiest = s;
      }
    }
    if (busiest == null || busiest.assignments().isEmpty()) {
      return "no failure: no robot has work";
    }
    String id = busiest.robotId();
    double tf = Math.max(0, busiest.assignments().get(0).startTime() - 1);
    AllocationProblem copy =
        new AllocationProblem(p.robots(), p.tasks(), p.capability(), p.travel(), p.params());
    Timed<Object> cold = timed(worker,
        () -> new PotentialGameReallocator().reallocate(copy, plan, id, tf),
        settings.speedBudget());
    Timed<Object> warm = timed(worker,
        () -> new PotentialGameReallocator().reallocate(copy, plan, id, tf),
        settings.speedBudget());
    if (!cold.done() || !warm.done()) {
      return "failure repair exceeded the " + budget() + " budget";
    }
    return String.format(Locale.ROOT, "failure repair %.1f ms with the instance rebuilt, "
        + "%.1f ms reused", cold.cpuMs(), warm.cpuMs());
  }

  /** The improvement pass against enumeration on the tight-deadline set and the paper's. */
  List<Row> quality() {
    out.printf("%nQuality (issue 15): %% of ExhaustiveAllocator's utility, game alone vs game + "
        + "improvement pass (local search, beyond seed 001)%n");
    out.printf("%-14s %6s %10s %10s %10s %10s %10s %10s %8s %8s%n", "set", "runs", "game_mean",
        "game_p5", "game_min", "impr_mean", "impr_p5", "impr_min", "undone_g", "undone_i");
    List<Row> rows = new ArrayList<>();
    List<AllocationProblem> tight = new ArrayList<>();
    List<Long> seeds = new ArrayList<>();
    for (int s = 0; s < settings.qualityInstances(); s++) {
      tight.add(TightDeadlineInstances.sized(1000 + s));
      seeds.add((long) s);
    }
    rows.add(qualityRow("tight-deadline", tight, seeds));
    List<AllocationProblem> paper = new ArrayList<>();
    List<Long> paperSeeds = new ArrayList<>();
    long seed = settings.seed();
    for (int x = 1; x <= 6; x++) {
      for (int k = 0; k < settings.instances(); k++) {
        paper.add(RandomAllocationInstances.generate(seed * 7_000_003 + 4 * 1000 + x * 100 + k,
            4, x, 2, 6000));
        paperSeeds.add(seed + k);
      }
    }
    for (int x = 2; x <= 8; x++) {
      for (int k = 0; k < settings.instances(); k++) {
        paper.add(RandomAllocationInstances.generate(seed * 7_000_003 + x * 1000 + 4 * 100 + k,
            x, 4, 2, 6000));
        paperSeeds.add(seed + k);
      }
    }
    rows.add(qualityRow("paper-fig7-8", paper, paperSeeds));
    return rows;
  }

  private Row qualityRow(String name, List<AllocationProblem> problems, List<Long> seeds) {
    List<Double> game = new ArrayList<>();
    List<Double> improved = new ArrayList<>();
    int undoneGame = 0;
    int undoneImproved = 0;
    int skipped = 0;
    for (int k = 0; k < problems.size(); k++) {
      AllocationProblem p = problems.get(k);
      AllocationPlan ex = new ExhaustiveAllocator().allocate(p);
      double best = ex.expectedGlobalUtility();
      if (!(best > 0)) {
        skipped++;
        continue;
      }
      AllocationPlan g = new PotentialGameAllocator(seeds.get(k), 32).allocate(p);
      AllocationPlan i = new PotentialGameAllocator(seeds.get(k), 32)
          .withImprovement(true, 200_000).allocate(p);
      undoneGame += Math.max(0, g.unassigned().size() - ex.unassigned().size());
      undoneImproved += Math.max(0, i.unassigned().size() - ex.unassigned().size());
      game.add(100 * g.expectedGlobalUtility() / best);
      improved.add(100 * i.expectedGlobalUtility() / best);
    }
    double[] g = game.stream().mapToDouble(x -> x).toArray();
    double[] i = improved.stream().mapToDouble(x -> x).toArray();
    String note = String.format(Locale.ROOT, "%d instances without positive optimum skipped; "
        + "undone = tasks left undone that the optimum covers", skipped);
    if (g.length == 0) {
      out.printf("%-14s %6d %10s  no instance with a positive optimum%n", name, 0, "-");
      return new Row("quality-" + name, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, "no instance with a positive optimum");
    }
    out.printf("%-14s %6d %10.2f %10.2f %10.2f %10.2f %10.2f %10.2f %8d %8d%n", name, g.length,
        mean(g), Statistics.quantile(g, 0.05), Statistics.min(g), mean(i),
        Statistics.quantile(i, 0.05), Statistics.min(i), undoneGame, undoneImproved);
    return new Row("quality-" + name, 0, 0, 0, g.length, mean(i), 100, mean(g),
        Statistics.quantile(i, 0.05), Statistics.quantile(g, 0.05), undoneImproved, undoneGame,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, note + "; pg_utility = "
            + "improved mean %, greedy_utility = game mean %, pg_reduction_pct = improved p5 %, "
            + "greedy_reduction_pct = game p5 %, pg_iterations/reference_iterations = undone "
            + "improved/game");
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  private String budget() {
    return String.format(Locale.ROOT, "%.0f s", settings.speedBudget());
  }

  private static Row skipped(String section, int n, int m, String why) {
    return new Row(section, n, m, 2, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, why);
  }

  /** Runs a job on the worker under a wall budget; CPU ms of the worker thread either way. */
  private static <T> Timed<T> timed(ExecutorService worker, Supplier<T> job, double budgetS) {
    long[] start = new long[2];
    Future<T> future = worker.submit(() -> {
      start[0] = Thread.currentThread().getId();
      start[1] = CPU.getCurrentThreadCpuTime();
      return job.get();
    });
    try {
      T value = future.get((long) (budgetS * 1000), TimeUnit.MILLISECONDS);
      double ms = (CPU.getThreadCpuTime(start[0]) - start[1]) / 1e6;
      return new Timed<>(value, ms, true);
    } catch (TimeoutException e) {
      double ms = (CPU.getThreadCpuTime(start[0]) - start[1]) / 1e6;
      future.cancel(true);
      return new Timed<>(null, ms, false);
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("Benchmark job failed.", e);
    }
  }
}
