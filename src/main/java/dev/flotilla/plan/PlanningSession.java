package dev.flotilla.plan;

import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.plan.chain.ChainLibrary;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.model.Environment;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.LtlTaskCompiler;
import dev.flotilla.plan.task.TaskCompilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The whole pipeline of seed 003 (Figure 2) for one fleet: formulas to R-posets and their product,
 * action-path chains, offline branch and bound, then online formulas by poset product and simulated
 * annealing seeded with the running plan. Keeps the running plan, its R-poset and the compiled
 * formulas (for replaying the plan's word). Not thread-safe; one caller at a time.
 */
public final class PlanningSession {

  private final Scenario scenario;
  private final List<Agent> fleet;
  private final Weights weights;
  private final BranchAndBoundPlanner.Config offlineConfig;
  private final SimulatedAnnealingReplanner.Config onlineConfig;
  private final LtlTaskCompiler compiler;
  private Environment environment;
  private RPoset poset;
  private List<LtlCompilation.Compiled> formulas = List.of();
  private PlanningProblem problem;
  private Plan plan;
  private double chainSeconds;
  private double compileSeconds;

  /**
   * Starts a session.
   *
   * @param scenario environment, actions, agent types
   * @param agentCounts agents per type name, numbered in this order
   * @param weights alpha, beta, gamma of Eq. (2)
   * @param offlineConfig limits of the offline branch and bound
   * @param onlineConfig settings of the online annealing
   */
  public PlanningSession(
      Scenario scenario,
      Map<String, Integer> agentCounts,
      Weights weights,
      BranchAndBoundPlanner.Config offlineConfig,
      SimulatedAnnealingReplanner.Config onlineConfig) {
    this.scenario = Objects.requireNonNull(scenario);
    this.fleet = scenario.fleet(agentCounts);
    this.weights = Objects.requireNonNull(weights);
    this.offlineConfig = Objects.requireNonNull(offlineConfig);
    this.onlineConfig = Objects.requireNonNull(onlineConfig);
    this.compiler = new LtlTaskCompiler(scenario);
    this.environment = scenario.environment();
  }

  private PlanningProblem problemFor(dev.flotilla.plan.task.TaskSpec spec) {
    ChainLibrary lib =
        new ChainLibrary(environment, scenario.actions(), scenario.agentTypes().values());
    PlanningProblem out =
        new PlanningProblem(environment, scenario.actions(), fleet, spec, weights, lib);
    chainSeconds = lib.computeSeconds();
    return out;
  }

  /**
   * Plans the formulas known before execution (replaces any previous plan).
   *
   * @param offlineFormulas formula texts
   * @return the plan, or the reason (syntax, not co-safe, unsatisfiable, no capable agent, ...)
   */
  public PlanResult planOffline(List<String> offlineFormulas) {
    long t0 = System.nanoTime();
    TaskCompilation tc = compiler.offline(offlineFormulas);
    compileSeconds = (System.nanoTime() - t0) / 1e9;
    if (tc instanceof TaskCompilation.Rejected r) {
      return rejected(r);
    }
    TaskCompilation.Compiled ok = (TaskCompilation.Compiled) tc;
    PlanningProblem next = problemFor(ok.spec());
    PlanResult result = new BranchAndBoundPlanner(next, offlineConfig).plan();
    if (result instanceof PlanResult.Planned planned) {
      poset = ok.poset();
      formulas = ok.formulas();
      problem = next;
      plan = planned.plan();
    }
    return result;
  }

  /**
   * Adds a formula released during execution and replans locally.
   *
   * @param formula the formula text
   * @param releaseS seconds since plan start when it arrived
   * @param newResources resources appearing with it (region to kind to units), may be empty
   * @param startedSubtasks ids of subtasks whose chain has started; null to read them from the
   *     plan's planned times at {@code releaseS}
   * @return the updated plan, or the reason the formula is refused (the running plan is kept)
   */
  public PlanResult addOnline(
      String formula,
      double releaseS,
      Map<String, Map<String, Integer>> newResources,
      Set<Integer> startedSubtasks) {
    if (plan == null) {
      throw new IllegalStateException("Plan the offline formulas before adding online ones.");
    }
    for (String region : newResources.keySet()) {
      if (!environment.hasRegion(region)) {
        return new PlanResult.Infeasible(
            "Formula \""
                + formula
                + "\" rejected: its resources name unknown region "
                + region
                + ".",
            new SearchStats(0, Double.NaN, Double.NaN, 0, false, Double.NaN));
      }
    }
    Set<Integer> started =
        startedSubtasks != null
            ? startedSubtasks
            : SimulatedAnnealingReplanner.startedBy(plan, releaseS);
    long t0 = System.nanoTime();
    TaskCompilation tc = compiler.online(poset, started, formulas, formula);
    compileSeconds = (System.nanoTime() - t0) / 1e9;
    if (tc instanceof TaskCompilation.Rejected r) {
      return rejected(r);
    }
    TaskCompilation.Compiled ok = (TaskCompilation.Compiled) tc;
    Environment previous = environment;
    environment = environment.withAddedResources(newResources);
    PlanningProblem next = problemFor(ok.spec());
    List<ChainAssignment> keep = new ArrayList<>();
    Set<Integer> ids = ok.spec().indexById().keySet();
    for (ChainAssignment a : plan.assignments()) {
      if (ids.contains(a.subtaskId())) {
        keep.add(a);
      }
    }
    PlanResult result =
        new SimulatedAnnealingReplanner(next, keep, started, releaseS, onlineConfig).plan();
    if (result instanceof PlanResult.Planned planned) {
      poset = ok.poset();
      formulas = ok.formulas();
      problem = next;
      plan = planned.plan();
    } else {
      environment = previous;
    }
    return result;
  }

  private static PlanResult rejected(TaskCompilation.Rejected r) {
    return new PlanResult.Infeasible(
        "Formula \"" + r.formula() + "\" rejected: " + r.reason(),
        new SearchStats(0, Double.NaN, Double.NaN, 0, false, Double.NaN));
  }

  /**
   * Whether the current plan's word is a good prefix of every formula planned so far (replayed
   * through each formula's automaton).
   *
   * @return true when every formula accepts the plan's word
   */
  public boolean planSatisfiesFormulas() {
    List<java.util.Set<String>> word = new PlanValidator(problem).word(plan);
    return formulas.stream().allMatch(f -> f.automaton().accepts(word));
  }

  /**
   * The running plan.
   *
   * @return the plan, or null before the first successful offline planning
   */
  public Plan plan() {
    return plan;
  }

  /**
   * The problem the running plan solves (tasks, fleet, environment, chains).
   *
   * @return the problem, or null before planning
   */
  public PlanningProblem problem() {
    return problem;
  }

  /**
   * The R-poset the running plan executes.
   *
   * @return the product R-poset, or null before planning
   */
  public RPoset poset() {
    return poset;
  }

  /**
   * Compilations of every formula planned so far.
   *
   * @return the formulas with their automata
   */
  public List<LtlCompilation.Compiled> formulas() {
    return formulas;
  }

  /**
   * Seconds the last call spent compiling formulas and multiplying R-posets.
   *
   * @return seconds
   */
  public double compileSeconds() {
    return compileSeconds;
  }

  /**
   * Seconds the last chain library spent computing action-path chains.
   *
   * @return seconds
   */
  public double chainSeconds() {
    return chainSeconds;
  }
}
