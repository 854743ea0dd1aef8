package dev.flotilla.plan;

import java.util.List;
import java.util.Objects;

/**
 * Branch and bound and CP-SAT seeding each other within one budget: branch and bound's greedy dive
 * gives the first plan within milliseconds and becomes CP-SAT's hint; CP-SAT ({@link CpSatPlanner})
 * then improves it and proves a lower bound for most of the budget (80 %); finally branch and bound
 * restarts from CP-SAT's plan as incumbent (its own pruning then cuts far more) and stops as soon
 * as the plan meets CP-SAT's bound. The plan is optimal when either proof closes. Used by {@code
 * bench ltl} next to each planner alone.
 */
public final class CpSatBranchAndBoundPlanner implements TaskPlanner {

  /** Share of the budget given to CP-SAT; the rest (after the dive) goes to branch and bound. */
  private static final double CP_SAT_SHARE = 0.8;

  private final PlanningProblem problem;
  private final double budgetS;
  private final int workers;
  private final AnytimeTrace trace = new AnytimeTrace();
  private double bound = Double.NaN;

  /**
   * Prepares the search.
   *
   * @param problem the problem
   * @param budgetS wall-clock seconds in all
   * @param workers CP-SAT worker threads
   */
  public CpSatBranchAndBoundPlanner(PlanningProblem problem, double budgetS, int workers) {
    this.problem = Objects.requireNonNull(problem);
    if (!(budgetS > 0) || workers < 1) {
      throw new IllegalArgumentException("Need a positive budget and at least 1 worker.");
    }
    this.budgetS = budgetS;
    this.workers = workers;
  }

  /**
   * How the best plan and the bound improved.
   *
   * @return the trace
   */
  public AnytimeTrace trace() {
    return trace;
  }

  /**
   * The proven lower bound after {@link #plan()}.
   *
   * @return the bound, NaN before
   */
  public double lowerBound() {
    return bound;
  }

  @Override
  public PlanResult plan() {
    long t0 = System.nanoTime();
    double diveBudget = Math.max(0.05, 0.02 * budgetS);
    PlanResult dive = new BranchAndBoundPlanner(problem,
        new BranchAndBoundPlanner.Config(diveBudget, Long.MAX_VALUE, true)).plan();
    if (dive instanceof PlanResult.Infeasible inf && inf.stats().optimal()) {
      bound = Double.POSITIVE_INFINITY;
      return dive;
    }
    List<ChainAssignment> incumbent = null;
    double firstAt = Double.NaN;
    double firstZ = Double.NaN;
    if (dive instanceof PlanResult.Planned p) {
      incumbent = p.plan().assignments();
      firstAt = p.stats().firstPlanS();
      firstZ = p.stats().firstObjective();
      trace.plan(firstAt, firstZ);
      trace.plan(p.stats().bestPlanS(), p.plan().objective());
      if (p.stats().optimal()) {
        bound = p.plan().objective();
        trace.bound(seconds(t0), bound);
        return dive;
      }
    }
    double offset = seconds(t0);
    CpSatPlanner cp = new CpSatPlanner(problem,
        new CpSatPlanner.Config(Math.max(0.05, CP_SAT_SHARE * budgetS - offset), workers, 1));
    if (incumbent != null) {
      cp.withHint(incumbent);
    }
    PlanResult cpResult = cp.plan();
    for (AnytimeTrace.Point pt : cp.trace().points()) {
      if (!Double.isNaN(pt.objective())) {
        trace.plan(offset + pt.atS(), pt.objective());
      }
      if (!Double.isNaN(pt.bound())) {
        trace.bound(offset + pt.atS(), pt.bound());
      }
    }
    bound = cp.lowerBound();
    PlanResult best = better(dive, cpResult);
    if (best instanceof PlanResult.Planned p) {
      incumbent = p.plan().assignments();
      if (p.stats().optimal() || cpResult instanceof PlanResult.Planned cpp
          && cpp.stats().optimal()) {
        return finish(p.plan(), t0, firstAt, firstZ, true, cpResult.stats().nodes());
      }
    } else if (cpResult.stats().optimal()) {
      return cpResult;
    }
    double left = budgetS - seconds(t0);
    if (left <= 0.01) {
      return best instanceof PlanResult.Planned p
          ? finish(p.plan(), t0, firstAt, firstZ, false, cpResult.stats().nodes()) : best;
    }
    double provenBound = bound;
    BranchAndBoundPlanner bnb = new BranchAndBoundPlanner(problem,
        new BranchAndBoundPlanner.Config(left, Long.MAX_VALUE, true))
        .withProvenBound(() -> provenBound);
    if (incumbent != null) {
      bnb.withIncumbent(incumbent);
    }
    double bnbStart = seconds(t0);
    PlanResult last = bnb.plan();
    if (last instanceof PlanResult.Planned p) {
      trace.plan(bnbStart + p.stats().bestPlanS(), p.plan().objective());
      if (p.stats().optimal()) {
        // Exhausted, or met CP-SAT's bound within its rounding: the plan's cost is the bound.
        bound = p.plan().objective();
        trace.bound(seconds(t0), bound);
      }
      return finish(p.plan(), t0, firstAt, firstZ, p.stats().optimal(),
          cpResult.stats().nodes() + p.stats().nodes());
    }
    return last;
  }

  private PlanResult finish(Plan plan, long t0, double firstAt, double firstZ, boolean optimal,
      long nodes) {
    AnytimeTrace.Point at = trace.at(Double.MAX_VALUE);
    double bestAt = at.atS();
    for (AnytimeTrace.Point p : trace.points()) {
      if (p.objective() == plan.objective()) {
        bestAt = p.atS();
        break;
      }
    }
    if (Double.isNaN(firstAt)) {
      firstAt = trace.points().isEmpty() ? Double.NaN : trace.points().get(0).atS();
      firstZ = trace.points().isEmpty() ? Double.NaN : trace.points().get(0).objective();
    }
    return new PlanResult.Planned(plan,
        new SearchStats(nodes, firstAt, bestAt, seconds(t0), optimal, firstZ));
  }

  private static PlanResult better(PlanResult a, PlanResult b) {
    if (!(a instanceof PlanResult.Planned pa)) {
      return b;
    }
    if (!(b instanceof PlanResult.Planned pb)) {
      return a;
    }
    return pb.plan().objective() < pa.plan().objective() ? b : a;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
