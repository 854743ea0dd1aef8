package dev.flotilla.cli;

import dev.flotilla.plan.BranchAndBoundPlanner;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.PlanResult;
import dev.flotilla.plan.PlanValidator;
import dev.flotilla.plan.PlanningSession;
import dev.flotilla.plan.SearchStats;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.chain.ChainLibrary;
import dev.flotilla.plan.io.ScenarioException;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.CaseSpec;
import dev.flotilla.plan.model.OnlineTaskSpec;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.task.LtlTaskCompiler;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskCompilation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla bench ltl}: runs Cases 1-4 of seed 003 (Section 5, Table 1) on the track-field
 * scenario: LTL to R-poset product, action-path chains, anytime branch and bound offline, then each
 * online formula by simulated annealing. Reports the number of subtasks and actions, time to the
 * first and to the best plan, objective, replanning time per online formula and chain time, as a
 * table and a CSV. The baseline measured in the same run is the planners' own first plan (the
 * greedy dive for branch and bound, the greedy insertion for annealing); the paper's figures are
 * printed for reference.
 */
@Command(
    name = "ltl",
    mixinStandardHelpOptions = true,
    description = "Benchmark LTL planning with action-path chains on the track-field cases.")
public final class LtlBenchCommand implements Callable<Integer> {

  /** Table 1 of seed 003 (16 cores): offline seconds, replanning seconds, first solution. */
  private static final double[][] PAPER = {
    {10.12, 6.320, 0.023}, {27.71, 14.18, 0.026}, {79.19, 18.35, 0.065}, {1680.3, 107.1, 0.073}
  };

  @Spec picocli.CommandLine.Model.CommandSpec spec;

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
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    if (!(budgetS > 0) || !(replanBudgetS > 0)) {
      err.println("--budget and --replan-budget must be positive seconds.");
      return 2;
    }
    Scenario s;
    try {
      s = ScenarioLoader.load(scenario);
    } catch (ScenarioException e) {
      err.println(e.getMessage());
      return 2;
    }
    List<CaseSpec> run = new ArrayList<>();
    for (String name : cases.isEmpty() ? List.copyOf(s.cases().keySet()) : cases) {
      CaseSpec c = s.cases().get(name);
      if (c == null) {
        err.println(
            scenario + ": cases: unknown case " + name + " (known: " + s.cases().keySet() + ").");
        return 2;
      }
      run.add(c);
    }
    if (run.isEmpty()) {
      err.println(scenario + ": cases: the scenario defines no case.");
      return 2;
    }
    if (!noWarmup) {
      runCase(s, run.get(0), Math.min(budgetS, 1), Math.min(replanBudgetS, 0.3), null);
    }
    List<String[]> rows = new ArrayList<>();
    o.printf(
        Locale.ROOT,
        "LTL planning benchmark, %s, %d core(s), offline budget %.1f s, replan"
            + " budget %.1f s%s%n",
        s.name(),
        Runtime.getRuntime().availableProcessors(),
        budgetS,
        replanBudgetS,
        noWarmup ? "" : " (after one untimed warm-up run)");
    o.printf(
        Locale.ROOT,
        "%-6s %-12s %5s %5s %7s %8s %8s %8s %7s %10s %10s %10s %9s %5s%n",
        "case",
        "phase",
        "tasks",
        "acts",
        "ltl_ms",
        "chain_ms",
        "first_ms",
        "best_ms",
        "total_s",
        "first_obj",
        "objective",
        "bound",
        "paper_s",
        "valid");
    for (CaseSpec c : run) {
      rows.addAll(runCase(s, c, budgetS, replanBudgetS, o));
    }
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      List<String> lines = new ArrayList<>();
      lines.add(
          "case,agents,phase,release_s,subtasks,actions,collaborations,ltl_s,chain_s,first_plan_s,"
              + "best_plan_s,total_s,optimal,search_nodes,first_objective,objective,lower_bound,"
              + "makespan_s,"
              + "resource_cost,travel_m,valid,formulas_accept,paper_s");
      rows.forEach(r -> lines.add(String.join(",", r)));
      Files.write(out, lines);
    } catch (IOException e) {
      err.println(out + ": cannot write the CSV (" + e.getMessage() + ").");
      return 2;
    }
    targets(o, rows);
    o.println("CSV written to " + out);
    return 0;
  }

  private List<String[]> runCase(
      Scenario s, CaseSpec c, double budget, double replanBudget, PrintWriter o) {
    List<String[]> rows = new ArrayList<>();
    int index = new ArrayList<>(s.cases().keySet()).indexOf(c.name());
    double[] paper = index >= 0 && index < PAPER.length ? PAPER[index] : null;
    double chainS = chainSeconds(s, c);
    PlanningSession session =
        new PlanningSession(
            s,
            c.agentCounts(),
            c.weights(),
            new BranchAndBoundPlanner.Config(budget, Long.MAX_VALUE, true),
            new SimulatedAnnealingReplanner.Config(replanBudget, 0.05, 200, seed));
    long t0 = System.nanoTime();
    PlanResult r = session.planOffline(c.offlineFormulas());
    double total = (System.nanoTime() - t0) / 1e9;
    int agents = c.agentCounts().values().stream().mapToInt(Integer::intValue).sum();
    rows.add(
        row(
            c,
            agents,
            "offline",
            0,
            session,
            r,
            chainS,
            total,
            paper == null ? "" : fmt(paper[0])));
    print(o, c.name(), "offline", session, r, chainS, total, paper == null ? null : paper[0]);
    if (!(r instanceof PlanResult.Planned)) {
      return rows;
    }
    for (OnlineTaskSpec on : c.online()) {
      long t1 = System.nanoTime();
      PlanResult r2 = session.addOnline(on.formula(), on.atS(), on.newResources(), null);
      double t = (System.nanoTime() - t1) / 1e9;
      String phase = "online:" + on.formulaId();
      rows.add(
          row(
              c,
              agents,
              phase,
              on.atS(),
              session,
              r2,
              session.chainSeconds(),
              t,
              paper == null ? "" : fmt(paper[1])));
      print(
          o,
          c.name(),
          phase,
          session,
          r2,
          session.chainSeconds(),
          t,
          paper == null ? null : paper[1]);
    }
    return rows;
  }

  /** Prints the targets for Case 4: first plan < 100 ms, best < 10 s, replan < 1 s. */
  private static void targets(PrintWriter o, List<String[]> rows) {
    for (String[] r : rows) {
      if (!r[0].equals("case4") || r[9].isEmpty()) {
        continue;
      }
      if (r[2].equals("offline")) {
        double first = Double.parseDouble(r[9]);
        double best = Double.parseDouble(r[10]);
        o.printf(
            Locale.ROOT,
            "target case4 first plan < 100 ms: %.1f ms %s%n",
            first * 1e3,
            first < 0.1 ? "MET" : "MISSED");
        o.printf(
            Locale.ROOT,
            "target case4 best plan < 10 s: %.2f s %s%n",
            best,
            best < 10 ? "MET" : "MISSED");
      } else {
        double replan = Double.parseDouble(r[11]);
        o.printf(
            Locale.ROOT,
            "target case4 replanning %s < 1 s: %.3f s %s%n",
            r[2],
            replan,
            replan < 1 ? "MET" : "MISSED");
      }
    }
  }

  /** Chain computation alone, on a fresh library, for every subtask of the offline product. */
  private static double chainSeconds(Scenario s, CaseSpec c) {
    TaskCompilation tc = new LtlTaskCompiler(s).offline(c.offlineFormulas());
    if (!(tc instanceof TaskCompilation.Compiled ok)) {
      return Double.NaN;
    }
    ChainLibrary lib = new ChainLibrary(s.environment(), s.actions(), s.agentTypes().values());
    for (SubtaskSpec st : ok.spec().subtasks()) {
      lib.chains(st);
    }
    return lib.computeSeconds();
  }

  private static String[] row(
      CaseSpec c,
      int agents,
      String phase,
      double release,
      PlanningSession session,
      PlanResult r,
      double chainS,
      double total,
      String paper) {
    SearchStats st = r.stats();
    if (r instanceof PlanResult.Planned p) {
      Plan plan = p.plan();
      boolean valid = new PlanValidator(session.problem()).violations(plan).isEmpty();
      return new String[] {
        c.name(),
        String.valueOf(agents),
        phase,
        fmt(release),
        String.valueOf(session.problem().subtaskCount()),
        String.valueOf(plan.actionCount()),
        String.valueOf(plan.collaborationCount()),
        fmt(session.compileSeconds()),
        fmt(chainS),
        fmt(st.firstPlanS()),
        fmt(st.bestPlanS()),
        fmt(total),
        String.valueOf(st.optimal()),
        String.valueOf(st.nodes()),
        fmt(st.firstObjective()),
        fmt(plan.objective()),
        phase.equals("offline") ? fmt(session.problem().lowerBound()) : "",
        fmt(plan.makespanS()),
        fmt(plan.resourceCost()),
        fmt(plan.travelM()),
        String.valueOf(valid),
        String.valueOf(session.planSatisfiesFormulas()),
        paper
      };
    }
    return new String[] {
      c.name(),
      String.valueOf(agents),
      phase,
      fmt(release),
      "",
      "",
      "",
      fmt(session.compileSeconds()),
      fmt(chainS),
      "",
      "",
      fmt(total),
      "false",
      String.valueOf(st.nodes()),
      "",
      "",
      "",
      "",
      "",
      "",
      "false",
      "false",
      paper
    };
  }

  private static void print(
      PrintWriter o,
      String name,
      String phase,
      PlanningSession session,
      PlanResult r,
      double chainS,
      double total,
      Double paper) {
    if (o == null) {
      return;
    }
    SearchStats st = r.stats();
    if (r instanceof PlanResult.Planned p) {
      boolean valid =
          new PlanValidator(session.problem()).violations(p.plan()).isEmpty()
              && session.planSatisfiesFormulas();
      o.printf(
          Locale.ROOT,
          "%-6s %-12s %5d %5d %7.1f %8.2f %8.1f %8.1f %7.2f %10.1f %10.1f %10s %9s %5s%n",
          name,
          phase,
          session.problem().subtaskCount(),
          p.plan().actionCount(),
          session.compileSeconds() * 1e3,
          chainS * 1e3,
          st.firstPlanS() * 1e3,
          st.bestPlanS() * 1e3,
          total,
          st.firstObjective(),
          p.plan().objective(),
          phase.equals("offline") ? fmt(session.problem().lowerBound()) : "",
          paper == null ? "" : fmt(paper),
          valid ? "yes" : "NO");
    } else {
      o.printf(
          Locale.ROOT,
          "%-6s %-12s no plan: %s%n",
          name,
          phase,
          ((PlanResult.Infeasible) r).reason());
    }
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }
}
