package dev.flotilla.plan;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CircuitConstraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.chain.ActionPathChainBuilder;
import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.task.SubtaskSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The planning problem of seed 003 (chains, order, conflicts, sigma^s, resources, Eq. (2)) as a
 * CP-SAT model, built on top of a fixed prefix (nothing, or the chains that have already started
 * when replanning). One Boolean per (agent, subtask, chain) picks master and chain; per agent a
 * circuit orders its chains and prices the travel between them; step start times follow the
 * master's walk, the core waits for the start of its order predecessors (Eq. (3)), conflicting
 * cores do not overlap (Eq. (4)), steps whose labels a sigma^s forbids wait for that subtask's end
 * (Eq. (7)) and resource counts stay within stock (Eq. (8)).
 *
 * <p>Why it proves bounds: it is a relaxation of the plans {@link ChainTimer} can time.
 * Collaborators are not placed, but each step may be shortened to d / (1 + h) for h helpers, each
 * paying the shortest travel any helper could have to the step's region; times, distances and
 * weights are rounded down. So its objective bound is a lower bound on every plan's Eq. (2). Its
 * solutions are decoded into an assignment order (by core start) and timed exactly by {@link
 * PlanEvaluator}, which never makes them infeasible (every constraint is a "not before").
 *
 * <p>Size: O(N K^2) arc literals for N agents and K (subtask, chain) options of their type.
 */
final class CpSatModel implements CpSatFormulation {

  /** Time units per second. */
  static final long TIME = 100;

  /** Objective units per unit of Eq. (2). */
  static final long SCALE = 10_000;

  /** Routing literals above which the model is refused (about 1 GB of native memory). */
  static final long MAX_ARCS = 3_000_000;

  /** A (subtask, chain) choice with its step times. */
  record Option(
      int subtask, ActionPathChain chain, ChainInfo info, BoolVar chosen, IntVar[] start,
      IntVar[] end) {}

  /** Per agent: its options (nodes 1..K of its circuit) and their master literals. */
  private record Route(Agent agent, List<Option> nodes, List<BoolVar> master, Map<Long,
      BoolVar> arcs, BoolVar unused) {}

  private final CpModel model = new CpModel();
  private final PlanningProblem problem;
  private final PartialSchedule base;
  private final List<ChainAssignment> frozen;
  private final long release;
  private final long horizon;
  private final List<List<Option>> options = new ArrayList<>();
  private final IntVar[] coreStart;
  private final IntVar[] coreEnd;
  private final List<Route> routes = new ArrayList<>();
  private final int[] rank;
  private final double constant;
  private final LinearExprBuilder objective = LinearExpr.newBuilder();
  /** Per step (by its start variable) the shortest duration the model allows it. */
  private final Map<IntVar, Long> shortest = new HashMap<>();
  private final boolean helpers;
  private boolean relaxed;
  private IntVar makespan;

  /**
   * Builds the model.
   *
   * @param problem the problem
   * @param frozen assignments kept as they are, timed first in this order
   * @param releaseS seconds before which nothing else may start
   * @param helpers whether steps may be shortened by (relaxed) helpers: needed for a bound valid
   *     for plans with collaborators; without, the model is exact for plans of masters only
   * @throws IllegalArgumentException if the frozen prefix is itself infeasible
   */
  CpSatModel(
      PlanningProblem problem, List<ChainAssignment> frozen, double releaseS, boolean helpers) {
    this.problem = problem;
    this.helpers = helpers;
    this.frozen = List.copyOf(frozen);
    this.base = CpSatSupport.afterFrozen(problem, frozen);
    this.release = (long) Math.floor(releaseS * TIME);
    int m = problem.subtaskCount();
    this.coreStart = new IntVar[m];
    this.coreEnd = new IntVar[m];
    this.rank = ranks();
    this.horizon = CpSatSupport.horizon(problem, base, release / (double) TIME, TIME);
    this.constant = problem.weights().objective(0, base.resourceCost, base.travel);
    long arcs = arcEstimate();
    if (arcs > MAX_ARCS) {
      throw new IllegalArgumentException("The CP-SAT model would need " + arcs
          + " routing literals (limit " + MAX_ARCS + "): too many agents and chains for it.");
    }
    build();
  }

  private void build() {
    int m = problem.subtaskCount();
    for (int i = 0; i < m; i++) {
      options.add(new ArrayList<>());
      if (base.assigned(i)) {
        continue;
      }
      coreStart[i] = model.newIntVar(0, horizon, "cs" + i);
      coreEnd[i] = model.newIntVar(0, horizon, "ce" + i);
      for (ActionPathChain chain : problem.chainsOf(i)) {
        if (!CpSatSupport.selfAllowed(problem, i, chain)
            || problem.agentsOfType(chain.agentType()).isEmpty()) {
          continue;
        }
        options.get(i).add(option(i, chain));
      }
      if (options.get(i).isEmpty()) {
        model.addBoolOr(new Literal[0]);
        continue;
      }
      model.addExactlyOne(options.get(i).stream().map(o -> (Literal) o.chosen()).toList());
      for (Option o : options.get(i)) {
        int core = o.chain().coreIndex();
        model.addEquality(coreStart[i], o.start()[core]).onlyEnforceIf(o.chosen());
        model.addEquality(coreEnd[i], o.end()[core]).onlyEnforceIf(o.chosen());
      }
    }
    makespan = model.newIntVar((long) Math.floor(base.makespan * TIME), horizon, "tm");
    for (int i = 0; i < m; i++) {
      for (Option o : options.get(i)) {
        model.addGreaterOrEqual(makespan, o.end()[o.end().length - 1]).onlyEnforceIf(o.chosen());
      }
    }
    earliest();
    orderAndConflicts();
    sigma();
    resources();
    for (Agent a : problem.agents()) {
      route(a);
    }
    breakSymmetry();
    objective.addTerm(makespan, (long) Math.floor(problem.weights().alpha() * SCALE / TIME));
    model.minimize(objective);
  }

  /**
   * Redundant, unconditional lower bounds that give the LP a critical path: a chain cannot start
   * before the earliest arrival of any agent of its type, each step lasts at least its shortest
   * duration, and a subtask's core starts and lasts no less than its options allow.
   */
  private void earliest() {
    for (int i = 0; i < options.size(); i++) {
      if (base.assigned(i) || options.get(i).isEmpty()) {
        continue;
      }
      long coreFrom = Long.MAX_VALUE;
      long coreLength = Long.MAX_VALUE;
      for (Option o : options.get(i)) {
        int[] regions = o.info().regions();
        long t = Long.MAX_VALUE;
        for (Agent a : problem.agentsOfType(o.chain().agentType())) {
          long depart = Math.max((long) Math.floor(base.ready[a.id()] * TIME), release);
          t = Math.min(t, depart + travelTime(base.location[a.id()], regions[0],
              a.type().speedMps()));
        }
        double speed = problem.agentsOfType(o.chain().agentType()).get(0).type().speedMps();
        for (int k = 0; k < regions.length; k++) {
          if (k > 0) {
            t += travelTime(regions[k - 1], regions[k], speed);
          }
          // One tick per hop: the model's own travel times are rounded down hop by hop.
          model.addGreaterOrEqual(o.start()[k], Math.max(0, t - k - 1));
          long least = shortest.getOrDefault(o.start()[k], 0L);
          if (k == o.chain().coreIndex()) {
            coreFrom = Math.min(coreFrom, t - k - 1);
            coreLength = Math.min(coreLength, least);
          }
          t += least;
        }
      }
      model.addGreaterOrEqual(coreStart[i], Math.max(0, coreFrom));
      model.addGreaterOrEqual(LinearExpr.newBuilder().add(coreEnd[i]).addTerm(coreStart[i], -1)
          .build(), coreLength);
    }
  }


  private Option option(int i, ActionPathChain chain) {
    ChainInfo info = problem.info(chain);
    int n = info.regions().length;
    String name = i + "_" + options.get(i).size();
    BoolVar chosen = model.newBoolVar("z" + name);
    IntVar[] start = new IntVar[n];
    IntVar[] end = new IntVar[n];
    double speed = problem.agentsOfType(chain.agentType()).get(0).type().speedMps();
    for (int k = 0; k < n; k++) {
      start[k] = model.newIntVar(0, horizon, "s" + name + "_" + k);
      end[k] = model.newIntVar(0, horizon, "e" + name + "_" + k);
      if (k > 0) {
        long tt = travelTime(info.regions()[k - 1], info.regions()[k], speed);
        model.addGreaterOrEqual(LinearExpr.affine(start[k], 1, 0),
            LinearExpr.affine(end[k - 1], 1, tt));
      }
      duration(i, chain, k, start[k], end[k]);
    }
    long fixed = floorScaled(problem.weights().beta() * info.resourceCost())
        + floorScaled(problem.weights().gamma() * info.internalTravel());
    objective.addTerm(chosen, fixed);
    return new Option(i, chain, info, chosen, start, end);
  }

  /**
   * end = start + d, or d / (1 + h) with h helpers when a helper could pay for itself; each
   * helper is charged the shortest travel any agent could have to the step.
   */
  private void duration(int i, ActionPathChain chain, int k, IntVar start, IntVar end) {
    ChainStep step = chain.steps().get(k);
    long d = (long) Math.floor(problem.actions().get(step.action()).durationS() * TIME);
    boolean core = k == chain.coreIndex();
    SubtaskSpec s = problem.subtask(i);
    int helpers = 0;
    for (Agent a : problem.agents()) {
      if (problem.canPerform(a.id(), step.action())
          && !(core && s.excludedTypeLabels().contains(a.type().label()))) {
        helpers++;
      }
    }
    helpers = Math.max(0, helpers - 1);
    double reach = helperReach(i, chain, k);
    double alpha = problem.weights().alpha();
    boolean pays = helpers > 0 && alpha * d / TIME / 2 > problem.weights().gamma() * reach;
    relaxed |= pays;
    if (!pays || !this.helpers) {
      model.addEquality(LinearExpr.affine(end, 1, 0), LinearExpr.affine(start, 1, d));
      shortest.put(start, d);
      return;
    }
    IntVar h = model.newIntVar(0, helpers, "h" + i + "_" + k);
    long[] table = new long[helpers + 1];
    for (int j = 0; j <= helpers; j++) {
      table[j] = d / (1 + j);
    }
    IntVar dur = model.newIntVar(table[helpers], d, "d" + i + "_" + k);
    shortest.put(start, table[helpers]);
    model.addElement(h, table, dur);
    model.addEquality(end, LinearExpr.newBuilder().add(start).add(dur).build());
    objective.addTerm(h, floorScaled(problem.weights().gamma() * reach));
  }

  /** Shortest distance to the step from where any agent is or any other step happens. */
  private double helperReach(int i, ActionPathChain chain, int k) {
    int region = problem.info(chain).regions()[k];
    double best = Double.POSITIVE_INFINITY;
    for (int loc : base.location) {
      best = Math.min(best, problem.environment().distance(loc, region));
    }
    for (int j = 0; j < problem.subtaskCount() && best > 0; j++) {
      if (base.assigned(j)) {
        continue;
      }
      for (ActionPathChain c : problem.chainsOf(j)) {
        int[] regions = problem.info(c).regions();
        for (int q = 0; q < regions.length; q++) {
          if (c != chain || q != k) {
            best = Math.min(best, problem.environment().distance(regions[q], region));
          }
        }
      }
    }
    return best;
  }

  private void orderAndConflicts() {
    int m = problem.subtaskCount();
    for (int i = 0; i < m; i++) {
      if (base.assigned(i)) {
        continue;
      }
      for (int p : problem.predecessors(i)) {
        if (base.assigned(p)) {
          model.addGreaterOrEqual(coreStart[i], (long) Math.floor(base.coreStart[p] * TIME));
        } else {
          model.addGreaterOrEqual(coreStart[i], coreStart[p]);
        }
      }
      for (int c : problem.conflicts(i)) {
        if (base.assigned(c)) {
          model.addGreaterOrEqual(coreStart[i], (long) Math.floor(base.coreFinish[c] * TIME));
        } else if (c > i) {
          BoolVar first = model.newBoolVar("cf" + i + "_" + c);
          model.addGreaterOrEqual(coreStart[c], coreEnd[i]).onlyEnforceIf(first);
          model.addGreaterOrEqual(coreStart[i], coreEnd[c]).onlyEnforceIf(first.not());
        }
      }
    }
  }

  /** A step whose labels another subtask's sigma^s forbids waits for that subtask's end. */
  private void sigma() {
    if (!problem.anySelfLoop()) {
      return;
    }
    for (List<Option> list : options) {
      for (Option o : list) {
        Agent any = problem.agentsOfType(o.chain().agentType()).get(0);
        for (int k = 0; k < o.start().length; k++) {
          Set<String> labels = ActionPathChainBuilder.labels(any.type(), o.chain().steps().get(k));
          for (int j = 0; j < problem.subtaskCount(); j++) {
            Set<String> forbidden = problem.subtask(j).forbiddenUntilDone();
            if (j == o.subtask() || forbidden.isEmpty() || Collections.disjoint(forbidden, labels)) {
              continue;
            }
            if (base.assigned(j)) {
              model.addGreaterOrEqual(o.start()[k], (long) Math.floor(base.coreFinish[j] * TIME))
                  .onlyEnforceIf(o.chosen());
            } else {
              model.addGreaterOrEqual(o.start()[k], coreEnd[j]).onlyEnforceIf(o.chosen());
            }
          }
        }
      }
    }
  }

  private void resources() {
    Map<Integer, LinearExprBuilder> use = new HashMap<>();
    for (List<Option> list : options) {
      for (Option o : list) {
        for (int key : o.info().resourceKey()) {
          if (key >= 0) {
            use.computeIfAbsent(key, x -> LinearExpr.newBuilder()).addTerm(o.chosen(), 1);
          }
        }
      }
    }
    for (Map.Entry<Integer, LinearExprBuilder> e : use.entrySet()) {
      int key = e.getKey();
      int used = key < base.used.length ? base.used[key] : 0;
      model.addLessOrEqual(e.getValue(), problem.stock(key) - used);
    }
  }

  private void route(Agent agent) {
    List<Option> nodes = new ArrayList<>();
    for (List<Option> list : options) {
      for (Option o : list) {
        if (o.chain().agentType().equals(agent.type().name())) {
          nodes.add(o);
        }
      }
    }
    List<BoolVar> master = new ArrayList<>();
    Map<Long, BoolVar> arcs = new HashMap<>();
    BoolVar unused = model.newBoolVar("u" + agent.id());
    Route r = new Route(agent, nodes, master, arcs, unused);
    routes.add(r);
    if (nodes.isEmpty()) {
      model.addEquality(unused, 1);
      return;
    }
    CircuitConstraint circuit = model.addCircuit();
    circuit.addArc(0, 0, unused);
    double speed = agent.type().speedMps();
    int loc = base.location[agent.id()];
    long depart = Math.max((long) Math.floor(base.ready[agent.id()] * TIME), release);
    double gamma = problem.weights().gamma();
    for (int a = 0; a < nodes.size(); a++) {
      Option o = nodes.get(a);
      BoolVar x = model.newBoolVar("x" + agent.id() + "_" + a);
      master.add(x);
      circuit.addArc(a + 1, a + 1, x.not());
      int first = o.info().regions()[0];
      BoolVar in = model.newBoolVar("a" + agent.id() + "_0_" + (a + 1));
      circuit.addArc(0, a + 1, in);
      arcs.put(key(0, a + 1), in);
      model.addGreaterOrEqual(o.start()[0], depart + travelTime(loc, first, speed))
          .onlyEnforceIf(in);
      objective.addTerm(in, floorScaled(gamma * problem.environment().distance(loc, first)));
      BoolVar out = model.newBoolVar("a" + agent.id() + "_" + (a + 1) + "_0");
      circuit.addArc(a + 1, 0, out);
      arcs.put(key(a + 1, 0), out);
    }
    for (int a = 0; a < nodes.size(); a++) {
      Option from = nodes.get(a);
      int last = from.info().regions()[from.info().regions().length - 1];
      for (int b = 0; b < nodes.size(); b++) {
        Option to = nodes.get(b);
        if (from.subtask() == to.subtask()
            || CpSatSupport.precedes(problem, to.subtask(), from.subtask())) {
          continue;
        }
        int first = to.info().regions()[0];
        BoolVar arc = model.newBoolVar("a" + agent.id() + "_" + (a + 1) + "_" + (b + 1));
        circuit.addArc(a + 1, b + 1, arc);
        arcs.put(key(a + 1, b + 1), arc);
        model.addGreaterOrEqual(LinearExpr.affine(to.start()[0], 1, 0),
            LinearExpr.affine(from.end()[from.end().length - 1], 1,
                travelTime(last, first, speed))).onlyEnforceIf(arc);
        objective.addTerm(arc, floorScaled(gamma * problem.environment().distance(last, first)));
      }
    }
    // chosen = sum over agents of their master literal, filled in once every route exists.
  }

  /** Links each option's choice to its masters and orders interchangeable idle agents. */
  private void breakSymmetry() {
    Map<Option, LinearExprBuilder> masters = new HashMap<>();
    for (Route r : routes) {
      for (int a = 0; a < r.nodes().size(); a++) {
        masters.computeIfAbsent(r.nodes().get(a), x -> LinearExpr.newBuilder())
            .add(r.master().get(a));
      }
    }
    for (List<Option> list : options) {
      for (Option o : list) {
        LinearExprBuilder sum = masters.get(o);
        if (sum == null) {
          model.addEquality(o.chosen(), 0);
        } else {
          model.addEquality(sum, o.chosen());
        }
      }
    }
    // Agents of one type, free at the same time and place, are interchangeable: use them in
    // order.
    for (int a = 0; a < routes.size(); a++) {
      for (int b = a + 1; b < routes.size(); b++) {
        if (CpSatSupport.twins(base, routes.get(a).agent(), routes.get(b).agent())) {
          model.addImplication(routes.get(a).unused(), routes.get(b).unused());
          break;
        }
      }
    }
  }




  private static long key(int a, int b) {
    return ((long) a << 32) | b;
  }

  private long travelTime(int from, int to, double speed) {
    return (long) Math.floor(problem.environment().distance(from, to) / speed * TIME);
  }

  private static long floorScaled(double v) {
    return (long) Math.floor(v * SCALE);
  }

  /** Longest chain of order predecessors below each subtask, to break ties in decoding. */
  private int[] ranks() {
    int m = problem.subtaskCount();
    int[] r = new int[m];
    Arrays.fill(r, -1);
    for (int i = 0; i < m; i++) {
      rankOf(i, r);
    }
    return r;
  }

  private int rankOf(int i, int[] r) {
    if (r[i] < 0) {
      int best = 0;
      for (int p : problem.predecessors(i)) {
        best = Math.max(best, rankOf(p, r) + 1);
      }
      r[i] = best;
    }
    return r[i];
  }

  /** Agents times the square of their type's (subtask, chain) options, before building. */
  private long arcEstimate() {
    Map<String, Long> perType = new HashMap<>();
    for (int i = 0; i < problem.subtaskCount(); i++) {
      if (!base.assigned(i)) {
        for (ActionPathChain c : problem.chainsOf(i)) {
          perType.merge(c.agentType(), 1L, Long::sum);
        }
      }
    }
    long arcs = 0;
    for (Map.Entry<String, Long> e : perType.entrySet()) {
      long k = e.getValue() + 1;
      arcs += problem.agentsOfType(e.getKey()).size() * k * k;
    }
    return arcs;
  }


  @Override
  public CpModel model() {
    return model;
  }

  @Override
  public boolean exact() {
    return false;
  }

  /**
   * Whether some step could pay for a helper in the relaxation (known after construction).
   *
   * @return false when the model is exact for all plans, collaborators included
   */
  boolean helpersCouldPay() {
    return relaxed;
  }

  /**
   * The Eq. (2) value of a model objective bound.
   *
   * @param modelBound CP-SAT's best objective bound
   * @return a lower bound on every plan's objective
   */
  @Override
  public double realBound(double modelBound) {
    return modelBound / SCALE + constant;
  }

  /**
   * Decodes a solution into an assignment order: the frozen prefix, then the others by core start
   * (order predecessors first on ties).
   *
   * @param value reads a variable's value in the solution
   * @return the assignments
   */
  @Override
  public List<ChainAssignment> decode(ToLongFunction<LinearArgument> value) {
    record Picked(ChainAssignment a, long core, int rank) {}
    List<Picked> picked = new ArrayList<>();
    for (Route r : routes) {
      for (int a = 0; a < r.nodes().size(); a++) {
        if (value.applyAsLong(r.master().get(a)) == 1) {
          Option o = r.nodes().get(a);
          ChainAssignment ca = ChainAssignment.alone(problem.subtask(o.subtask()).id(), o.chain(),
              r.agent().id());
          picked.add(new Picked(ca, value.applyAsLong(o.start()[o.chain().coreIndex()]),
              rank[o.subtask()]));
        }
      }
    }
    picked.sort(Comparator.comparingLong(Picked::core).thenComparingInt(Picked::rank));
    List<ChainAssignment> out = new ArrayList<>(frozen);
    picked.forEach(p -> out.add(p.a()));
    return out;
  }

  /**
   * Hints a known plan (e.g. branch and bound's first plan or the greedy insertion) to the solver.
   *
   * @param assignments the plan's assignments; the frozen prefix is skipped
   * @param timed the plan's step times per assignment, same order
   */
  @Override
  public void hint(List<ChainAssignment> assignments, Plan timed) {
    Map<Integer, List<Integer>> sequence = new HashMap<>();
    for (int c = 0; c < assignments.size(); c++) {
      ChainAssignment a = assignments.get(c);
      int i = problem.indexOf(a.subtaskId());
      if (base.assigned(i)) {
        continue;
      }
      for (Option o : options.get(i)) {
        boolean same = o.chain().equals(a.chain());
        model.addHint(o.chosen(), same);
        if (same) {
          sequence.computeIfAbsent(a.master(), x -> new ArrayList<>()).add(c);
        }
      }
    }
    for (AgentPlan ap : timed.agents()) {
      for (PlanStep st : ap.steps()) {
        if (st.role() != Role.MASTER) {
          continue;
        }
        int i = problem.indexOf(st.subtaskId());
        for (Option o : options.get(i)) {
          if (o.chain().equals(assignments.get(st.chainIndex()).chain())) {
            model.addHint(o.start()[st.stepIndex()], (long) Math.floor(st.startS() * TIME));
          }
        }
      }
    }
    for (Route r : routes) {
      List<Integer> seq = sequence.getOrDefault(r.agent().id(), List.of());
      model.addHint(r.unused(), seq.isEmpty());
      List<Integer> nodes = new ArrayList<>();
      for (int c : seq) {
        ChainAssignment a = assignments.get(c);
        for (int q = 0; q < r.nodes().size(); q++) {
          Option o = r.nodes().get(q);
          if (o.subtask() == problem.indexOf(a.subtaskId()) && o.chain().equals(a.chain())) {
            nodes.add(q + 1);
          }
        }
      }
      for (int q = 0; q < r.nodes().size(); q++) {
        model.addHint(r.master().get(q), nodes.contains(q + 1));
      }
      List<Long> used = new ArrayList<>();
      int prev = 0;
      for (int node : nodes) {
        used.add(key(prev, node));
        prev = node;
      }
      if (prev != 0) {
        used.add(key(prev, 0));
      }
      for (Map.Entry<Long, BoolVar> e : r.arcs().entrySet()) {
        model.addHint(e.getValue(), used.contains(e.getKey()));
      }
    }
  }
}
