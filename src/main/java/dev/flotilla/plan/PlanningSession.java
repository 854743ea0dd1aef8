package dev.flotilla.plan;

import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.plan.chain.ChainLibrary;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.model.Environment;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.LtlTaskCompiler;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskCompilation;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

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
   * Subtasks of the running R-poset taken out of the plan ({@link #replace}): they stay in the
   * poset so that ids remain stable, count as executed in later products (nothing merges into
   * them) and are left out of every later problem.
   */
  private final Set<Integer> withdrawn = new HashSet<>();

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

  private PlanningProblem problemFor(TaskSpec spec) {
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
    return offline(offlineFormulas,
        (ok, next) -> new BranchAndBoundPlanner(next, offlineConfig).plan());
  }

  /**
   * Plans the formulas known before execution with a planner of the caller's choice (replaces any
   * previous plan).
   *
   * @param offlineFormulas formula texts
   * @param planner makes the planner for the compiled problem (e.g. {@link CpSatPlanner})
   * @return the plan, or the reason
   */
  public PlanResult planOffline(
      List<String> offlineFormulas, Function<PlanningProblem, TaskPlanner> planner) {
    return offline(offlineFormulas, (ok, next) -> planner.apply(next).plan());
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
    return addOnline(formula, releaseS, newResources, startedSubtasks,
        Replanning.annealing(onlineConfig));
  }

  /**
   * Adds a formula released during execution and replans it the given way.
   *
   * @param formula the formula text
   * @param releaseS seconds since plan start when it arrived
   * @param newResources resources appearing with it (region to kind to units), may be empty
   * @param startedSubtasks ids of subtasks whose chain has started; null to read them from the
   *     plan's planned times at {@code releaseS}
   * @param replanning how to replan (annealing of Algorithm 2, CP-SAT re-solve, ...)
   * @return the updated plan, or the reason the formula is refused (the running plan is kept)
   */
  public PlanResult addOnline(
      String formula,
      double releaseS,
      Map<String, Map<String, Integer>> newResources,
      Set<Integer> startedSubtasks,
      Replanning replanning) {
    if (plan == null) {
      throw new IllegalStateException("Plan the offline formulas before adding online ones.");
    }
    Set<Integer> started =
        startedSubtasks != null
            ? startedSubtasks
            : SimulatedAnnealingReplanner.startedBy(plan, releaseS);
    return online(formula, newResources, started, (ok, next) -> {
      List<ChainAssignment> keep = new ArrayList<>();
      Set<Integer> ids = ok.spec().indexById().keySet();
      for (ChainAssignment a : plan.assignments()) {
        if (ids.contains(a.subtaskId())) {
          keep.add(a);
        }
      }
      return replanning.replan(next, keep, started, releaseS);
    });
  }

  /**
   * Rebuilds the outcome of an earlier {@link #planOffline} without searching: the formulas are
   * compiled again (compilation and chain enumeration are deterministic) and the given assignments,
   * journaled from that call's plan, are timed as it timed them. Used after a restart, so the plan
   * in force before a crash comes back exactly; a time-budgeted search would find another one.
   *
   * @param offlineFormulas the formula texts of the original call
   * @param assignments the original plan's assignments, in order
   * @return the plan, or why the assignments do not fit the problem (e.g. the scenario changed);
   *     the running plan is unchanged then
   */
  public PlanResult restoreOffline(
      List<String> offlineFormulas, List<ChainAssignment> assignments) {
    return offline(offlineFormulas,
        (ok, next) -> restored(next, assignments, new boolean[assignments.size()], 0));
  }

  /**
   * Rebuilds the outcome of an earlier {@link #addOnline} without annealing (see {@link
   * #restoreOffline}); the assignments whose subtask had not started are timed from the release
   * time, as the annealing timed them.
   *
   * @param formula the formula text
   * @param releaseS seconds since plan start when it arrived
   * @param newResources resources that appeared with it
   * @param startedSubtasks the started subtasks the original call used (not null)
   * @param assignments the original plan's assignments, in order
   * @return the plan, or why the assignments do not fit; the running plan is unchanged then
   */
  public PlanResult restoreOnline(
      String formula,
      double releaseS,
      Map<String, Map<String, Integer>> newResources,
      Set<Integer> startedSubtasks,
      List<ChainAssignment> assignments) {
    if (plan == null) {
      throw new IllegalStateException("Restore the offline plan before the online ones.");
    }
    boolean[] released = new boolean[assignments.size()];
    for (int i = 0; i < released.length; i++) {
      // As SimulatedAnnealingReplanner.released(): only started chains keep their own timing.
      released[i] = !startedSubtasks.contains(assignments.get(i).subtaskId());
    }
    return online(formula, newResources, startedSubtasks,
        (ok, next) -> restored(next, assignments, released, releaseS));
  }

  /**
   * Compiles offline formulas, solves the problem they make (search or restore) and adopts the
   * plan when there is one.
   */
  private PlanResult offline(List<String> offlineFormulas,
      BiFunction<TaskCompilation.Compiled, PlanningProblem, PlanResult> solve) {
    long t0 = System.nanoTime();
    TaskCompilation tc = compiler.offline(offlineFormulas);
    compileSeconds = (System.nanoTime() - t0) / 1e9;
    if (tc instanceof TaskCompilation.Rejected r) {
      return rejected(r);
    }
    TaskCompilation.Compiled ok = (TaskCompilation.Compiled) tc;
    PlanningProblem next = problemFor(ok.spec());
    return adoptIfPlanned(ok, next, solve.apply(ok, next));
  }

  /**
   * Compiles an online formula into the running poset with its new resources, solves the problem
   * (annealing or restore) and adopts the plan; on failure the running plan and environment stay.
   */
  private PlanResult online(String formula, Map<String, Map<String, Integer>> newResources,
      Set<Integer> started,
      BiFunction<TaskCompilation.Compiled, PlanningProblem, PlanResult> solve) {
    for (String region : newResources.keySet()) {
      if (!environment.hasRegion(region)) {
        return infeasible("Formula \"" + formula + "\" rejected: its resources name unknown "
            + "region " + region + ".");
      }
    }
    long t0 = System.nanoTime();
    Set<Integer> executed = new HashSet<>(started);
    executed.addAll(withdrawn);
    TaskCompilation tc = compiler.online(poset, executed, formulas, formula);
    compileSeconds = (System.nanoTime() - t0) / 1e9;
    if (tc instanceof TaskCompilation.Rejected r) {
      return rejected(r);
    }
    TaskCompilation.Compiled full = (TaskCompilation.Compiled) tc;
    TaskCompilation.Compiled ok = withdrawn.isEmpty() ? full
        : new TaskCompilation.Compiled(full.poset(), restrict(full.spec(),
            idsOf(full.spec(), withdrawn)), full.formulas());
    Environment previous = environment;
    environment = environment.withAddedResources(newResources);
    PlanningProblem next = problemFor(ok.spec());
    PlanResult result = adoptIfPlanned(ok, next, solve.apply(ok, next));
    if (!(result instanceof PlanResult.Planned)) {
      environment = previous;
    }
    return result;
  }

  /**
   * Replaces the running plan by the given assignments, timed without searching: the subtasks no
   * assignment serves leave the problem (withdrawn: a cancelled task's), the order between the
   * remaining ones is kept (transitively, so constraints through a withdrawn subtask survive) and
   * chains not started are timed from {@code releaseS}. Used to cancel a task and to move work off
   * a robot, live and when a journal is replayed (same inputs, same plan).
   *
   * @param forgetFormula index in {@link #formulas()} of a formula no longer to satisfy, or -1
   * @param assignments the new assignments, in order, over subtasks of the running problem
   * @param startedSubtasks subtasks whose chain has started: they keep their own timing
   * @param releaseS seconds since plan start
   * @return the plan, or why the assignments do not fit (the running plan is kept then)
   */
  public PlanResult replace(int forgetFormula, List<ChainAssignment> assignments,
      Set<Integer> startedSubtasks, double releaseS) {
    if (plan == null) {
      throw new IllegalStateException("There is no running plan to change.");
    }
    Set<Integer> kept = new HashSet<>();
    for (ChainAssignment a : assignments) {
      if (!problem.tasks().indexById().containsKey(a.subtaskId())) {
        return infeasible("Subtask " + a.subtaskId() + " is not in the running plan.");
      }
      kept.add(a.subtaskId());
    }
    Set<Integer> dropped = new HashSet<>(problem.tasks().indexById().keySet());
    dropped.removeAll(kept);
    PlanningProblem next = dropped.isEmpty() ? problem
        : problemFor(restrict(problem.tasks(), dropped));
    boolean[] released = new boolean[assignments.size()];
    for (int i = 0; i < released.length; i++) {
      released[i] = !startedSubtasks.contains(assignments.get(i).subtaskId());
    }
    PlanResult result = restored(next, assignments, released, releaseS);
    if (result instanceof PlanResult.Planned planned) {
      withdrawn.addAll(dropped);
      if (forgetFormula >= 0) {
        List<LtlCompilation.Compiled> left = new ArrayList<>(formulas);
        left.remove(forgetFormula);
        formulas = List.copyOf(left);
      }
      problem = next;
      plan = planned.plan();
    }
    return result;
  }

  /** @return subtask ids taken out of the plan by {@link #replace} so far */
  public Set<Integer> withdrawn() {
    return Set.copyOf(withdrawn);
  }

  private static Set<Integer> idsOf(TaskSpec spec, Set<Integer> ids) {
    Set<Integer> out = new HashSet<>(ids);
    out.retainAll(spec.indexById().keySet());
    return out;
  }

  /** The spec without some subtasks; the order among the others is closed transitively first. */
  private static TaskSpec restrict(TaskSpec spec, Set<Integer> dropped) {
    Set<TaskSpec.Order> closed = new HashSet<>(spec.order());
    boolean grew = true;
    while (grew) {
      grew = false;
      for (TaskSpec.Order a : List.copyOf(closed)) {
        for (TaskSpec.Order b : List.copyOf(closed)) {
          if (a.after() == b.before()) {
            grew |= closed.add(new TaskSpec.Order(a.before(), b.after()));
          }
        }
      }
    }
    List<SubtaskSpec> subtasks = spec.subtasks().stream()
        .filter(s -> !dropped.contains(s.id())).toList();
    Set<TaskSpec.Order> order = new HashSet<>();
    for (TaskSpec.Order o : closed) {
      if (!dropped.contains(o.before()) && !dropped.contains(o.after())) {
        order.add(o);
      }
    }
    List<Set<Integer>> conflicts = new ArrayList<>();
    for (Set<Integer> c : spec.conflicts()) {
      Set<Integer> left = new HashSet<>(c);
      left.removeAll(dropped);
      if (left.size() >= 2) {
        conflicts.add(left);
      }
    }
    return new TaskSpec(subtasks, order, conflicts);
  }

  private PlanResult adoptIfPlanned(TaskCompilation.Compiled ok, PlanningProblem next,
      PlanResult result) {
    if (result instanceof PlanResult.Planned planned) {
      poset = ok.poset();
      formulas = ok.formulas();
      problem = next;
      plan = planned.plan();
    }
    return result;
  }

  /** Checks journaled assignments against a rebuilt problem, then times them. */
  private static PlanResult restored(
      PlanningProblem next,
      List<ChainAssignment> assignments,
      boolean[] released,
      double releaseS) {
    Set<Integer> served = new HashSet<>();
    int agents = next.agents().size();
    for (ChainAssignment a : assignments) {
      Integer index = next.tasks().indexById().get(a.subtaskId());
      if (index == null) {
        return infeasible("Subtask " + a.subtaskId() + " is not in the compiled formulas.");
      }
      if (!served.add(a.subtaskId())) {
        return infeasible("Subtask " + a.subtaskId() + " is assigned twice.");
      }
      if (!next.chainsOf(index).contains(a.chain())) {
        return infeasible("Chain " + a.chain() + " is not a chain of subtask " + a.subtaskId()
            + " in this scenario.");
      }
      if (a.master() < 0 || a.master() >= agents
          || !next.agents().get(a.master()).type().name().equals(a.chain().agentType())) {
        return infeasible("Agent " + a.master() + " cannot run chain " + a.chain() + ".");
      }
      for (List<Integer> helpers : a.helpers()) {
        for (int h : helpers) {
          if (h < 0 || h >= agents) {
            return infeasible("Helper " + h + " is not an agent of the fleet.");
          }
        }
      }
    }
    if (served.size() != next.subtaskCount()) {
      return infeasible("The assignments serve " + served.size() + " of "
          + next.subtaskCount() + " subtasks.");
    }
    return new PlanEvaluator(next).evaluate(assignments, released, releaseS)
        .<PlanResult>map(p -> new PlanResult.Planned(p,
            new SearchStats(0, 0, 0, 0, false, p.objective())))
        .orElseGet(() -> infeasible("The assignments cannot be timed (order, sigma^s or "
            + "resources)."));
  }

  private static PlanResult infeasible(String reason) {
    return new PlanResult.Infeasible(
        reason, new SearchStats(0, Double.NaN, Double.NaN, 0, false, Double.NaN));
  }

  private static PlanResult rejected(TaskCompilation.Rejected r) {
    return infeasible("Formula \"" + r.formula() + "\" rejected: " + r.reason());
  }

  /**
   * Whether the current plan's word is a good prefix of every formula planned so far (replayed
   * through each formula's automaton).
   *
   * @return true when every formula accepts the plan's word
   */
  public boolean planSatisfiesFormulas() {
    List<Set<String>> word = new PlanValidator(problem).word(plan);
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
