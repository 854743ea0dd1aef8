package dev.flotilla.bench;

import dev.flotilla.plan.BranchAndBoundPlanner;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.PlanResult;
import dev.flotilla.plan.PlanValidator;
import dev.flotilla.plan.PlanningSession;
import dev.flotilla.plan.SearchStats;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.chain.ChainLibrary;
import dev.flotilla.plan.model.CaseSpec;
import dev.flotilla.plan.model.OnlineTaskSpec;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.task.LtlTaskCompiler;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskCompilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cases 1-4 of seed 003 (Section 5, Table 1) on a scenario such as the track field: LTL to R-poset
 * product, action-path chains, anytime branch and bound offline, then each online formula by
 * simulated annealing. Reports the number of subtasks and actions, time to the first and to the
 * best plan, objective, replanning time per online formula and chain time. The baseline measured
 * in the same run is the planners' own first plan (the greedy dive for branch and bound, the
 * greedy insertion for annealing); the paper's figures are printed for reference.
 */
public final class LtlBenchmark {
  /** Header of the CSV, one column per cell of a {@link Row}. */
  public static final String CSV_HEADER = "case,agents,phase,release_s,subtasks,actions,"
      + "collaborations,ltl_s,chain_s,first_plan_s,best_plan_s,total_s,optimal,search_nodes,"
      + "first_objective,objective,lower_bound,makespan_s,resource_cost,travel_m,valid,"
      + "formulas_accept,paper_s";

  /** Table 1 of seed 003 (16 cores): offline seconds, replanning seconds, first solution. */
  private static final double[][] PAPER = {
    {10.12, 6.320, 0.023}, {27.71, 14.18, 0.026}, {79.19, 18.35, 0.065}, {1680.3, 107.1, 0.073}
  };

  /**
   * What to run.
   *
   * @param scenario the loaded scenario
   * @param cases its cases to run, at least one
   * @param budgetS offline branch-and-bound budget, s
   * @param replanBudgetS annealing budget per online formula, s
   * @param seed annealing seed
   * @param warmUp whether to run the first case once, untimed and unreported, first
   */
  public record Settings(Scenario scenario, List<CaseSpec> cases, double budgetS,
      double replanBudgetS, long seed, boolean warmUp) {}

  /**
   * One phase of one case: the CSV's cells, in {@link #CSV_HEADER}'s order, empty where a figure
   * does not exist (no plan, no paper figure).
   *
   * @param cells the formatted cells
   */
  public record Row(List<String> cells) implements CsvRow {
    /** @return the case's name */
    public String caseName() {
      return cells.get(0);
    }

    /** @return {@code offline} or {@code online:<formula id>} */
    public String phase() {
      return cells.get(2);
    }

    /** @return seconds to the first plan, empty without a plan */
    public String firstPlanS() {
      return cells.get(9);
    }

    /** @return seconds to the best plan, empty without a plan */
    public String bestPlanS() {
      return cells.get(10);
    }

    /** @return seconds of the whole phase */
    public String totalS() {
      return cells.get(11);
    }

    /** @return the CSV line */
    @Override
    public String csv() {
      return String.join(",", cells);
    }
  }

  /** The scenario whose Cases 1-4 the paper measured (params/scenarios/trackfield.yaml). */
  public static final String PAPER_SCENARIO = "smart-track-field";

  private final Settings settings;

  /** @param settings what to run */
  public LtlBenchmark(Settings settings) {
    this.settings = settings;
  }

  /**
   * Runs the warm-up when asked, then every case, printing a table line per phase.
   *
   * @param out where the table goes
   * @return one row per phase of every case
   */
  public List<Row> run(TableWriter out) {
    Scenario s = settings.scenario();
    if (settings.warmUp()) {
      runCase(settings.cases().get(0), Math.min(settings.budgetS(), 1),
          Math.min(settings.replanBudgetS(), 0.3), TableWriter.discarding());
    }
    out.printf("LTL planning benchmark, %s, %d core(s), offline budget %.1f s, replan"
        + " budget %.1f s%s%n", s.name(), Runtime.getRuntime().availableProcessors(),
        settings.budgetS(), settings.replanBudgetS(),
        settings.warmUp() ? " (after one untimed warm-up run)" : "");
    out.printf("%-6s %-12s %5s %5s %7s %8s %8s %8s %7s %10s %10s %10s %9s %5s%n", "case",
        "phase", "tasks", "acts", "ltl_ms", "chain_ms", "first_ms", "best_ms", "total_s",
        "first_obj", "objective", "bound", "paper_s", "valid");
    List<Row> rows = new ArrayList<>();
    for (CaseSpec c : settings.cases()) {
      rows.addAll(runCase(c, settings.budgetS(), settings.replanBudgetS(), out));
    }
    return rows;
  }

  /**
   * Prints the targets for Case 4: first plan &lt; 100 ms, best &lt; 10 s, replan &lt; 1 s.
   *
   * @param out where they go
   * @param rows the rows of a run
   */
  public static void printTargets(TableWriter out, List<Row> rows) {
    for (Row r : rows) {
      if (!r.caseName().equals("case4") || r.firstPlanS().isEmpty()) {
        continue;
      }
      if (r.phase().equals("offline")) {
        double first = Double.parseDouble(r.firstPlanS());
        double best = Double.parseDouble(r.bestPlanS());
        out.printf("target case4 first plan < 100 ms: %.1f ms %s%n", first * 1e3,
            first < 0.1 ? "MET" : "MISSED");
        out.printf("target case4 best plan < 10 s: %.2f s %s%n", best,
            best < 10 ? "MET" : "MISSED");
      } else {
        double replan = Double.parseDouble(r.totalS());
        out.printf("target case4 replanning %s < 1 s: %.3f s %s%n", r.phase(), replan,
            replan < 1 ? "MET" : "MISSED");
      }
    }
  }

  private List<Row> runCase(CaseSpec c, double budget, double replanBudget, TableWriter out) {
    Scenario s = settings.scenario();
    List<Row> rows = new ArrayList<>();
    double[] paper = paperFigures(s, c);
    double chainS = chainSeconds(s, c);
    PlanningSession session = new PlanningSession(s, c.agentCounts(), c.weights(),
        new BranchAndBoundPlanner.Config(budget, Long.MAX_VALUE, true),
        new SimulatedAnnealingReplanner.Config(replanBudget, 0.05, 200, settings.seed()));
    Phase phase = new Phase(c, session, paper == null ? Double.NaN : paper[0]);
    long t0 = System.nanoTime();
    PlanResult r = session.planOffline(c.offlineFormulas());
    double total = (System.nanoTime() - t0) / 1e9;
    rows.add(phase.row("offline", 0, r, chainS, total));
    phase.print(out, "offline", r, chainS, total);
    if (!(r instanceof PlanResult.Planned)) {
      return rows;
    }
    Phase online = new Phase(c, session, paper == null ? Double.NaN : paper[1]);
    for (OnlineTaskSpec on : c.online()) {
      long t1 = System.nanoTime();
      PlanResult r2 = session.addOnline(on.formula(), on.atS(), on.newResources(), null);
      double t = (System.nanoTime() - t1) / 1e9;
      String name = "online:" + on.formulaId();
      rows.add(online.row(name, on.atS(), r2, session.chainSeconds(), t));
      online.print(out, name, r2, session.chainSeconds(), t);
    }
    return rows;
  }

  /**
   * The paper's figures of a case: only the paper's own scenario and its cases case1-case4, never
   * a user's scenario that happens to have four cases.
   */
  private static double[] paperFigures(Scenario s, CaseSpec c) {
    if (!PAPER_SCENARIO.equals(s.name()) || !c.name().matches("case[1-4]")) {
      return null;
    }
    return PAPER[c.name().charAt(4) - '1'];
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

  /** A case's session in one kind of phase, with the paper's seconds for it (NaN for none). */
  private record Phase(CaseSpec c, PlanningSession session, double paper) {

    Row row(String phase, double release, PlanResult r, double chainS, double total) {
      SearchStats st = r.stats();
      int agents = c.agentCounts().values().stream().mapToInt(Integer::intValue).sum();
      List<String> head = List.of(c.name(), String.valueOf(agents), phase, fmt(release));
      List<String> cells = new ArrayList<>(head);
      if (r instanceof PlanResult.Planned p) {
        Plan plan = p.plan();
        boolean valid = new PlanValidator(session.problem()).violations(plan).isEmpty();
        cells.addAll(List.of(String.valueOf(session.problem().subtaskCount()),
            String.valueOf(plan.actionCount()), String.valueOf(plan.collaborationCount()),
            fmt(session.compileSeconds()), fmt(chainS), fmt(st.firstPlanS()),
            fmt(st.bestPlanS()), fmt(total), String.valueOf(st.optimal()),
            String.valueOf(st.nodes()), fmt(st.firstObjective()), fmt(plan.objective()),
            phase.equals("offline") ? fmt(session.problem().lowerBound()) : "",
            fmt(plan.makespanS()), fmt(plan.resourceCost()), fmt(plan.travelM()),
            String.valueOf(valid), String.valueOf(session.planSatisfiesFormulas()),
            fmt(paper)));
      } else {
        cells.addAll(List.of("", "", "", fmt(session.compileSeconds()), fmt(chainS), "", "",
            fmt(total), "false", String.valueOf(st.nodes()), "", "", "", "", "", "", "false",
            "false", fmt(paper)));
      }
      return new Row(List.copyOf(cells));
    }

    void print(TableWriter out, String phase, PlanResult r, double chainS, double total) {
      SearchStats st = r.stats();
      if (r instanceof PlanResult.Planned p) {
        boolean valid = new PlanValidator(session.problem()).violations(p.plan()).isEmpty()
            && session.planSatisfiesFormulas();
        out.printf("%-6s %-12s %5d %5d %7.1f %8.2f %8.1f %8.1f %7.2f %10.1f %10.1f %10s %9s %5s"
            + "%n", c.name(), phase, session.problem().subtaskCount(), p.plan().actionCount(),
            session.compileSeconds() * 1e3, chainS * 1e3, st.firstPlanS() * 1e3,
            st.bestPlanS() * 1e3, total, st.firstObjective(), p.plan().objective(),
            phase.equals("offline") ? fmt(session.problem().lowerBound()) : "", fmt(paper),
            valid ? "yes" : "NO");
      } else {
        out.printf("%-6s %-12s no plan: %s%n", c.name(), phase,
            ((PlanResult.Infeasible) r).reason());
      }
    }
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }
}
