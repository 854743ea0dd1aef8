package dev.flotilla.bench;

import dev.flotilla.alloc.ExhaustiveAllocator;
import dev.flotilla.alloc.GreedyAllocator;
import dev.flotilla.alloc.PotentialGameAllocator;
import dev.flotilla.alloc.RandomAllocationInstances;
import dev.flotilla.alloc.SingleTaskResult;
import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import dev.flotilla.alloc.rebalance.RebalanceEvent;
import dev.flotilla.alloc.rebalance.RebalanceOutcome;
import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The figures of §4 of seed 001 (Figs. 5–9) against enumeration, the scaling table against the
 * greedy baseline ({@link AllocScaling}), and seed 000's event-triggered rebalancing against
 * re-planning at every event, all measured in one run. Each section prints its table as it goes
 * and returns one {@link Row} per table line, the CSV's rows.
 */
public final class AllocBenchmark {
  /** The sections, in the order they run. */
  public static final List<String> SECTIONS =
      List.of("fig5", "fig7", "fig8", "scaling", "rebalance", "speed", "quality");

  /** Header of the CSV, one column per {@link Row} component. */
  public static final String CSV_HEADER = "section,n,m,need,instances,pg_utility,"
      + "reference_utility,greedy_utility,pg_reduction_pct,greedy_reduction_pct,pg_iterations,"
      + "reference_iterations,iteration_ratio,pg_ms,greedy_ms,realloc_ms,realloc_changed_robots,"
      + "note";

  /**
   * What to run.
   *
   * @param instances seeded instances per figure point, &ge; 1
   * @param seed base random seed
   * @param cellBudget seconds allowed per figure point or scaling cell
   * @param robots scaling: fleet sizes
   * @param tasks scaling: task counts
   * @param needs scaling: robots each task needs (N_j)
   * @param fig7MaxTasks Fig. 7's largest m
   * @param fig8MaxRobots Fig. 8's largest n
   * @param target extra scaling cell {n, m, N} measured first, or null for none
   * @param sections which of {@link #SECTIONS} to run
   * @param speedBudget seconds allowed per run of the speed section (the reference mode at
   *     1000 × 500 is the long one); a run over it is abandoned and reported as a lower bound
   * @param qualityInstances instances of the tight-deadline set in the quality section
   * @param speedSizes the speed section's {n, m} cells
   */
  public record Settings(int instances, long seed, double cellBudget, List<Integer> robots,
      List<Integer> tasks, List<Integer> needs, int fig7MaxTasks, int fig8MaxRobots, int[] target,
      List<String> sections, double speedBudget, int qualityInstances, List<int[]> speedSizes) {}

  /**
   * One figure point, scaling cell or rebalancing policy; NaN where a column does not apply.
   *
   * @param section e.g. {@code fig7}, {@code scaling}, {@code rebalance-event_triggered}
   * @param n robots
   * @param m tasks
   * @param need robots per task
   * @param runs instances measured
   * @param upg potential-game utility
   * @param uref enumeration's utility
   * @param ugr greedy utility
   * @param redPg utility reduction of the game against enumeration, percent
   * @param redGr utility reduction of greedy, percent
   * @param ipg game iterations
   * @param iref enumeration iterations
   * @param ratio game over enumeration iterations
   * @param pgMs game milliseconds
   * @param grMs greedy milliseconds
   * @param reMs reallocation milliseconds
   * @param changed robots changed by reallocation
   * @param note free text
   */
  public record Row(String section, int n, int m, int need, int runs, double upg, double uref,
      double ugr, double redPg, double redGr, double ipg, double iref, double ratio, double pgMs,
      double grMs, double reMs, double changed, String note) implements CsvRow {

    /** @return the CSV line: six significant digits, empty for NaN, the note quoted */
    @Override
    public String csv() {
      return String.join(",", section, Integer.toString(n), Integer.toString(m),
          Integer.toString(need), Integer.toString(runs), f(upg), f(uref), f(ugr), f(redPg),
          f(redGr), f(ipg), f(iref), f(ratio), f(pgMs), f(grMs), f(reMs), f(changed),
          "\"" + note + "\"");
    }
  }

  private final Settings settings;

  /** @param settings what to run */
  public AllocBenchmark(Settings settings) {
    this.settings = settings;
  }

  /**
   * Runs the chosen sections after a JIT warm-up, printing each table to {@code out}.
   *
   * @param out where the tables go
   * @return the rows of every section, in order
   */
  public List<Row> run(TableWriter out) {
    List<Row> rows = new ArrayList<>();
    AllocScaling scaling = new AllocScaling(settings, out);
    scaling.warmUp();
    if (settings.sections().contains("fig5")) {
      figures5and6(out, rows);
    }
    if (settings.sections().contains("fig7")) {
      globalFigure(out, rows, "fig7", true);
    }
    if (settings.sections().contains("fig8")) {
      globalFigure(out, rows, "fig8", false);
    }
    if (settings.sections().contains("scaling")) {
      rows.addAll(scaling.run());
    }
    if (settings.sections().contains("rebalance")) {
      rebalance(out, rows);
    }
    AllocSpeedQuality issue15 = new AllocSpeedQuality(settings, out);
    if (settings.sections().contains("speed")) {
      rows.addAll(issue15.speed());
    }
    if (settings.sections().contains("quality")) {
      rows.addAll(issue15.quality());
    }
    return rows;
  }

  /** Figs. 5 and 6: one task needing 2 robots, potential game vs enumeration over n. */
  private void figures5and6(TableWriter out, List<Row> rows) {
    long seed = settings.seed();
    out.printf("%nFigs. 5-6: single task (N_j = 2), potential game vs enumeration%n");
    out.printf("%4s %6s %10s %10s %10s %10s%n", "n", "runs", "u_pg", "u_enum", "iter_pg",
        "iter_enum");
    for (int n = 2; n <= 10; n++) {
      Totals t = new Totals();
      long start = System.nanoTime();
      for (int k = 0; k < settings.instances() && seconds(start) < settings.cellBudget(); k++) {
        AllocationProblem p =
            RandomAllocationInstances.generate(seed * 1_000_003 + n * 1000 + k, n, 1, 2, 6000);
        SingleTaskResult a = new PotentialGameAllocator(seed + k, 32).bestCrew(p, "T1");
        SingleTaskResult b = new ExhaustiveAllocator().bestCrew(p, "T1");
        if (b.robotIds().isEmpty()) {
          continue;
        }
        t.add(a.expectedUtility(), b.expectedUtility(), 0, a.iterations(), b.iterations(), 0, 0);
      }
      if (t.runs == 0) {
        out.printf("%4d %6d %10s  no instance ran within the %.0f s budget%n", n, 0, "-",
            settings.cellBudget());
      } else {
        out.printf("%4d %6d %10.3f %10.3f %10.1f %10.1f%n", n, t.runs, t.mean(t.upg),
            t.mean(t.uex), t.mean(t.ipg), t.mean(t.iex));
      }
      rows.add(new Row("fig5-6", n, 1, 2, t.runs, t.mean(t.upg), t.mean(t.uex), Double.NaN,
          t.reduction(t.upg), Double.NaN, t.mean(t.ipg), t.mean(t.iex), t.ipg / t.iex,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          t.runs == 0 ? "no instance ran within the budget" : ""));
    }
  }

  /** Fig. 7 (m = 1..6, n = 4) or Fig. 8 (n = 2..8, m = 4), with Fig. 9's iteration ratio. */
  private void globalFigure(TableWriter out, List<Row> rows, String name, boolean overTasks) {
    long seed = settings.seed();
    out.printf("%n%s: global utility reduction vs enumeration (N_j = 2), %s%n",
        overTasks ? "Fig. 7" : "Fig. 8", overTasks ? "n = 4" : "m = 4");
    out.printf("%4s %4s %6s %10s %10s %10s %9s %9s %12s%n", "n", "m", "runs", "u_pg", "u_enum",
        "u_greedy", "red_pg%", "red_gr%", "iter_ratio");
    int from = overTasks ? 1 : 2;
    int to = overTasks ? settings.fig7MaxTasks() : settings.fig8MaxRobots();
    for (int x = from; x <= to; x++) {
      int n = overTasks ? 4 : x;
      int m = overTasks ? x : 4;
      Totals t = new Totals();
      int skipped = 0;
      long start = System.nanoTime();
      for (int k = 0; k < settings.instances() && seconds(start) < settings.cellBudget(); k++) {
        AllocationProblem p = RandomAllocationInstances.generate(
            seed * 7_000_003 + n * 1000 + m * 100 + k, n, m, 2, 6000);
        long t0 = System.nanoTime();
        AllocationPlan pg = new PotentialGameAllocator(seed + k, 32).allocate(p);
        long t1 = System.nanoTime();
        AllocationPlan gr = new GreedyAllocator().allocate(p);
        long t2 = System.nanoTime();
        AllocationPlan ex = new ExhaustiveAllocator().allocate(p);
        if (ex.unassigned().size() != pg.unassigned().size()
            || ex.unassigned().size() != gr.unassigned().size()) {
          skipped++;
          continue;
        }
        t.add(pg.expectedGlobalUtility(), ex.expectedGlobalUtility(),
            gr.expectedGlobalUtility(), pg.iterations(), ex.iterations(), (t1 - t0) / 1e6,
            (t2 - t1) / 1e6);
      }
      double redPg = t.reduction(t.upg);
      double redGr = t.reduction(t.ugr);
      if (t.runs == 0) {
        out.printf("%4d %4d %6d %10s  no comparable instance within the %.0f s budget (%d "
            + "skipped: task coverage differed)%n", n, m, 0, "-", settings.cellBudget(), skipped);
      } else {
        out.printf("%4d %4d %6d %10.3f %10.3f %10.3f %9.3f %9.3f %12.5f%n", n, m, t.runs,
            t.mean(t.upg), t.mean(t.uex), t.mean(t.ugr), redPg, redGr, t.ipg / t.iex);
      }
      rows.add(new Row(name, n, m, 2, t.runs, t.mean(t.upg), t.mean(t.uex), t.mean(t.ugr), redPg,
          redGr, t.mean(t.ipg), t.mean(t.iex), t.ipg / t.iex, t.mean(t.tpg), t.mean(t.tgr),
          Double.NaN, Double.NaN,
          skipped > 0 ? skipped + " instances skipped: task coverage differed" : ""));
    }
  }

  /** Seed 000: event-triggered vs global re-plan at every event, same event stream. */
  private void rebalance(TableWriter out, List<Row> rows) {
    long seed = settings.seed();
    out.printf("%nRebalancing (seed 000): 20 robots, 15 tasks, 12 events, threshold 0.1%n");
    out.printf("%-16s %8s %10s %10s %10s %10s%n", "policy", "globals", "touched/ev", "msgs/ev",
        "ms/event", "u_final");
    for (EventTriggeredRebalancer.Policy policy : EventTriggeredRebalancer.Policy.values()) {
      AllocationProblem p = RandomAllocationInstances.generate(seed * 17, 20, 15, 2, 6000);
      var r = new EventTriggeredRebalancer(p, 0.1, 5, policy);
      Random rng = new Random(seed * 19);
      int globals = 0;
      long touched = 0;
      long messages = 0;
      long t0 = System.nanoTime();
      List<String> failed = new ArrayList<>();
      for (int e = 0; e < 12; e++) {
        RebalanceOutcome o = r.onEvent(event(e, rng, failed));
        globals += o.globalReplan() ? 1 : 0;
        touched += o.robotsTouched().size();
        messages += o.messages();
      }
      double ms = (System.nanoTime() - t0) / 1e6 / 12;
      out.printf("%-16s %8d %10.2f %10.1f %10.1f %10.2f%n", policy, globals, touched / 12.0,
          messages / 12.0, ms, r.plan().expectedGlobalUtility());
      rows.add(new Row("rebalance-" + policy.name().toLowerCase(Locale.ROOT), 20, 15, 2, 12,
          r.plan().expectedGlobalUtility(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          messages / 12.0, Double.NaN, Double.NaN, ms, Double.NaN, Double.NaN, touched / 12.0,
          globals + " global re-plans; pg_iterations column = messages per event"));
    }
  }

  /**
   * Sums over the instances of one figure point: utilities of the potential game, enumeration
   * and greedy, iterations of the first two, and milliseconds of the game and greedy.
   */
  private static final class Totals {
    double upg;
    double uex;
    double ugr;
    double ipg;
    double iex;
    double tpg;
    double tgr;
    int runs;

    void add(double pg, double ex, double gr, double iterPg, double iterEx, double msPg,
        double msGr) {
      upg += pg;
      uex += ex;
      ugr += gr;
      ipg += iterPg;
      iex += iterEx;
      tpg += msPg;
      tgr += msGr;
      runs++;
    }

    double mean(double sum) {
      return sum / runs;
    }

    /** @return percent by which a utility sum falls short of enumeration's */
    double reduction(double sum) {
      return 100 * (uex - sum) / Math.abs(uex);
    }
  }

  /** The e-th event of the stream: new task, odometry deviation, failure, recovery, repeated. */
  private static RebalanceEvent event(int e, Random rng, List<String> failed) {
    double time = 30.0 * (e + 1);
    return switch (e % 4) {
      case 0 -> new RebalanceEvent.NewTask(Task.of("N" + e,
          Point3.of(rng.nextDouble() * 6000, rng.nextDouble() * 6000), 1 + rng.nextInt(2),
          10 + 10 * rng.nextDouble(), 5e-4).appearingAt(time), time);
      case 1 -> new RebalanceEvent.OdometryDeviation("A" + (1 + rng.nextInt(20)),
          Point3.of(rng.nextDouble() * 6000, rng.nextDouble() * 6000), time);
      case 2 -> {
        String id = "A" + (1 + rng.nextInt(20));
        failed.add(id);
        yield new RebalanceEvent.RobotFailed(id, time);
      }
      default -> new RebalanceEvent.RobotRecovered(failed.get(failed.size() - 1),
          Point3.of(3000, 3000), time);
    };
  }

  /** @return six significant digits, empty for NaN or infinite (the note says why) */
  static String f(double v) {
    return !Double.isFinite(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
