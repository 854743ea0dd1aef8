package dev.flotilla.bench;

import static dev.flotilla.bench.AllocBenchmark.f;

import dev.flotilla.alloc.GreedyAllocator;
import dev.flotilla.alloc.PotentialGameAllocator;
import dev.flotilla.alloc.PotentialGameReallocator;
import dev.flotilla.alloc.RandomAllocationInstances;
import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.RobotSchedule;
import dev.flotilla.bench.AllocBenchmark.Row;
import dev.flotilla.bench.AllocBenchmark.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scaling section of {@link AllocBenchmark}: initial allocation by the potential game against
 * the greedy baseline, and single-failure reallocation, per (n, m, N) cell. Each allocation runs on
 * a worker thread under the cell budget; a cell that exceeds it is abandoned, and the cells of the
 * same fleet size with as many tasks or more and N_j as large or larger are skipped.
 */
final class AllocScaling {
  private final Settings settings;
  private final TableWriter out;

  AllocScaling(Settings settings, TableWriter out) {
    this.settings = settings;
    this.out = out;
  }

  /** Lets the JIT compile the hot paths before anything is timed. */
  void warmUp() {
    for (int k = 0; k < 4; k++) {
      AllocationProblem p = RandomAllocationInstances.generate(999 + k, 60, 30, 1 + k % 3, 8000);
      AllocationPlan plan = new PotentialGameAllocator().allocate(p);
      new GreedyAllocator().allocate(p);
      failOne(p, plan, null);
    }
  }

  /** Initial allocation and single-failure reallocation times, potential game vs greedy. */
  List<Row> run() {
    out.printf("%nScaling: potential game (PG) vs greedy, one failure reallocated (PG)%n");
    out.printf("%5s %4s %2s %10s %10s %10s %10s %12s %10s %10s %8s  %s%n", "n", "m", "N",
        "pg_ms", "greedy_ms", "u_pg", "u_greedy", "iterations", "realloc_ms", "worst_ms",
        "changed", "note");
    List<int[]> cells = new ArrayList<>();
    for (int n : settings.robots()) {
      for (int m : settings.tasks()) {
        for (int need : settings.needs()) {
          cells.add(new int[] {n, m, need});
        }
      }
    }
    cells.sort(Comparator.<int[]>comparingInt(c -> c[1]).thenComparingInt(c -> c[0])
        .thenComparingInt(c -> c[2]));
    if (settings.target() != null) {
      cells.add(0, settings.target().clone());
    }
    List<Row> rows = new ArrayList<>();
    List<int[]> timedOut = new ArrayList<>();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "alloc-bench");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int[] c : cells) {
        rows.add(cell(c, timedOut, worker));
      }
    } finally {
      worker.shutdownNow();
    }
    return rows;
  }

  private Row cell(int[] c, List<int[]> timedOut, ExecutorService worker) {
    int n = c[0];
    int m = c[1];
    int need = c[2];
    long seed = settings.seed();
    double budget = settings.cellBudget();
    String skip = null;
    if (need > n) {
      skip = "skipped: N_j > n";
    }
    for (int[] t : timedOut) {
      // Same fleet size only: the fast mode is not slower with more robots (fewer robots share
      // more tasks, which is what makes Algorithm 2's games long), so n does not order the cost.
      if (skip == null && n == t[0] && m >= t[1] && need >= t[2]) {
        skip = String.format(Locale.ROOT, "skipped: (n=%d, m=%d, N=%d) already exceeded the "
            + "%.0f s budget", t[0], t[1], t[2], budget);
      }
    }
    AllocationProblem p = skip != null ? null : RandomAllocationInstances.generate(
        seed * 31 + n * 7 + m * 3 + need, n, m, need, 6000 * Math.sqrt(Math.max(1, m / 10.0)));
    AllocationPlan pg = null;
    double pgMs = Double.NaN;
    if (skip == null) {
      Future<Object[]> future = worker.submit(() -> {
        long t0 = System.nanoTime();
        AllocationPlan plan = new PotentialGameAllocator(seed, 32).allocate(p);
        return new Object[] {plan, (System.nanoTime() - t0) / 1e6};
      });
      try {
        Object[] result = future.get((long) (budget * 1000), TimeUnit.MILLISECONDS);
        pg = (AllocationPlan) result[0];
        pgMs = (Double) result[1];
      } catch (TimeoutException e) {
        future.cancel(true);
        timedOut.add(c);
        skip = String.format(Locale.ROOT, "initial allocation exceeded the %.0f s budget",
            budget);
      } catch (InterruptedException | ExecutionException e) {
        throw new IllegalStateException("Benchmark cell n=" + n + " m=" + m + " failed.", e);
      }
    }
    if (skip != null) {
      out.printf("%5d %4d %2d %10s %10s %10s %10s %12s %10s %10s %8s  %s%n", n, m, need, "-",
          "-", "-", "-", "-", "-", "-", "-", skip);
      return new Row("scaling", n, m, need, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, skip);
    }
    long t1 = System.nanoTime();
    AllocationPlan gr = new GreedyAllocator().allocate(p);
    double grMs = (System.nanoTime() - t1) / 1e6;
    double[] realloc = failOne(p, pg, worker);
    String unassigned = pg.unassigned().size() + " unassigned (greedy " + gr.unassigned().size()
        + ")";
    String note = unassigned + "; realloc " + (Double.isInfinite(realloc[1])
        ? "exceeded the budget" : "worst " + f(realloc[1]) + " ms");
    out.printf("%5d %4d %2d %10.1f %10.2f %10.2f %10.2f %12d %10s %10s %8s  %s%n", n, m,
        need, pgMs, grMs, pg.expectedGlobalUtility(), gr.expectedGlobalUtility(),
        pg.iterations(), cell(realloc[0], "%.2f"), Double.isInfinite(realloc[1]) ? "timeout"
            : cell(realloc[1], "%.2f"), cell(realloc[2], "%.0f"), note);
    return new Row("scaling", n, m, need, 1, pg.expectedGlobalUtility(), Double.NaN,
        gr.expectedGlobalUtility(), Double.NaN,
        100 * (pg.expectedGlobalUtility() - gr.expectedGlobalUtility())
            / Math.abs(pg.expectedGlobalUtility()),
        pg.iterations(), Double.NaN, Double.NaN, pgMs, grMs, realloc[0], realloc[2], note);
  }

  /** A table cell: the number, or "-" where it does not apply (no NaN in the table). */
  private static String cell(double v, String format) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "-";
  }

  /**
   * Single-failure reallocation: fails, one at a time, the busiest robot and up to 4 others that
   * have tasks (evenly spread over the fleet), each just before its first task starts.
   *
   * @param worker runs each reallocation under the cell budget; null to run it here, unbounded
   * @return {upper median ms over those failures, max ms, upper median robots changed}; max is
   *     infinite when a reallocation exceeded the budget
   */
  private double[] failOne(AllocationProblem p, AllocationPlan plan, ExecutorService worker) {
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
      Callable<double[]> job = () -> {
        long t0 = System.nanoTime();
        var r = new PotentialGameReallocator().reallocate(p, plan, s.robotId(), tf);
        return new double[] {(System.nanoTime() - t0) / 1e6, r.changedRobots().size()};
      };
      try {
        double[] result;
        if (worker == null) {
          result = job.call();
        } else {
          Future<double[]> future = worker.submit(job);
          try {
            result = future.get((long) (settings.cellBudget() * 1000), TimeUnit.MILLISECONDS);
          } catch (TimeoutException e) {
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
    return new double[] {Statistics.upperMedian(times), Statistics.max(times),
        Statistics.upperMedian(changed)};
  }
}
