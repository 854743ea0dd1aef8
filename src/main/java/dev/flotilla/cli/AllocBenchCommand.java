package dev.flotilla.cli;

import dev.flotilla.alloc.ExhaustiveAllocator;
import dev.flotilla.alloc.GreedyAllocator;
import dev.flotilla.alloc.PotentialGameAllocator;
import dev.flotilla.alloc.PotentialGameReallocator;
import dev.flotilla.alloc.RandomAllocationInstances;
import dev.flotilla.alloc.SingleTaskResult;
import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.RobotSchedule;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import dev.flotilla.alloc.rebalance.RebalanceEvent;
import dev.flotilla.alloc.rebalance.RebalanceOutcome;
import dev.flotilla.model.Point3;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code flotilla bench alloc}: the figures of §4 of seed 001 (Figs. 5–9) against enumeration,
 * the scaling table against the greedy baseline, and seed 000's event-triggered rebalancing
 * against re-planning at every event, all measured in one run. Prints a table, writes a CSV.
 */
@Command(
    name = "alloc",
    mixinStandardHelpOptions = true,
    description = "Benchmarks potential-game allocation (seed 001 Figs. 5-9, scaling, "
        + "reallocation) and event-triggered rebalancing (seed 000).")
public final class AllocBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", description = "CSV output path (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("out", "bench", "alloc.csv");

  @Option(names = "--instances", description = "Seeded instances per figure point "
      + "(default: ${DEFAULT-VALUE}, as in the paper).")
  int instances = 50;

  @Option(names = "--seed", description = "Base random seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--cell-budget", description = "Seconds allowed per figure point or scaling "
      + "cell; a figure point stops early and reports how many instances ran; a scaling "
      + "allocation exceeding it is abandoned, and larger cells are skipped "
      + "(default: ${DEFAULT-VALUE}).")
  double cellBudget = 15;

  @Option(names = "--robots", split = ",", description = "Scaling: fleet sizes "
      + "(default: ${DEFAULT-VALUE}).")
  List<Integer> robots = List.of(10, 100, 1000);

  @Option(names = "--tasks", split = ",", description = "Scaling: task counts "
      + "(default: ${DEFAULT-VALUE}).")
  List<Integer> tasks = List.of(10, 100, 500);

  @Option(names = "--need", split = ",", description = "Scaling: N_j values "
      + "(default: ${DEFAULT-VALUE}).")
  List<Integer> needs = List.of(1, 2, 3);

  @Option(names = "--fig7-max-tasks", description = "Fig. 7: largest m "
      + "(default: ${DEFAULT-VALUE}).")
  int fig7MaxTasks = 6;

  @Option(names = "--fig8-max-robots", description = "Fig. 8: largest n (default: "
      + "${DEFAULT-VALUE}).")
  int fig8MaxRobots = 8;

  @Option(names = "--target", description = "Extra scaling cell n,m,N checked against the issue's "
      + "targets, or 'none' (default: ${DEFAULT-VALUE}).")
  String target = "100,50,2";

  @Option(names = "--sections", split = ",", description = "Sections to run: fig5, fig7, fig8, "
      + "scaling, rebalance (default: all).")
  List<String> sections = List.of("fig5", "fig7", "fig8", "scaling", "rebalance");

  private final List<String> csv = new ArrayList<>();

  @Override
  public Integer call() {
    validate();
    csv.add("section,n,m,need,instances,pg_utility,reference_utility,greedy_utility,"
        + "pg_reduction_pct,greedy_reduction_pct,pg_iterations,reference_iterations,"
        + "iteration_ratio,pg_ms,greedy_ms,realloc_ms,realloc_changed_robots,note");
    warmUp();
    if (sections.contains("fig5")) {
      figures5and6();
    }
    if (sections.contains("fig7")) {
      globalFigure("fig7", true);
    }
    if (sections.contains("fig8")) {
      globalFigure("fig8", false);
    }
    if (sections.contains("scaling")) {
      scaling();
    }
    if (sections.contains("rebalance")) {
      rebalance();
    }
    try {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.write(out, csv);
    } catch (IOException e) {
      spec.commandLine().getErr().println("Cannot write --out " + out + ": " + e.getMessage());
      return 2;
    }
    print("CSV written to %s%n", out);
    return 0;
  }

  private void validate() {
    if (!target.equals("none")) {
      targetCell();
    }
    if (instances < 1) {
      throw new ParameterException(spec.commandLine(), "--instances must be >= 1.");
    }
    if (fig7MaxTasks < 1 || fig7MaxTasks > ExhaustiveAllocator.MAX_TASKS) {
      throw new ParameterException(spec.commandLine(), "--fig7-max-tasks must be in [1, "
          + ExhaustiveAllocator.MAX_TASKS + "].");
    }
    if (fig8MaxRobots < 2 || fig8MaxRobots > ExhaustiveAllocator.MAX_ROBOTS) {
      throw new ParameterException(spec.commandLine(), "--fig8-max-robots must be in [2, "
          + ExhaustiveAllocator.MAX_ROBOTS + "].");
    }
    if (!(cellBudget > 0)) {
      throw new ParameterException(spec.commandLine(), "--cell-budget must be > 0 s.");
    }
    for (String s : sections) {
      if (!List.of("fig5", "fig7", "fig8", "scaling", "rebalance").contains(s)) {
        throw new ParameterException(spec.commandLine(), "--sections: unknown section '" + s
            + "' (expected fig5, fig7, fig8, scaling, rebalance).");
      }
    }
    for (int v : robots) {
      if (v < 1) {
        throw new ParameterException(spec.commandLine(), "--robots: sizes must be >= 1.");
      }
    }
    for (int v : tasks) {
      if (v < 1) {
        throw new ParameterException(spec.commandLine(), "--tasks: counts must be >= 1.");
      }
    }
    for (int v : needs) {
      if (v < 1) {
        throw new ParameterException(spec.commandLine(), "--need: values must be >= 1.");
      }
    }
  }

  /** Lets the JIT compile the hot paths before anything is timed. */
  private void warmUp() {
    for (int k = 0; k < 4; k++) {
      AllocationProblem p = RandomAllocationInstances.generate(999 + k, 60, 30, 1 + k % 3, 8000);
      AllocationPlan plan = new PotentialGameAllocator().allocate(p);
      new GreedyAllocator().allocate(p);
      failOne(p, plan, null);
    }
  }

  /** Figs. 5 and 6: one task needing 2 robots, potential game vs enumeration over n. */
  private void figures5and6() {
    print("%nFigs. 5-6: single task (N_j = 2), potential game vs enumeration%n");
    print("%4s %6s %10s %10s %10s %10s%n", "n", "runs", "u_pg", "u_enum", "iter_pg",
        "iter_enum");
    for (int n = 2; n <= 10; n++) {
      double upg = 0;
      double uex = 0;
      double ipg = 0;
      double iex = 0;
      int runs = 0;
      long start = System.nanoTime();
      for (int k = 0; k < instances && seconds(start) < cellBudget; k++) {
        AllocationProblem p =
            RandomAllocationInstances.generate(seed * 1_000_003 + n * 1000 + k, n, 1, 2, 6000);
        SingleTaskResult a = new PotentialGameAllocator(seed + k, 32).bestCrew(p, "T1");
        SingleTaskResult b = new ExhaustiveAllocator().bestCrew(p, "T1");
        if (b.robotIds().isEmpty()) {
          continue;
        }
        upg += a.expectedUtility();
        uex += b.expectedUtility();
        ipg += a.iterations();
        iex += b.iterations();
        runs++;
      }
      print("%4d %6d %10.3f %10.3f %10.1f %10.1f%n", n, runs, upg / runs, uex / runs,
          ipg / runs, iex / runs);
      row("fig5-6", n, 1, 2, runs, upg / runs, uex / runs, Double.NaN,
          100 * (uex - upg) / Math.abs(uex), Double.NaN, ipg / runs, iex / runs, ipg / iex,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, "");
    }
  }

  /** Fig. 7 (m = 1..6, n = 4) or Fig. 8 (n = 2..8, m = 4), with Fig. 9's iteration ratio. */
  private void globalFigure(String name, boolean overTasks) {
    print("%n%s: global utility reduction vs enumeration (N_j = 2), %s%n",
        overTasks ? "Fig. 7" : "Fig. 8", overTasks ? "n = 4" : "m = 4");
    print("%4s %4s %6s %10s %10s %10s %9s %9s %12s%n", "n", "m", "runs", "u_pg", "u_enum",
        "u_greedy", "red_pg%", "red_gr%", "iter_ratio");
    int from = overTasks ? 1 : 2;
    int to = overTasks ? fig7MaxTasks : fig8MaxRobots;
    for (int x = from; x <= to; x++) {
      int n = overTasks ? 4 : x;
      int m = overTasks ? x : 4;
      double upg = 0;
      double uex = 0;
      double ugr = 0;
      double ipg = 0;
      double iex = 0;
      double tpg = 0;
      double tgr = 0;
      int runs = 0;
      int skipped = 0;
      long start = System.nanoTime();
      for (int k = 0; k < instances && seconds(start) < cellBudget; k++) {
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
        upg += pg.expectedGlobalUtility();
        uex += ex.expectedGlobalUtility();
        ugr += gr.expectedGlobalUtility();
        ipg += pg.iterations();
        iex += ex.iterations();
        tpg += (t1 - t0) / 1e6;
        tgr += (t2 - t1) / 1e6;
        runs++;
      }
      double redPg = 100 * (uex - upg) / Math.abs(uex);
      double redGr = 100 * (uex - ugr) / Math.abs(uex);
      print("%4d %4d %6d %10.3f %10.3f %10.3f %9.3f %9.3f %12.5f%n", n, m, runs, upg / runs,
          uex / runs, ugr / runs, redPg, redGr, ipg / iex);
      row(name, n, m, 2, runs, upg / runs, uex / runs, ugr / runs, redPg, redGr, ipg / runs,
          iex / runs, ipg / iex, tpg / runs, tgr / runs, Double.NaN, Double.NaN,
          skipped > 0 ? skipped + " instances skipped: task coverage differed" : "");
    }
  }

  /** Initial allocation and single-failure reallocation times, potential game vs greedy. */
  private void scaling() {
    print("%nScaling: potential game (PG) vs greedy, one failure reallocated (PG)%n");
    print("%5s %4s %2s %10s %10s %10s %10s %12s %10s %10s %8s  %s%n", "n", "m", "N", "pg_ms",
        "greedy_ms", "u_pg", "u_greedy", "iterations", "realloc_ms", "worst_ms", "changed",
        "note");
    List<int[]> cells = new ArrayList<>();
    for (int n : robots) {
      for (int m : tasks) {
        for (int need : needs) {
          cells.add(new int[] {n, m, need});
        }
      }
    }
    cells.sort(java.util.Comparator.<int[]>comparingInt(c -> c[1]).thenComparingInt(c -> c[0])
        .thenComparingInt(c -> c[2]));
    if (!target.equals("none")) {
      cells.add(0, targetCell());
    }
    List<int[]> timedOut = new ArrayList<>();
    java.util.concurrent.ExecutorService worker =
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "alloc-bench");
          t.setDaemon(true);
          return t;
        });
    try {
      for (int[] c : cells) {
        scalingCell(c, timedOut, worker);
      }
    } finally {
      worker.shutdownNow();
    }
  }

  private void scalingCell(int[] c, List<int[]> timedOut,
      java.util.concurrent.ExecutorService worker) {
    int n = c[0];
    int m = c[1];
    int need = c[2];
    String skip = null;
    if (need > n) {
      skip = "skipped: N_j > n";
    }
    for (int[] t : timedOut) {
      if (skip == null && n >= t[0] && m >= t[1] && need >= t[2]) {
        skip = String.format(Locale.ROOT, "skipped: (n=%d, m=%d, N=%d) already exceeded the "
            + "%.0f s budget", t[0], t[1], t[2], cellBudget);
      }
    }
    AllocationProblem p = skip != null ? null : RandomAllocationInstances.generate(
        seed * 31 + n * 7 + m * 3 + need, n, m, need, 6000 * Math.sqrt(Math.max(1, m / 10.0)));
    AllocationPlan pg = null;
    double pgMs = Double.NaN;
    if (skip == null) {
      var future = worker.submit(() -> {
        long t0 = System.nanoTime();
        AllocationPlan plan = new PotentialGameAllocator(seed, 32).allocate(p);
        return new Object[] {plan, (System.nanoTime() - t0) / 1e6};
      });
      try {
        Object[] result = future.get((long) (cellBudget * 1000),
            java.util.concurrent.TimeUnit.MILLISECONDS);
        pg = (AllocationPlan) result[0];
        pgMs = (Double) result[1];
      } catch (java.util.concurrent.TimeoutException e) {
        future.cancel(true);
        timedOut.add(c);
        skip = String.format(Locale.ROOT, "initial allocation exceeded the %.0f s budget",
            cellBudget);
      } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("Benchmark cell n=" + n + " m=" + m + " failed.", e);
      }
    }
    if (skip != null) {
      print("%5d %4d %2d %10s %10s %10s %10s %12s %10s %10s %8s  %s%n", n, m, need, "-", "-",
          "-", "-", "-", "-", "-", "-", skip);
      row("scaling", n, m, need, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          skip);
      return;
    }
    long t1 = System.nanoTime();
    AllocationPlan gr = new GreedyAllocator().allocate(p);
    double grMs = (System.nanoTime() - t1) / 1e6;
    double[] realloc = failOne(p, pg, worker);
    String note = pg.unassigned().size() + " unassigned (greedy " + gr.unassigned().size()
        + "); realloc " + (Double.isInfinite(realloc[1])
            ? "exceeded the budget" : "worst " + f(realloc[1]) + " ms");
    print("%5d %4d %2d %10.1f %10.2f %10.2f %10.2f %12d %10.2f %10.2f %8.0f  %s%n", n, m, need,
        pgMs, grMs, pg.expectedGlobalUtility(), gr.expectedGlobalUtility(), pg.iterations(),
        realloc[0], realloc[1], realloc[2], pg.unassigned().size() + " unassigned (greedy "
            + gr.unassigned().size() + ")");
    row("scaling", n, m, need, 1, pg.expectedGlobalUtility(), Double.NaN,
        gr.expectedGlobalUtility(), Double.NaN,
        100 * (pg.expectedGlobalUtility() - gr.expectedGlobalUtility())
            / Math.abs(pg.expectedGlobalUtility()),
        pg.iterations(), Double.NaN, Double.NaN, pgMs, grMs, realloc[0], realloc[2], note);
  }

  private int[] targetCell() {
    String[] parts = target.split(",");
    try {
      if (parts.length == 3) {
        int[] cell = new int[3];
        for (int k = 0; k < 3; k++) {
          cell[k] = Integer.parseInt(parts[k].trim());
          if (cell[k] < 1) {
            throw new NumberFormatException();
          }
        }
        return cell;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ParameterException(spec.commandLine(),
        "--target must be 'n,m,N' with positive integers or 'none', got '" + target + "'.");
  }

  /**
   * Single-failure reallocation: fails, one at a time, the busiest robot and up to 4 others that
   * have tasks (evenly spread over the fleet), each just before its first task starts.
   *
   * @return {median ms over those failures, max ms, median robots changed}
   */
  private double[] failOne(AllocationProblem p, AllocationPlan plan,
      java.util.concurrent.ExecutorService worker) {
    List<RobotSchedule> busy = new ArrayList<>();
    RobotSchedule busiest = null;
    for (RobotSchedule s : plan.schedules()) {
      if (!s.assignments().isEmpty()) {
        busy.add(s);
        if (busiest == null || s.assignments().size() > busiest.assignments().size()) {
          busiest = s;
        }
      }
    }
    if (busiest == null) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    List<RobotSchedule> victims = new ArrayList<>(List.of(busiest));
    for (int k = 1; k <= 4 && k < busy.size(); k++) {
      RobotSchedule s = busy.get(k * busy.size() / 5);
      if (s != busiest) {
        victims.add(s);
      }
    }
    double[] times = new double[victims.size()];
    double[] changed = new double[victims.size()];
    for (int v = 0; v < victims.size(); v++) {
      RobotSchedule s = victims.get(v);
      double tf = Math.max(0, s.assignments().get(0).startTime() - 1);
      java.util.concurrent.Callable<double[]> job = () -> {
        long t0 = System.nanoTime();
        var r = new PotentialGameReallocator().reallocate(p, plan, s.robotId(), tf);
        return new double[] {(System.nanoTime() - t0) / 1e6, r.changedRobots().size()};
      };
      try {
        double[] result;
        if (worker == null) {
          result = job.call();
        } else {
          var future = worker.submit(job);
          try {
            result = future.get((long) (cellBudget * 1000),
                java.util.concurrent.TimeUnit.MILLISECONDS);
          } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            return new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN};
          }
        }
        times[v] = result[0];
        changed[v] = result[1];
      } catch (Exception e) {
        throw new IllegalStateException("Reallocation of " + s.robotId() + " failed.", e);
      }
    }
    double max = java.util.Arrays.stream(times).max().orElse(Double.NaN);
    java.util.Arrays.sort(times);
    java.util.Arrays.sort(changed);
    return new double[] {times[times.length / 2], max, changed[changed.length / 2]};
  }

  /** Seed 000: event-triggered vs global re-plan at every event, same event stream. */
  private void rebalance() {
    print("%nRebalancing (seed 000): 20 robots, 15 tasks, 12 events, threshold 0.1%n");
    print("%-16s %8s %10s %10s %10s %10s%n", "policy", "globals", "touched/ev", "msgs/ev",
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
        double time = 30.0 * (e + 1);
        RebalanceEvent event;
        switch (e % 4) {
          case 0 -> event = new RebalanceEvent.NewTask(Task.of("N" + e,
              Point3.of(rng.nextDouble() * 6000, rng.nextDouble() * 6000), 1 + rng.nextInt(2),
              10 + 10 * rng.nextDouble(), 5e-4).appearingAt(time), time);
          case 1 -> event = new RebalanceEvent.OdometryDeviation("A" + (1 + rng.nextInt(20)),
              Point3.of(rng.nextDouble() * 6000, rng.nextDouble() * 6000), time);
          case 2 -> {
            String id = "A" + (1 + rng.nextInt(20));
            failed.add(id);
            event = new RebalanceEvent.RobotFailed(id, time);
          }
          default -> event = new RebalanceEvent.RobotRecovered(failed.get(failed.size() - 1),
              Point3.of(3000, 3000), time);
        }
        RebalanceOutcome o = r.onEvent(event);
        globals += o.globalReplan() ? 1 : 0;
        touched += o.robotsTouched().size();
        messages += o.messages();
      }
      double ms = (System.nanoTime() - t0) / 1e6 / 12;
      print("%-16s %8d %10.2f %10.1f %10.1f %10.2f%n", policy, globals, touched / 12.0,
          messages / 12.0, ms, r.plan().expectedGlobalUtility());
      row("rebalance-" + policy.name().toLowerCase(Locale.ROOT), 20, 15, 2, 12,
          r.plan().expectedGlobalUtility(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          messages / 12.0, Double.NaN, Double.NaN, ms, Double.NaN, Double.NaN, touched / 12.0,
          globals + " global re-plans; pg_iterations column = messages per event");
    }
  }

  private void row(String section, int n, int m, int need, int runs, double upg, double uref,
      double ugr, double redPg, double redGr, double ipg, double iref, double ratio, double pgMs,
      double grMs, double reMs, double changed, String note) {
    csv.add(String.join(",", section, Integer.toString(n), Integer.toString(m),
        Integer.toString(need), Integer.toString(runs), f(upg), f(uref), f(ugr), f(redPg),
        f(redGr), f(ipg), f(iref), f(ratio), f(pgMs), f(grMs), f(reMs), f(changed),
        "\"" + note + "\""));
  }

  private static String f(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }

  private void print(String format, Object... args) {
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, format, args);
    w.flush();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
