package dev.flotilla.plan;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.SatParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Anytime exact planner: seed 003's problem as a CP-SAT model, solved with Google OR-Tools. Every
 * solution CP-SAT finds is timed exactly by {@link PlanEvaluator}; the best one gets collaborators
 * where they pay ({@link CollaboratorPass}). Besides the plan it reports a proven lower bound on
 * Eq. (2) ({@link #lowerBound()}) and how both improved over time ({@link #trace()}); the plan is
 * optimal when the two meet (up to the model's rounding of times to milliseconds).
 *
 * <p>Which model, by size ({@link #useExact}): up to {@link #EXACT_MAX_ARCS} routing literals the
 * exact model ({@link CpSatExactModel}: collaborators placed, its optimum is the real optimum, its
 * bound a bound of the real problem) runs alone for the whole budget. Above, the relaxed model
 * ({@link CpSatModel}: collaborators not placed, steps shortened by d / (1 + h)) keeps the model
 * small; when a collaborator could pay somewhere, the budget is shared between its masters-only
 * variant (exact for plans without collaborators, so its solutions time as predicted) and the
 * relaxed one, whose objective bound holds for every plan. The track field's Cases 1-4 all get the
 * relaxed model (the exact one would need 11 195, 46 484, 149 878 and 299 756 literals).
 *
 * <p>Seeding: a known plan (branch and bound's first plan, or greedy insertion when replanning) can
 * be given as a hint; CP-SAT starts from it and the planner never returns anything worse. Budget:
 * wall-clock seconds; CP-SAT may need a little longer to stop.
 */
public final class CpSatPlanner implements TaskPlanner {

  /**
   * Solver settings.
   *
   * @param timeBudgetS wall-clock seconds
   * @param workers CP-SAT search workers (threads)
   * @param seed CP-SAT's random seed
   */
  public record Config(double timeBudgetS, int workers, int seed) {

    /** Rejects non-positive budgets. */
    public Config {
      if (!(timeBudgetS > 0) || workers < 1) {
        throw new IllegalArgumentException("CP-SAT needs a positive budget and at least 1 worker.");
      }
    }

    /**
     * Defaults: 10 s, 2 workers, seed 1.
     *
     * @return the config
     */
    public static Config defaults() {
      return new Config(10, 2, 1);
    }
  }

  private static final double OPTIMAL_TOLERANCE = 1e-4;

  /** Routing literals up to which the exact model is built (see {@link #useExact}). */
  static final long EXACT_MAX_ARCS = 8_000;

  /**
   * Share of the budget for the masters-only model when helpers could pay; the rest goes to the
   * relaxed model that proves the bound.
   */
  private static final double MASTERS_SHARE = 0.5;

  private final PlanningProblem problem;
  private final Config config;
  private final List<ChainAssignment> frozen;
  private final double releaseS;
  private final AnytimeTrace trace = new AnytimeTrace();
  private List<ChainAssignment> hint;
  private double bound = Double.NaN;

  /**
   * Plans from scratch.
   *
   * @param problem the problem
   * @param config solver settings
   */
  public CpSatPlanner(PlanningProblem problem, Config config) {
    this(problem, List.of(), 0, config);
  }

  /**
   * Plans the work left after a fixed prefix (replanning from scratch around what has started).
   *
   * @param problem the problem
   * @param frozen assignments kept and timed first, in this order
   * @param releaseS seconds before which nothing else may start
   * @param config solver settings
   */
  public CpSatPlanner(
      PlanningProblem problem, List<ChainAssignment> frozen, double releaseS, Config config) {
    this.problem = Objects.requireNonNull(problem);
    this.config = Objects.requireNonNull(config);
    this.frozen = List.copyOf(frozen);
    this.releaseS = releaseS;
  }

  /**
   * Starts the search from a known plan; it is also returned if CP-SAT finds nothing better.
   *
   * @param plan complete assignments, beginning with the frozen prefix
   * @return this planner
   */
  public CpSatPlanner withHint(List<ChainAssignment> plan) {
    this.hint = List.copyOf(plan);
    return this;
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
   * The proven lower bound on Eq. (2) after {@link #plan()}.
   *
   * @return the bound, NaN before planning or when the model could not be built
   */
  public double lowerBound() {
    return bound;
  }

  /**
   * Loads OR-Tools' native library once.
   *
   * @return empty if loaded, otherwise a sentence saying why not
   */
  public static synchronized Optional<String> loadNatives() {
    try {
      Loader.loadNativeLibraries();
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      return Optional.of("OR-Tools' native library could not be loaded (" + e.getMessage() + ").");
    }
  }

  @Override
  public PlanResult plan() {
    long t0 = System.nanoTime();
    long deadline = t0 + (long) (config.timeBudgetS() * 1e9);
    Optional<String> natives = loadNatives();
    if (natives.isPresent()) {
      return new PlanResult.Infeasible(natives.get(), stats(t0, 0, null, false));
    }
    List<String> unservable = problem.unservable();
    if (!unservable.isEmpty()) {
      return new PlanResult.Infeasible(String.join("; ", unservable) + ".",
          stats(t0, 0, null, false));
    }
    CpSatFormulation relaxed;
    CpSatModel masters = null;
    try {
      if (useExact(problem, frozen)) {
        relaxed = new CpSatExactModel(problem, frozen, releaseS);
      } else {
        CpSatModel r = new CpSatModel(problem, frozen, releaseS, true);
        masters = r.helpersCouldPay() ? new CpSatModel(problem, frozen, releaseS, false) : null;
        relaxed = r;
      }
    } catch (IllegalArgumentException e) {
      return new PlanResult.Infeasible(e.getMessage(), stats(t0, 0, null, false));
    }
    PlanEvaluator evaluator = new PlanEvaluator(problem);
    Best best = new Best(t0);
    if (hint != null) {
      evaluator.evaluate(hint, releasedFlags(hint.size()), releaseS)
          .ifPresent(p -> best.offer(hint, p.objective()));
    }
    long branches = 0;
    if (masters != null) {
      // Masters only: exact for such plans, so its solutions time as the solver predicts.
      Solve first = solve(masters, t0 + (long) ((deadline - t0) * MASTERS_SHARE), best, evaluator,
          false);
      branches += first.branches();
      if (first.status() == CpSolverStatus.MODEL_INVALID) {
        return new PlanResult.Infeasible("The CP-SAT model is invalid (a bug): "
            + masters.model().validate(), stats(t0, branches, best, false));
      }
    }
    Solve last = solve(relaxed, deadline, best, evaluator, true);
    branches += last.branches();
    CpSolverStatus status = last.status();
    if (status == CpSolverStatus.INFEASIBLE || status == CpSolverStatus.MODEL_INVALID) {
      bound = Double.POSITIVE_INFINITY;
      if (best.list == null) {
        return new PlanResult.Infeasible(status == CpSolverStatus.INFEASIBLE
            ? "No assignment of chains satisfies the order, sigma^s and resource limits."
            : "The CP-SAT model is invalid (a bug): " + relaxed.model().validate(),
            stats(t0, branches, best, status == CpSolverStatus.INFEASIBLE));
      }
    } else {
      bound = Math.max(last.bound(),
          frozen.isEmpty() ? problem.lowerBound() : Double.NEGATIVE_INFINITY);
      trace.bound(best.seconds(), bound);
    }
    if (best.list == null) {
      return new PlanResult.Infeasible("No feasible plan found within the search budget.",
          stats(t0, branches, best, false));
    }
    boolean[] released = releasedFlags(best.list.size());
    List<ChainAssignment> helped = new CollaboratorPass(problem)
        .improve(best.list, released, releaseS, Math.max(deadline, System.nanoTime() + 500_000_000L));
    best.offer(helped, evaluator.objective(helped, released, releaseS));
    Plan plan = evaluator.evaluate(best.list, released, releaseS).orElseThrow();
    boolean optimal = plan.objective() <= bound
        + Math.max(OPTIMAL_TOLERANCE * Math.max(1, bound), relaxed.roundingSlack(plan.objective()));
    return new PlanResult.Planned(plan, stats(t0, branches, best, optimal));
  }

  /** Outcome of one CP-SAT run. */
  private record Solve(CpSolverStatus status, double bound, long branches) {}

  /**
   * Runs CP-SAT on a model until a deadline, hinted with the incumbent; every solution is timed
   * exactly and offered to the incumbent.
   *
   * @param bounds whether the model's bound is valid for all plans (then it goes to the trace)
   */
  private Solve solve(CpSatFormulation cp, long deadline, Best best, PlanEvaluator evaluator,
      boolean bounds) {
    List<ChainAssignment> known = best.list;
    if (known != null) {
      evaluator.evaluate(known, releasedFlags(known.size()), releaseS)
          .ifPresent(p -> cp.hint(known, p));
    }
    CpSolver solver = new CpSolver();
    double left = Math.max(0.01, (deadline - System.nanoTime()) / 1e9);
    solver.getParameters().setMaxTimeInSeconds(left).setNumWorkers(config.workers())
        .setRandomSeed(config.seed());
    if (bounds) {
      // Profiled on the track field (Case 2, 2 loaded cores): default presolve and probing took
      // 11 s of a 40 s run and the bound only moved after 39 s; with one presolve pass and no
      // probing the search starts at 0.7 s and reaches the same bound at 14 s.
      solver.getParameters().setCpModelProbingLevel(0).setMaxPresolveIterations(1);
    }
    if (cp.exact() && config.workers() == 1) {
      // The exact model's own strategy (choices first, then earliest times) is a branch and bound
      // over the choices; CP-SAT's default single-worker search walks the times a tick at a time.
      solver.getParameters().setSearchBranching(SatParameters.SearchBranching.FIXED_SEARCH);
    }
    CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
      @Override
      public void onSolutionCallback() {
        List<ChainAssignment> list = cp.decode(this::value);
        double z = evaluator.objective(list, releasedFlags(list.size()), releaseS);
        best.offer(list, z);
        if (bounds) {
          trace.bound(best.seconds(), cp.realBound(bestObjectiveBound()));
        }
      }
    };
    CpSolverStatus status = solver.solve(cp.model(), callback);
    return new Solve(status, cp.realBound(solver.bestObjectiveBound()), solver.numBranches());
  }

  /**
   * Whether the exact model (collaborators placed) is used: when its routing literals stay within
   * {@link #EXACT_MAX_ARCS}; above, the relaxed model. Measured on the track field (2 workers, 60
   * s): on Case 1 (11 195 literals) the relaxed model is solved to its optimum, 1372.6, while the
   * exact one finds the best known plan (1817.2) but proves only 1339.4; on Case 2 (46 484) the
   * relaxed model proves 7148.2, the exact one 6437.1 and finds no plan alone. So the exact model
   * is kept for small instances, where it proves the real optimum.
   *
   * @param problem the problem
   * @param frozen the frozen prefix
   * @return true for the exact model
   */
  static boolean useExact(PlanningProblem problem, List<ChainAssignment> frozen) {
    return CpSatExactModel.arcEstimate(problem, frozen) <= EXACT_MAX_ARCS;
  }

  /**
   * Which CP-SAT model a problem gets and why, for benchmarks and logs.
   *
   * @param problem the problem
   * @return e.g. "relaxed model, exact would need 11195 routing literals (limit 8000)"
   */
  public static String modelChoice(PlanningProblem problem) {
    long exact = CpSatExactModel.arcEstimate(problem, List.of());
    return String.format(Locale.ROOT, "%s model, exact would need %d routing literals (limit %d)",
        exact <= EXACT_MAX_ARCS ? "exact" : "relaxed", exact, EXACT_MAX_ARCS);
  }

  private boolean[] releasedFlags(int size) {
    boolean[] r = new boolean[size];
    for (int i = frozen.size(); i < size; i++) {
      r[i] = true;
    }
    return r;
  }

  private SearchStats stats(long t0, long nodes, Best best, boolean optimal) {
    double elapsed = (System.nanoTime() - t0) / 1e9;
    if (best == null || best.list == null) {
      return new SearchStats(nodes, Double.NaN, Double.NaN, elapsed, optimal, Double.NaN);
    }
    return new SearchStats(nodes, best.firstAt, best.bestAt, elapsed, optimal, best.firstZ);
  }

  /** The incumbent, shared with CP-SAT's callback thread. */
  private final class Best {
    private final long t0;
    private List<ChainAssignment> list;
    private double z = Double.POSITIVE_INFINITY;
    private double firstAt = Double.NaN;
    private double firstZ = Double.NaN;
    private double bestAt = Double.NaN;

    Best(long t0) {
      this.t0 = t0;
    }

    double seconds() {
      return (System.nanoTime() - t0) / 1e9;
    }

    synchronized void offer(List<ChainAssignment> candidate, double cost) {
      if (!(cost < z - 1e-9)) {
        return;
      }
      double at = seconds();
      if (list == null) {
        firstAt = at;
        firstZ = cost;
      }
      list = new ArrayList<>(candidate);
      z = cost;
      bestAt = at;
      trace.plan(at, cost);
    }
  }
}
