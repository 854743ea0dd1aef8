package dev.flotilla.plan;

import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.model.Agent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Anytime branch and bound over action-path chains (Section 3.2 of seed 003, Figure 4).
 *
 * <p>A node is a partial plan. Expansion only creates feasible children (Section 3.2.1): either a
 * chain of a subtask whose order predecessors are all assigned (Eq. (6)) is given to a master,
 * keeping sigma^s (Eq. (7)) and resource stocks (Eq. (8)); or one more collaborator joins a step of
 * the newest chain (Eq. (9)); collaborating only on the newest chain, step by step, rules out the
 * deadlock of Figure 5. Children are ranked by the incremental score of Eqs. (10)-(11): h =
 * (h_parent z_grandparent + delta) / z_parent, delta being alpha dt + beta dc_r + gamma dc_t for a
 * new chain. For a collaborator Eq. (11) keeps only gamma dc_t because total work is unchanged;
 * since collaborators do shorten the step in our work-sharing timing, we add its (negative) alpha
 * dt_m, otherwise no collaboration could ever rank first. Collaborations that improve the objective
 * are tried first, then new chains, then the other collaborations.
 *
 * <p>The search is depth first, so the first plan arrives after one greedy dive (O(N M C) timings
 * for N agents, M subtasks, chain length C, as in Section 4.3). It then improves with limited
 * discrepancy passes (up to 3 deviations among the 3 best-ranked children, so early decisions get
 * revised too) followed by a complete depth-first search, pruning a node when its lower bound
 * (frozen makespan, resources and travel already committed plus the cheapest chain of each open
 * subtask) reaches the incumbent, until the time or node budget runs out or the tree is exhausted
 * (then the plan is optimal). Agents of one type that are free at the same time and place are
 * interchangeable, so only one of them is branched on. Worst case exponential in M and N.
 */
public final class BranchAndBoundPlanner implements TaskPlanner {

  /**
   * Search limits.
   *
   * @param timeBudgetS wall-clock seconds after which the best plan so far is returned; while no
   *     plan has been found yet the search may go on up to ten times longer
   * @param nodeBudget maximum nodes expanded
   * @param breakSymmetry branch on only one of several interchangeable agents
   */
  public record Config(double timeBudgetS, long nodeBudget, boolean breakSymmetry) {

    /** Rejects non-positive budgets. */
    public Config {
      if (!(timeBudgetS > 0) || nodeBudget <= 0) {
        throw new IllegalArgumentException("Search budgets must be positive.");
      }
    }

    /**
     * Default limits: 10 s, unlimited nodes, symmetry breaking on.
     *
     * @return the config
     */
    public static Config defaults() {
      return new Config(10, Long.MAX_VALUE, true);
    }
  }

  private static final double EPS = 1e-9;

  /** Relative gap under which an outside bound (rounded down by CP-SAT) counts as reached. */
  private static final double BOUND_TOLERANCE = 1e-4;
  private static final int MAX_DISCREPANCIES = 3;
  private static final int LDS_WIDTH = 3;

  /** Until a first plan exists the time budget stretches to this many times its length. */
  private static final double FIRST_PLAN_GRACE = 10;

  private final PlanningProblem problem;
  private final Config config;
  private final ChainTimer timer;

  private long nodes;
  private long deadline;
  private long firstPlanDeadline;
  private long t0;
  private boolean stopped;
  private double best = Double.POSITIVE_INFINITY;
  private List<ChainAssignment> bestPlan;
  private double firstAt = Double.NaN;
  private double firstObjective = Double.NaN;
  private double bestAt = Double.NaN;
  private List<ChainAssignment> incumbent;
  private DoubleSupplier provenBound = () -> Double.NEGATIVE_INFINITY;
  private boolean boundReached;
  private final AnytimeTrace trace = new AnytimeTrace();
  private final Map<ActionPathChain, Double> fastest = new IdentityHashMap<>();

  /**
   * Prepares the search.
   *
   * @param problem the planning problem
   * @param config search limits
   */
  public BranchAndBoundPlanner(PlanningProblem problem, Config config) {
    this.problem = Objects.requireNonNull(problem);
    this.config = Objects.requireNonNull(config);
    this.timer = new ChainTimer(problem);
  }

  /**
   * How the best plan improved, with the root's lower bound (and the optimum once proven).
   *
   * @return the trace
   */
  public AnytimeTrace trace() {
    return trace;
  }

  /**
   * Starts from a known plan (e.g. CP-SAT's): only strictly better plans are searched for, and it
   * is returned if none is found.
   *
   * @param plan complete assignments of this problem
   * @return this planner
   */
  public BranchAndBoundPlanner withIncumbent(List<ChainAssignment> plan) {
    this.incumbent = List.copyOf(plan);
    return this;
  }

  /**
   * A lower bound proven elsewhere (e.g. by CP-SAT), read during the search: once the incumbent
   * reaches it the search stops and the plan is optimal.
   *
   * @param bound supplies the best bound known so far
   * @return this planner
   */
  public BranchAndBoundPlanner withProvenBound(DoubleSupplier bound) {
    this.provenBound = Objects.requireNonNull(bound);
    return this;
  }

  /** Immutable list of finalized assignments, newest first. */
  private record Cons(ChainAssignment head, Cons tail) {}

  private record Node(
      PartialSchedule before,
      ChainAssignment newest,
      ChainTimer.Timed timed,
      PartialSchedule after,
      int helperFrom,
      Cons done,
      int assignedCount,
      double h,
      double z,
      double zParent,
      double lb,
      int group) {}

  @Override
  public PlanResult plan() {
    t0 = System.nanoTime();
    deadline = t0 + (long) (config.timeBudgetS() * 1e9);
    firstPlanDeadline = t0 + (long) (FIRST_PLAN_GRACE * config.timeBudgetS() * 1e9);
    List<String> unservable = problem.unservable();
    if (!unservable.isEmpty()) {
      return new PlanResult.Infeasible(String.join("; ", unservable) + ".", stats(false));
    }
    if (incumbent != null) {
      new PlanEvaluator(problem).evaluate(incumbent).ifPresent(p -> {
        best = p.objective();
        bestPlan = incumbent;
        firstAt = 0;
        bestAt = 0;
        firstObjective = best;
      });
    }
    PartialSchedule start = PartialSchedule.initial(problem);
    trace.bound(0, Math.max(problem.lowerBound(), problem.weights().objective(
        makespanBound(start, start), 0, 0)));
    if (bestPlan != null) {
      trace.plan(0, best);
    }
    Node root = new Node(start, null, null, start, 0, null, 0, 0, 0, 0, 0, 0);
    // Limited discrepancy passes first: they revise early decisions, where a plain depth-first
    // search would only ever revisit the last ones before the budget runs out.
    for (int d = 0; d <= MAX_DISCREPANCIES && !stopped; d++) {
      search(root, d);
    }
    if (!stopped) {
      search(root, -1);
    }
    boolean optimal = !stopped || boundReached;
    if (optimal && bestPlan != null) {
      trace.bound((System.nanoTime() - t0) / 1e9, best);
    }
    if (bestPlan == null) {
      String reason =
          optimal
              ? "No assignment of chains satisfies the order, sigma^s and resource limits."
              : "No feasible plan found within the search budget.";
      return new PlanResult.Infeasible(reason, stats(optimal));
    }
    Plan plan = new PlanEvaluator(problem).evaluate(bestPlan).orElseThrow();
    return new PlanResult.Planned(plan, stats(optimal));
  }

  private SearchStats stats(boolean optimal) {
    return new SearchStats(
        nodes, firstAt, bestAt, (System.nanoTime() - t0) / 1e9, optimal, firstObjective);
  }

  /**
   * Depth-first branch and bound below a node.
   *
   * @param discrepancies -1 for a complete search; otherwise only the {@value #LDS_WIDTH}
   *     best-ranked children are tried and taking any but the first costs one discrepancy
   */
  private void search(Node node, int discrepancies) {
    nodes++;
    long now = System.nanoTime();
    if (nodes >= config.nodeBudget()
        || (now > deadline && (bestPlan != null || now > firstPlanDeadline))) {
      stopped = true;
      return;
    }
    if ((nodes & 1023) == 0
        && best <= provenBound.getAsDouble() + BOUND_TOLERANCE * Math.max(1, best)) {
      stopped = true;
      boundReached = true;
      return;
    }
    if (node.assignedCount() == problem.subtaskCount() && node.z() < best - EPS) {
      best = node.z();
      bestPlan = assignments(node);
      bestAt = (System.nanoTime() - t0) / 1e9;
      trace.plan(bestAt, best);
      if (Double.isNaN(firstAt)) {
        firstAt = bestAt;
        firstObjective = best;
      }
    }
    List<Node> children = expand(node);
    children.sort(Comparator.comparingInt(Node::group).thenComparingDouble(Node::h));
    for (int i = 0; i < children.size(); i++) {
      if (stopped) {
        return;
      }
      int left = discrepancies;
      if (discrepancies >= 0) {
        if (i >= LDS_WIDTH || (i > 0 && discrepancies == 0)) {
          break;
        }
        left = i > 0 ? discrepancies - 1 : discrepancies;
      }
      Node child = children.get(i);
      if (child.lb() >= best - EPS) {
        continue;
      }
      search(child, left);
    }
  }

  private static List<ChainAssignment> assignments(Node node) {
    List<ChainAssignment> out = new ArrayList<>();
    if (node.newest() != null) {
      out.add(node.newest());
    }
    for (Cons c = node.done(); c != null; c = c.tail()) {
      out.add(c.head());
    }
    Collections.reverse(out);
    return out;
  }

  private List<Node> expand(Node node) {
    List<Node> children = new ArrayList<>();
    PartialSchedule after = node.after();
    if (node.assignedCount() < problem.subtaskCount()) {
      Cons done = node.newest() == null ? node.done() : new Cons(node.newest(), node.done());
      for (int i = 0; i < problem.subtaskCount(); i++) {
        if (after.assigned(i) || !enabled(after, i)) {
          continue;
        }
        for (ActionPathChain chain : problem.chainsOf(i)) {
          for (Agent master : candidates(after, chain.agentType(), Set.of())) {
            ChainAssignment a = ChainAssignment.alone(problem.subtask(i).id(), chain, master.id());
            ChainTimer.Timed timed = timer.time(after, a, 0);
            if (timed != null) {
              children.add(child(node, after, a, timed, 0, done, node.assignedCount() + 1, 1));
            }
          }
        }
      }
    }
    if (node.newest() != null) {
      ChainAssignment a = node.newest();
      List<ChainStep> steps = a.chain().steps();
      for (int k = node.helperFrom(); k < steps.size(); k++) {
        String action = steps.get(k).action();
        Set<Integer> already = new HashSet<>(a.helpers().get(k));
        already.add(a.master());
        for (Agent helper : candidatesFor(node.after(), action, already)) {
          ChainAssignment more = a.withHelper(k, helper.id());
          ChainTimer.Timed timed = timer.time(node.before(), more, 0);
          if (timed == null) {
            continue;
          }
          ChainTimer.StepTime st = timed.steps()[k];
          double joined = st.helperStart()[st.helperStart().length - 1];
          if (joined >= st.finish() - EPS) {
            continue; // arrives after the work is done: no feasible contribution
          }
          Node c = child(node, node.before(), more, timed, k, node.done(), node.assignedCount(), 0);
          children.add(c);
        }
      }
    }
    return children;
  }

  private Node child(
      Node parent,
      PartialSchedule before,
      ChainAssignment a,
      ChainTimer.Timed timed,
      int helperFrom,
      Cons done,
      int assignedCount,
      int kind) {
    PartialSchedule after = timed.after();
    double z = after.objective(problem);
    double delta = z - parent.z();
    double scale = parent.z() > EPS ? parent.z() : 1;
    double h = (parent.h() * (parent.zParent() > EPS ? parent.zParent() : 1) + delta) / scale;
    // kind 1: new chain (Eq. 10); kind 0: collaborator (Eq. 11), ranked first if it pays off.
    int group = kind == 1 ? 1 : (delta < 0 ? 0 : 2);
    double lb = lowerBound(before, a, timed, helperFrom);
    return new Node(
        before, a, timed, after, helperFrom, done, assignedCount, h, z, parent.z(), lb, group);
  }

  private boolean enabled(PartialSchedule t, int i) {
    for (int p : problem.predecessors(i)) {
      if (!t.assigned(p)) {
        return false;
      }
    }
    return true;
  }

  /** Agents of a type, one per interchangeable group when symmetry breaking is on. */
  private List<Agent> candidates(PartialSchedule t, String type, Set<Integer> exclude) {
    List<Agent> out = new ArrayList<>();
    for (Agent agent : problem.agentsOfType(type)) {
      int id = agent.id();
      if (exclude.contains(id)) {
        continue;
      }
      boolean twin = false;
      if (config.breakSymmetry()) {
        for (int k = 0; k < out.size() && !twin; k++) {
          int o = out.get(k).id();
          twin = t.ready[o] == t.ready[id] && t.location[o] == t.location[id];
        }
      }
      if (!twin) {
        out.add(agent);
      }
    }
    return out;
  }

  private List<Agent> candidatesFor(PartialSchedule t, String action, Set<Integer> exclude) {
    List<Agent> out = new ArrayList<>();
    for (String type : problem.typeNames()) {
      List<Agent> ofType = problem.agentsOfType(type);
      if (!ofType.isEmpty() && problem.canPerform(ofType.get(0).id(), action)) {
        out.addAll(candidates(t, type, exclude));
      }
    }
    return out;
  }

  /**
   * Admissible bound on the objective of every descendant of a node whose newest chain is {@code
   * a}: later collaborators may only shorten its steps from {@code helperFrom} on, and everything
   * assigned before it is fixed.
   */
  private double lowerBound(
      PartialSchedule before, ChainAssignment a, ChainTimer.Timed timed, int helperFrom) {
    PartialSchedule after = timed.after();
    double remainingCost = 0;
    double remainingTravel = 0;
    for (int i = 0; i < problem.subtaskCount(); i++) {
      if (!after.assigned(i)) {
        remainingCost += problem.minResourceCost(i);
        remainingTravel += problem.minChainTravel(i);
      }
    }
    double makespan = before.makespan;
    ChainTimer.StepTime[] st = timed.steps();
    for (int k = 0; k < helperFrom; k++) {
      makespan = Math.max(makespan, st[k].finish());
    }
    ChainInfo info = problem.info(a.chain());
    double speed = problem.agents().get(a.master()).type().speedMps();
    int sub = problem.indexOf(a.subtaskId());
    // From helperFrom on, steps could shrink to nothing: keep only travel and the order waits.
    double t = st[helperFrom].start();
    for (int k = helperFrom + 1; k < st.length; k++) {
      t += problem.environment().distance(info.regions()[k - 1], info.regions()[k]) / speed;
      if (k == a.chain().coreIndex()) {
        for (int p : problem.predecessors(sub)) {
          t = Math.max(t, before.coreStart[p]);
        }
        for (int c : problem.conflicts(sub)) {
          if (before.assigned(c)) {
            t = Math.max(t, before.coreFinish[c]);
          }
        }
      }
    }
    makespan = Math.max(Math.max(makespan, t), makespanBound(before, after));
    return problem
        .weights()
        .objective(makespan, after.resourceCost + remainingCost, after.travel + remainingTravel);
  }

  /**
   * Assignment relaxation of the makespan: every open subtask still needs some agent of a capable
   * type to get from where it is now to its chain and through it, with every step shared by all
   * agents able to help (d / (1 + H)). The latest of these earliest finishes bounds t_m. Agents
   * are read before the node's newest chain, since helpers joining it later can make its master
   * free earlier; by the triangle inequality no later detour arrives sooner. O(M C N).
   */
  private double makespanBound(PartialSchedule agents, PartialSchedule t) {
    if (problem.weights().alpha() <= 0) {
      return 0;
    }
    double bound = 0;
    for (int i = 0; i < problem.subtaskCount(); i++) {
      if (t.assigned(i)) {
        continue;
      }
      double earliest = Double.POSITIVE_INFINITY;
      for (ActionPathChain chain : problem.chainsOf(i)) {
        int first = problem.info(chain).regions()[0];
        double through = fastest(chain);
        for (Agent agent : problem.agentsOfType(chain.agentType())) {
          int n = agent.id();
          double arrive = agents.ready[n]
              + problem.environment().distance(agents.location[n], first)
              / agent.type().speedMps();
          earliest = Math.min(earliest, arrive + through);
        }
      }
      if (earliest < Double.POSITIVE_INFINITY) {
        bound = Math.max(bound, earliest);
      }
    }
    return bound;
  }

  /** Shortest time through a chain: its internal travel plus each step shared by every helper. */
  private double fastest(ActionPathChain chain) {
    return fastest.computeIfAbsent(chain, c -> {
      ChainInfo info = problem.info(c);
      double speed = problem.agentsOfType(c.agentType()).get(0).type().speedMps();
      double time = info.internalTravel() / speed;
      for (int k = 0; k < info.durations().length; k++) {
        int able = 0;
        for (Agent a : problem.agents()) {
          if (problem.canPerform(a.id(), c.steps().get(k).action())) {
            able++;
          }
        }
        time += info.durations()[k] / Math.max(1, able);
      }
      return time;
    });
  }
}
