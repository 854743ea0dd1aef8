package dev.flotilla.bench;

import dev.flotilla.plan.AnytimeTrace;
import dev.flotilla.plan.BranchAndBoundPlanner;
import dev.flotilla.plan.CpSatBranchAndBoundPlanner;
import dev.flotilla.plan.CpSatPlanner;
import dev.flotilla.plan.CpSatReplanner;
import dev.flotilla.plan.PlanResult;
import dev.flotilla.plan.PlanValidator;
import dev.flotilla.plan.PlanningProblem;
import dev.flotilla.plan.PlanningSession;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.TaskPlanner;
import dev.flotilla.plan.model.CaseSpec;
import dev.flotilla.plan.model.OnlineTaskSpec;
import dev.flotilla.plan.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Anytime comparison of the offline planners on each case (branch and bound alone, CP-SAT alone,
 * and the two seeding each other): time to the first plan, best cost at each checkpoint (1, 10,
 * 60 s by default) of one run, the proven lower bound and the gap. Then, on the seeded planner's
 * plan, every online formula replanned four ways with the same budget: Algorithm 2's greedy
 * insertion, Algorithm 2 with annealing, a CP-SAT re-solve of the work not started from scratch,
 * and {@link CpSatReplanner} (insertion as CP-SAT's hint), which the session then adopts.
 */
public final class LtlAnytimeBenchmark {

  /** CSV header of the rows. */
  public static final String CSV_HEADER =
      "case,phase,planner,first_plan_s,first_objective,checkpoint_s,best_objective,bound,gap,"
          + "optimal,valid";

  /**
   * What to run.
   *
   * @param scenario the scenario
   * @param cases the cases
   * @param checkpointsS ascending seconds at which the best cost is read; the last is the budget
   * @param replanBudgetS budget of each replanning, s
   * @param workers CP-SAT worker threads
   */
  public record Settings(Scenario scenario, List<CaseSpec> cases, List<Double> checkpointsS,
      double replanBudgetS, int workers) {
    /** Copies the list. */
    public Settings {
      checkpointsS = List.copyOf(checkpointsS);
    }
  }

  /** A planner under test: its name and how to make it for a compiled problem. */
  private record Contender(String name, Function<PlanningProblem, TaskPlanner> make) {}

  private final Settings settings;
  private final List<String> csv = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();

  /** @param settings what to run */
  public LtlAnytimeBenchmark(Settings settings) {
    this.settings = settings;
  }

  /**
   * Runs every case and prints two tables.
   *
   * @param out where the tables go
   * @return CSV lines, one per case, planner and checkpoint (and per replanning)
   */
  public List<String> run(TableWriter out) {
    double budget = settings.checkpointsS().get(settings.checkpointsS().size() - 1);
    out.printf("%nAnytime offline planners, one run of %.1f s each, %d CP-SAT worker(s)%n", budget,
        settings.workers());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-6s %-10s %9s %10s",
        "case", "planner", "first_ms", "first_obj"));
    for (double c : settings.checkpointsS()) {
      head.append(String.format(Locale.ROOT, " %10s", "best@" + trim(c) + "s"));
    }
    head.append(String.format(Locale.ROOT, " %10s %7s %7s %5s", "bound", "gap_%", "optimal",
        "valid"));
    out.println(head.toString());
    for (CaseSpec c : settings.cases()) {
      runCase(c, budget, out);
    }
    targets.forEach(out::println);
    return List.copyOf(csv);
  }

  private void runCase(CaseSpec c, double budget, TableWriter out) {
    int workers = settings.workers();
    List<Contender> contenders = List.of(
        new Contender("bnb", p -> new BranchAndBoundPlanner(p,
            new BranchAndBoundPlanner.Config(budget, Long.MAX_VALUE, true))),
        new Contender("cpsat", p -> {
          out.printf("%-6s CP-SAT: %s%n", c.name(), CpSatPlanner.modelChoice(p));
          return new CpSatPlanner(p, new CpSatPlanner.Config(budget, workers, 1));
        }),
        new Contender("cpsat+bnb", p -> new CpSatBranchAndBoundPlanner(p, budget, workers)));
    PlanningSession last = null;
    double bestGap = Double.POSITIVE_INFINITY;
    double optimalAt = Double.NaN;
    for (Contender k : contenders) {
      PlanningSession session = session(c);
      TaskPlanner[] made = new TaskPlanner[1];
      PlanResult r = session.planOffline(c.offlineFormulas(), p -> made[0] = k.make().apply(p));
      AnytimeTrace trace = trace(made[0]);
      boolean valid = r instanceof PlanResult.Planned p
          && new PlanValidator(session.problem()).violations(p.plan()).isEmpty()
          && session.planSatisfiesFormulas();
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6s %-10s %9.1f %10.1f",
          c.name(), k.name(), r.stats().firstPlanS() * 1e3, r.stats().firstObjective()));
      for (double at : settings.checkpointsS()) {
        AnytimeTrace.Point pt = trace.at(at);
        line.append(String.format(Locale.ROOT, " %10s", cell(pt.objective(), "%.1f")));
        csv.add(String.join(",", c.name(), "offline", k.name(), fmt(r.stats().firstPlanS()),
            fmt(r.stats().firstObjective()), fmt(at), fmt(pt.objective()), fmt(pt.bound()),
            fmt(gap(pt)), String.valueOf(r.stats().optimal() && at >= r.stats().elapsedS()),
            String.valueOf(valid)));
      }
      AnytimeTrace.Point end = trace.at(Double.MAX_VALUE);
      line.append(String.format(Locale.ROOT, " %10s %7s %7s %5s", cell(end.bound(), "%.1f"),
          cell(100 * gap(end), "%.2f"), r.stats().optimal() ? "yes" : "no", valid ? "yes" : "NO"));
      out.println(line.toString());
      bestGap = Math.min(bestGap, gap(end));
      if (r.stats().optimal()) {
        double provedAt = provedAt(trace);
        optimalAt = Double.isNaN(optimalAt) ? provedAt : Math.min(optimalAt, provedAt);
      }
      if (k.name().equals("cpsat+bnb") && r instanceof PlanResult.Planned) {
        last = session;
      }
    }
    if (c.name().equals("case1")) {
      targets.add(String.format(Locale.ROOT, "target case1 proven optimal within 10 s: %s %s",
          Double.isNaN(optimalAt) ? "not proven" : String.format(Locale.ROOT, "%.2f s",
              optimalAt), !Double.isNaN(optimalAt) && optimalAt <= 10 ? "MET" : "MISSED"));
    } else {
      targets.add(String.format(Locale.ROOT, "target %s gap <= 10 %% within %s s: %.2f %% %s",
          c.name(), trim(budget), 100 * bestGap, bestGap <= 0.10 && budget <= 60 ? "MET"
              : "MISSED"));
    }
    if (last != null && !c.online().isEmpty()) {
      replan(c, last, out);
    }
  }

  /** Replans every online formula four ways on the same running plan; adopts CpSatReplanner's. */
  private void replan(CaseSpec c, PlanningSession session, TableWriter out) {
    double b = settings.replanBudgetS();
    CpSatPlanner.Config cfg = new CpSatPlanner.Config(b, settings.workers(), 1);
    out.printf("  replanning %s, budget %.1f s each: %-22s %10s %10s %10s %10s%n", c.name(), b,
        "formula", "insertion", "annealing", "scratch", "cpsat-rp");
    for (OnlineTaskSpec on : c.online()) {
      double[] z = new double[4];
      PlanResult r = session.addOnline(on.formula(), on.atS(), on.newResources(), null,
          (p, running, started, release) -> {
            SimulatedAnnealingReplanner sa = new SimulatedAnnealingReplanner(p, running, started,
                release, new SimulatedAnnealingReplanner.Config(b, 0.05, 200, 1));
            z[0] = cost(sa.greedyInsertion());
            z[1] = cost(sa.plan());
            z[2] = cost(new CpSatPlanner(p, CpSatReplanner.frozen(running, started), release, cfg)
                .plan());
            PlanResult mine = new CpSatReplanner(p, running, started, release, cfg).plan();
            z[3] = cost(mine);
            return mine;
          });
      out.printf("  %-58s %10s %10s %10s %10s%s%n", on.formulaId() + " at "
          + trim(on.atS()) + " s", cell(z[0], "%.1f"), cell(z[1], "%.1f"),
          cell(z[2], "%.1f"), cell(z[3], "%.1f"),
          r instanceof PlanResult.Infeasible inf ? "  (" + inf.reason() + ")" : "");
      String[] names = {"insertion", "annealing", "scratch", "cpsat-replanner"};
      for (int i = 0; i < 4; i++) {
        csv.add(String.join(",", c.name(), "online:" + on.formulaId(), names[i], "", "",
            fmt(b), fmt(z[i]), "", "", "", ""));
      }
      boolean met = z[3] <= z[0] + 1e-6 && (Double.isNaN(z[2]) || z[3] <= z[2] + 1e-6);
      targets.add(String.format(Locale.ROOT, "target %s %s replanning <= from-scratch re-solve"
          + " and insertion: %s (%.1f vs %s, %.1f)", c.name(), on.formulaId(),
          met ? "MET" : "MISSED", z[3], Double.isNaN(z[2]) ? "no plan from scratch"
              : String.format(Locale.ROOT, "%.1f", z[2]), z[0]));
    }
  }

  private PlanningSession session(CaseSpec c) {
    return new PlanningSession(settings.scenario(), c.agentCounts(), c.weights(),
        BranchAndBoundPlanner.Config.defaults(), SimulatedAnnealingReplanner.Config.defaults());
  }

  private static AnytimeTrace trace(TaskPlanner p) {
    if (p instanceof BranchAndBoundPlanner b) {
      return b.trace();
    }
    if (p instanceof CpSatPlanner cp) {
      return cp.trace();
    }
    if (p instanceof CpSatBranchAndBoundPlanner h) {
      return h.trace();
    }
    return new AnytimeTrace();
  }

  /** When the bound first met the best cost (within 0.01 %). */
  private static double provedAt(AnytimeTrace trace) {
    for (AnytimeTrace.Point p : trace.points()) {
      if (gap(p) <= 1e-4) {
        return p.atS();
      }
    }
    return trace.at(Double.MAX_VALUE).atS();
  }

  private static double gap(AnytimeTrace.Point p) {
    if (Double.isNaN(p.objective()) || Double.isNaN(p.bound()) || p.objective() <= 0) {
      return Double.NaN;
    }
    return Math.max(0, (p.objective() - p.bound()) / p.objective());
  }

  private static double cost(PlanResult r) {
    return r instanceof PlanResult.Planned p ? p.plan().objective() : Double.NaN;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  /** A table cell: "-" where there is no figure yet (no plan at that time), never NaN. */
  static String cell(double value, String format) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
  }
}
