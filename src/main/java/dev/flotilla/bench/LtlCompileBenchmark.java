package dev.flotilla.bench;

import com.sun.management.ThreadMXBean;
import dev.flotilla.ltl.CompileLimits;
import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.LtlCompiler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compilation of flat conjunctions of N eventualities ({@code <> p0 && … && <> p(N-1)}, the shape
 * that wedged the planner, issue 15): the poset-product compiler (one automaton per conjunct, the
 * R-posets multiplied) against the monolithic automaton over all N propositions (2^N states ×
 * 2^N letters), both measured in the same run. Figures per N and compiler: verdict, automaton
 * states, subtasks, wall and CPU time, heap peak (all heap pools, after a GC and a reset of the
 * peaks) and bytes allocated by the compiling thread. The monolithic compiler runs only up to
 * {@code monolithicMax} and within its own time budget, since at N = 16 it needs minutes and
 * gigabytes; over budget is reported as such.
 */
public final class LtlCompileBenchmark {

  /** Header of the CSV of {@link Figure#csv()} lines. */
  public static final String CSV_HEADER =
      "n,compiler,verdict,states,subtasks,wall_ms,cpu_ms,heap_peak_mb,allocated_mb";

  /**
   * What to run.
   *
   * @param minN fewest eventualities, &ge; 1
   * @param maxN most eventualities, &ge; minN
   * @param monolithicMax largest N given to the monolithic compiler
   * @param monolithicBudgetMs the monolithic compiler's time budget per formula
   */
  public record Settings(int minN, int maxN, int monolithicMax, long monolithicBudgetMs) {}

  /**
   * One measured compilation.
   *
   * @param n eventualities
   * @param compiler {@code product} or {@code monolithic}
   * @param verdict {@code compiled}, {@code over budget}, {@code skipped} or the rejection kind
   * @param states automaton states held (summed over the conjuncts' automata)
   * @param subtasks subtasks of the first R-poset
   * @param wallMs wall-clock milliseconds
   * @param cpuMs CPU milliseconds of the compiling thread
   * @param heapPeakMb peak heap in use during the compilation, MB
   * @param allocatedMb bytes allocated by the compiling thread, MB
   */
  public record Figure(int n, String compiler, String verdict, int states, int subtasks,
      double wallMs, double cpuMs, double heapPeakMb, double allocatedMb) implements CsvRow {
    @Override
    public String csv() {
      return String.format(Locale.ROOT, "%d,%s,%s,%d,%d,%.1f,%.1f,%.1f,%.1f", n, compiler,
          verdict, states, subtasks, wallMs, cpuMs, heapPeakMb, allocatedMb);
    }
  }

  private final Settings settings;

  /** @param settings what to run */
  public LtlCompileBenchmark(Settings settings) {
    if (settings.minN() < 1 || settings.maxN() < settings.minN()) {
      throw new IllegalArgumentException("Need 1 <= minN <= maxN, got " + settings.minN()
          + " and " + settings.maxN() + ".");
    }
    this.settings = settings;
  }

  /**
   * The formula for N eventualities.
   *
   * @param n eventualities
   * @return {@code <> p0 && … && <> p(n-1)}
   */
  public static String formula(int n) {
    StringBuilder out = new StringBuilder("<> p0");
    for (int i = 1; i < n; i++) {
      out.append(" && <> p").append(i);
    }
    return out.toString();
  }

  /**
   * Runs every N for both compilers, printing a line per figure as it comes.
   *
   * @param table where the table goes
   * @return the figures
   */
  public List<Figure> run(TableWriter table) {
    LtlCompiler product = new LtlCompiler(CompileLimits.DEFAULT);
    LtlCompiler monolithic = new LtlCompiler(
        new CompileLimits(1 << 20, settings.monolithicBudgetMs(), false));
    // Warm-up, not reported: the first compilation also loads and compiles the classes.
    measure(product, "product", 4);
    measure(monolithic, "monolithic", 4);
    table.printf("%4s  %-10s  %-11s  %7s  %8s  %9s  %9s  %9s  %9s  %s%n", "N", "compiler",
        "verdict", "states", "subtasks", "wall ms", "cpu ms", "heap MB", "alloc MB",
        "monolithic/product cpu");
    List<Figure> out = new ArrayList<>();
    for (int n = settings.minN(); n <= settings.maxN(); n++) {
      Figure p = measure(product, "product", n);
      Figure m = n <= settings.monolithicMax() ? measure(monolithic, "monolithic", n)
          : new Figure(n, "monolithic", "skipped", 0, 0, Double.NaN, Double.NaN, Double.NaN,
              Double.NaN);
      print(table, p, "");
      // CPU time, not wall: on a shared machine the wall clock mostly measures the others.
      double r = m.cpuMs() / Math.max(p.cpuMs(), 0.001);
      String ratio = m.verdict().equals("compiled") ? String.format(Locale.ROOT, "%.0f×", r)
          : m.verdict().equals("over budget") ? String.format(Locale.ROOT, "> %.0f×", r) : "";
      print(table, m, ratio);
      out.add(p);
      out.add(m);
    }
    return out;
  }

  private static void print(TableWriter table, Figure f, String ratio) {
    if (f.verdict().equals("skipped")) {
      table.printf("%4d  %-10s  %-11s  %7s  %8s  %9s  %9s  %9s  %9s  %s%n", f.n(), f.compiler(),
          "skipped", "-", "-", "-", "-", "-", "-", "(above --monolithic-max)");
      return;
    }
    table.printf("%4d  %-10s  %-11s  %7d  %8d  %9.1f  %9.1f  %9.1f  %9.1f  %s%n", f.n(),
        f.compiler(), f.verdict(), f.states(), f.subtasks(), f.wallMs(), f.cpuMs(),
        f.heapPeakMb(), f.allocatedMb(), ratio);
  }

  private static Figure measure(LtlCompiler compiler, String name, int n) {
    String text = formula(n);
    var threads = ManagementFactory.getThreadMXBean();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long allocated0 = allocated(threads);
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    LtlCompilation c = compiler.compile(text);
    long wall = System.nanoTime() - wall0;
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long allocated = allocated(threads) - allocated0;
    long peak = 0;
    for (MemoryPoolMXBean p : heap) {
      peak += p.getPeakUsage().getUsed();
    }
    String verdict;
    int states = 0;
    int subtasks = 0;
    if (c instanceof LtlCompilation.Compiled ok) {
      verdict = "compiled";
      states = ok.automaton().stateCount();
      subtasks = ok.posets().get(0).size();
    } else {
      LtlCompilation.Problem problem = ((LtlCompilation.Rejected) c).problem();
      verdict = problem == LtlCompilation.Problem.OVER_BUDGET ? "over budget"
          : problem.name().toLowerCase(Locale.ROOT);
    }
    return new Figure(n, name, verdict, states, subtasks, wall / 1e6, cpu / 1e6,
        peak / 1048576.0, allocated / 1048576.0);
  }

  /** Bytes allocated by this thread, where the JVM reports it (HotSpot does); else 0. */
  private static long allocated(Object threads) {
    if (threads instanceof ThreadMXBean hotspot) {
      return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }
}
