package dev.flotilla.plan;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CircuitConstraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.DecisionStrategyProto;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.chain.ActionPathChainBuilder;
import dev.flotilla.plan.model.Agent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Seed 003's planning problem as an exact CP-SAT model, collaborators included: the plans it
 * admits are exactly those {@link ChainTimer} times (one order of the subtasks, a chain and master
 * per subtask, any capable collaborators per step), with times no earlier than the timer's. So its
 * optimum is the optimum of Eq. (2) and its objective bound is a bound of the real problem (up to
 * the rounding below, which only lowers it).
 *
 * <p>Variables: {@code pos[i]}, the subtask's place in the assignment order (all different); one
 * Boolean per (subtask, chain) option; per agent a circuit over its visits, a visit being "master
 * of an option" (the whole chain, start of its first step to end of its last) or "collaborator on
 * one step of an option" (joins at {@code e >= start}, leaves at {@code max(e, end)}). An arc
 * between visits of two subtasks needs the first earlier in the order, so each agent's visits
 * follow the one global order, as in the timer. Work sharing (Section 2.3) is Eq. {@code (end -
 * start) + sum_j max(0, end - e_j) >= d}: everyone present works until the end; CP-SAT only needs
 * the inequality because every constraint is a "not before" and the objective grows with time.
 * Order (Eq. (3)), conflicts in order of assignment (Eq. (4)), sigma^s (Eq. (7)) and resources (Eq.
 * (8)) as in the timer.
 *
 * <p>Rounding: times in milliseconds rounded down, each shared step one tick shorter per agent on
 * it, travel and weights rounded down: every real plan maps to a model solution of no higher
 * objective, so the bound stays valid.
 *
 * <p>Size: per agent V visits (its type's options plus the steps it could help) and V^2 arc
 * literals; {@link #arcEstimate} is checked before building, and larger instances use the relaxed
 * {@link CpSatModel}.
 */
final class CpSatExactModel implements CpSatFormulation {

  /** Time units per second. */
  static final long TIME = 1000;

  /** Largest objective coefficient of one literal, so sums stay far from overflow. */
  private static final double MAX_COEFFICIENT = 1e12;

  /** Wanted objective units per millisecond of makespan (relative rounding 1e-6 of its term). */
  private static final double MAKESPAN_UNITS = 1e6;

  /** A (subtask, chain) choice with its step times and each step's candidate collaborators. */
  private record Option(
      int subtask, ActionPathChain chain, ChainInfo info, BoolVar chosen, IntVar[] start,
      IntVar[] end, List<List<Visit>> helpers) {
    // Identity: an option and its visits refer to each other.
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /**
   * One possible visit of an agent: master of an option (step -1) or collaborator on a step.
   * Arrival is the chain's first start or the join time; leave is the chain's last end or max(join,
   * end of the step).
   */
  private record Visit(int agent, Option option, int step, BoolVar active, IntVar arrive,
      IntVar leave, IntVar work, int firstRegion, int lastRegion) {
    // Identity, as for Option.
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** Per agent its visits and circuit. */
  private record Route(Agent agent, List<Visit> visits, Map<Long, BoolVar> arcs, BoolVar unused) {}

  private final CpModel model = new CpModel();
  private final PlanningProblem problem;
  private final PartialSchedule base;
  private final List<ChainAssignment> frozen;
  private final long release;
  private final long horizon;
  private final double constant;
  /** Objective units per unit of Eq. (2). */
  private final double scale;
  private final List<List<Option>> options = new ArrayList<>();
  private final List<List<Visit>> visitsOf = new ArrayList<>();
  private final List<Route> routes = new ArrayList<>();
  private final IntVar[] coreStart;
  private final IntVar[] coreEnd;
  private final IntVar[] pos;
  private final LinearExprBuilder objective = LinearExpr.newBuilder();
  private IntVar makespan;

  /**
   * Builds the model.
   *
   * @param problem the problem
   * @param frozen assignments kept as they are, timed first in this order
   * @param releaseS seconds before which nothing else may start
   * @throws IllegalArgumentException if the frozen prefix is itself infeasible
   */
  CpSatExactModel(PlanningProblem problem, List<ChainAssignment> frozen, double releaseS) {
    this.problem = problem;
    this.frozen = List.copyOf(frozen);
    this.base = CpSatSupport.afterFrozen(problem, frozen);
    this.release = (long) Math.floor(releaseS * TIME);
    int m = problem.subtaskCount();
    this.coreStart = new IntVar[m];
    this.coreEnd = new IntVar[m];
    this.pos = new IntVar[m];
    this.horizon = CpSatSupport.horizon(problem, base, releaseS, TIME);
    this.constant = problem.weights().objective(0, base.resourceCost, base.travel);
    this.scale = scale(problem);
    build();
  }

  /**
   * Arc literals the exact model would need: per agent (visits + 1)^2.
   *
   * @param problem the problem
   * @param frozen the frozen prefix
   * @return the estimate
   */
  static long arcEstimate(PlanningProblem problem, List<ChainAssignment> frozen) {
    PartialSchedule base = CpSatSupport.afterFrozen(problem, frozen);
    long[] visits = new long[problem.agents().size()];
    for (int i = 0; i < problem.subtaskCount(); i++) {
      if (base.assigned(i)) {
        continue;
      }
      for (ActionPathChain c : problem.chainsOf(i)) {
        for (Agent a : problem.agents()) {
          if (a.type().name().equals(c.agentType())) {
            visits[a.id()]++;
          }
          for (int k = 0; k < c.steps().size(); k++) {
            if (problem.canPerform(a.id(), c.steps().get(k).action())) {
              visits[a.id()]++;
            }
          }
        }
      }
    }
    long arcs = 0;
    for (long v : visits) {
      arcs += (v + 1) * (v + 1);
    }
    return arcs;
  }

  private void build() {
    int m = problem.subtaskCount();
    int free = 0;
    for (int i = 0; i < m; i++) {
      if (!base.assigned(i)) {
        free++;
      }
    }
    List<IntVar> order = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      options.add(new ArrayList<>());
      if (base.assigned(i)) {
        continue;
      }
      pos[i] = model.newIntVar(0, Math.max(0, free - 1), "pos" + i);
      order.add(pos[i]);
      coreStart[i] = model.newIntVar(0, horizon, "cs" + i);
      coreEnd[i] = model.newIntVar(0, horizon, "ce" + i);
      for (ActionPathChain chain : problem.chainsOf(i)) {
        if (CpSatSupport.selfAllowed(problem, i, chain)
            && !problem.agentsOfType(chain.agentType()).isEmpty()) {
          options.get(i).add(option(i, chain));
        }
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
    if (order.size() > 1) {
      model.addAllDifferent(order.toArray(new IntVar[0]));
    }
    makespan = model.newIntVar((long) Math.floor(base.makespan * TIME), horizon, "tm");
    for (Agent a : problem.agents()) {
      visitsOf.add(new ArrayList<>());
    }
    for (List<Option> list : options) {
      for (Option o : list) {
        model.addGreaterOrEqual(makespan, o.end()[o.end().length - 1]).onlyEnforceIf(o.chosen());
        // Redundant and unconditional: the chosen option's core end is the subtask's.
        model.addGreaterOrEqual(makespan, coreEnd[o.subtask()]);
        masterVisits(o);
        for (int k = 0; k < o.start().length; k++) {
          helperVisits(o, k);
        }
      }
    }
    earliest();
    orderAndConflicts();
    masterSigma();
    resources();
    for (Agent a : problem.agents()) {
      route(a);
    }
    links();
    strategy();
    objective.addTerm(makespan, (long) Math.floor(problem.weights().alpha() * scale / TIME));
    model.minimize(objective);
  }

  /**
   * Objective units per unit of Eq. (2): fine enough that alpha's coefficient per millisecond is
   * about 10^6 (its rounding then costs 10^-6 of the makespan term), capped so that no literal's
   * coefficient exceeds 10^12.
   */
  private static double scale(PlanningProblem problem) {
    double maxDist = 0;
    int regions = problem.environment().regions().size();
    for (int a = 0; a < regions; a++) {
      for (int b = 0; b < regions; b++) {
        maxDist = Math.max(maxDist, problem.environment().distance(a, b));
      }
    }
    double maxCost = problem.weights().gamma() * maxDist;
    for (int i = 0; i < problem.subtaskCount(); i++) {
      for (ActionPathChain c : problem.chainsOf(i)) {
        ChainInfo info = problem.info(c);
        maxCost = Math.max(maxCost, problem.weights().beta() * info.resourceCost()
            + problem.weights().gamma() * info.internalTravel());
      }
    }
    double alpha = problem.weights().alpha();
    double want = alpha > 0 ? MAKESPAN_UNITS * TIME / alpha : 1e8;
    double cap = maxCost > 0 ? MAX_COEFFICIENT / maxCost : want;
    return Math.floor(Math.max(1e4, Math.min(want, cap)));
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
    }
    objective.addTerm(chosen, floorScaled(problem.weights().beta() * info.resourceCost())
        + floorScaled(problem.weights().gamma() * info.internalTravel()));
    List<List<Visit>> helpers = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      helpers.add(new ArrayList<>());
    }
    return new Option(i, chain, info, chosen, start, end, helpers);
  }

  /** One master visit per agent of the chain's type. */
  private void masterVisits(Option o) {
    int[] regions = o.info().regions();
    for (Agent a : problem.agentsOfType(o.chain().agentType())) {
      BoolVar x = model.newBoolVar("x" + a.id() + "_" + o.subtask());
      visitsOf.get(a.id()).add(new Visit(a.id(), o, -1, x, o.start()[0],
          o.end()[regions.length - 1], null, regions[0], regions[regions.length - 1]));
    }
  }

  /**
   * Candidate collaborators on step k, with the timer's rules: capable, not the master (linked
   * later), not an excluded type on the core, not forbidden by the subtask's own sigma^s before
   * its core. Adds the work-sharing constraint of the step.
   */
  private void helperVisits(Option o, int k) {
    var step = o.chain().steps().get(k);
    boolean core = k == o.chain().coreIndex();
    int i = o.subtask();
    long d = (long) Math.ceil(o.info().durations()[k] * TIME);
    int region = o.info().regions()[k];
    LinearExprBuilder work = LinearExpr.newBuilder().add(o.end()[k]).addTerm(o.start()[k], -1);
    for (Agent a : problem.agents()) {
      if (!problem.canPerform(a.id(), step.action())
          || (core && problem.subtask(i).excludedTypeLabels().contains(a.type().label()))) {
        continue;
      }
      Set<String> labels = ActionPathChainBuilder.labels(a.type(), step);
      Set<String> own = problem.subtask(i).forbiddenUntilDone();
      if (k < o.chain().coreIndex() && !own.isEmpty() && !Collections.disjoint(own, labels)) {
        continue;
      }
      String name = a.id() + "_" + i + "_" + o.chain().hashCode() + "_" + k;
      BoolVar y = model.newBoolVar("y" + name);
      IntVar e = model.newIntVar(0, horizon, "j" + name);
      IntVar leave = model.newIntVar(0, horizon, "l" + name);
      IntVar c = model.newIntVar(0, d + 1, "w" + name);
      model.addGreaterOrEqual(e, o.start()[k]);
      model.addGreaterOrEqual(leave, e);
      model.addGreaterOrEqual(leave, o.end()[k]);
      model.addLessOrEqual(LinearExpr.newBuilder().add(c).add(e).build(), o.end()[k])
          .onlyEnforceIf(y);
      model.addEquality(c, 0).onlyEnforceIf(y.not());
      model.addImplication(y, o.chosen());
      model.addGreaterOrEqual(makespan, leave).onlyEnforceIf(y);
      work.add(c).add(y);
      if (problem.anySelfLoop()) {
        sigmaWait(labels, i, e, y);
      }
      Visit v = new Visit(a.id(), o, k, y, e, leave, c, region, region);
      o.helpers().get(k).add(v);
      visitsOf.get(a.id()).add(v);
    }
    model.addGreaterOrEqual(work, d - 1);
    // Redundant: with h agents besides the master the step lasts at least d / (1 + h).
    List<Visit> on = o.helpers().get(k);
    if (!on.isEmpty()) {
      IntVar h = model.newIntVar(0, on.size(), "h" + i + "_" + o.chain().hashCode() + "_" + k);
      model.addEquality(h, LinearExpr.sum(on.stream().map(v -> (LinearArgument) v.active())
          .toArray(LinearArgument[]::new)));
      long[] table = new long[on.size() + 1];
      for (int j = 0; j <= on.size(); j++) {
        table[j] = Math.max(0, (long) Math.floor((double) d / (1 + j)) - 1);
      }
      IntVar least = model.newIntVar(table[on.size()], table[0], "m" + i + "_" + k);
      model.addElement(h, table, least);
      model.addGreaterOrEqual(LinearExpr.newBuilder().add(o.end()[k]).addTerm(o.start()[k], -1)
          .addTerm(least, -1).build(), 0);
    }
  }

  /**
   * Redundant, unconditional lower bounds that give the LP a critical path: a chain cannot start
   * before the earliest arrival of any agent of its type, its steps take at least d / (1 + h) with
   * every candidate helping, and a subtask's core cannot start (or end) before the earliest its
   * options allow. Without them the LP sees times only through enforced constraints and bounds
   * the makespan by almost nothing.
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
          model.addGreaterOrEqual(o.start()[k], t);
          long least = Math.max(0, (long) Math.floor(Math.ceil(o.info().durations()[k] * TIME)
              / (1 + o.helpers().get(k).size())) - 1);
          if (k == o.chain().coreIndex()) {
            coreFrom = Math.min(coreFrom, t);
            coreLength = Math.min(coreLength, least);
          }
          t += least;
        }
      }
      model.addGreaterOrEqual(coreStart[i], coreFrom);
      model.addGreaterOrEqual(LinearExpr.newBuilder().add(coreEnd[i]).addTerm(coreStart[i], -1)
          .build(), coreLength);
    }
  }

  /** A step whose labels another subtask's sigma^s forbids waits for that subtask's end. */
  private void sigmaWait(Set<String> labels, int self, IntVar time, Literal when) {
    for (int j = 0; j < problem.subtaskCount(); j++) {
      Set<String> forbidden = problem.subtask(j).forbiddenUntilDone();
      if (j == self || forbidden.isEmpty() || Collections.disjoint(forbidden, labels)) {
        continue;
      }
      if (base.assigned(j)) {
        model.addGreaterOrEqual(time, (long) Math.floor(base.coreFinish[j] * TIME))
            .onlyEnforceIf(when);
      } else {
        model.addGreaterOrEqual(time, coreEnd[j]).onlyEnforceIf(when);
        model.addLessOrEqual(LinearExpr.affine(pos[j], 1, 1), pos[self]).onlyEnforceIf(when);
      }
    }
  }

  private void masterSigma() {
    if (!problem.anySelfLoop()) {
      return;
    }
    for (List<Option> list : options) {
      for (Option o : list) {
        Agent any = problem.agentsOfType(o.chain().agentType()).get(0);
        for (int k = 0; k < o.start().length; k++) {
          sigmaWait(ActionPathChainBuilder.labels(any.type(), o.chain().steps().get(k)),
              o.subtask(), o.start()[k], o.chosen());
        }
      }
    }
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
          model.addLessOrEqual(LinearExpr.affine(pos[p], 1, 1), pos[i]);
        }
      }
      for (int c : problem.conflicts(i)) {
        if (base.assigned(c)) {
          model.addGreaterOrEqual(coreStart[i], (long) Math.floor(base.coreFinish[c] * TIME));
        } else if (c > i) {
          BoolVar first = model.newBoolVar("cf" + i + "_" + c);
          model.addGreaterOrEqual(coreStart[c], coreEnd[i]).onlyEnforceIf(first);
          model.addLessOrEqual(LinearExpr.affine(pos[i], 1, 1), pos[c]).onlyEnforceIf(first);
          model.addGreaterOrEqual(coreStart[i], coreEnd[c]).onlyEnforceIf(first.not());
          model.addLessOrEqual(LinearExpr.affine(pos[c], 1, 1), pos[i])
              .onlyEnforceIf(first.not());
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

  /** The agent's circuit over its visits; arcs follow the assignment order and price travel. */
  private void route(Agent agent) {
    List<Visit> visits = visitsOf.get(agent.id());
    BoolVar unused = model.newBoolVar("u" + agent.id());
    Map<Long, BoolVar> arcs = new HashMap<>();
    routes.add(new Route(agent, visits, arcs, unused));
    if (visits.isEmpty()) {
      model.addEquality(unused, 1);
      return;
    }
    CircuitConstraint circuit = model.addCircuit();
    circuit.addArc(0, 0, unused);
    double speed = agent.type().speedMps();
    int loc = base.location[agent.id()];
    long depart = Math.max((long) Math.floor(base.ready[agent.id()] * TIME), release);
    double gamma = problem.weights().gamma();
    for (int a = 0; a < visits.size(); a++) {
      Visit v = visits.get(a);
      circuit.addArc(a + 1, a + 1, v.active().not());
      model.addImplication(v.active(), unused.not());
      BoolVar in = model.newBoolVar("a" + agent.id() + "_0_" + (a + 1));
      circuit.addArc(0, a + 1, in);
      arcs.put(key(0, a + 1), in);
      model.addGreaterOrEqual(v.arrive(), depart + travelTime(loc, v.firstRegion(), speed))
          .onlyEnforceIf(in);
      objective.addTerm(in, floorScaled(gamma * distance(loc, v.firstRegion())));
      BoolVar out = model.newBoolVar("a" + agent.id() + "_" + (a + 1) + "_0");
      circuit.addArc(a + 1, 0, out);
      arcs.put(key(a + 1, 0), out);
    }
    for (int a = 0; a < visits.size(); a++) {
      Visit from = visits.get(a);
      for (int b = 0; b < visits.size(); b++) {
        Visit to = visits.get(b);
        if (!canFollow(from, to)) {
          continue;
        }
        BoolVar arc = model.newBoolVar("a" + agent.id() + "_" + (a + 1) + "_" + (b + 1));
        circuit.addArc(a + 1, b + 1, arc);
        arcs.put(key(a + 1, b + 1), arc);
        model.addGreaterOrEqual(LinearExpr.affine(to.arrive(), 1, 0),
            LinearExpr.affine(from.leave(), 1,
                travelTime(from.lastRegion(), to.firstRegion(), speed))).onlyEnforceIf(arc);
        int fi = from.option().subtask();
        int ti = to.option().subtask();
        if (fi != ti) {
          model.addLessOrEqual(LinearExpr.affine(pos[fi], 1, 1), pos[ti]).onlyEnforceIf(arc);
        }
        objective.addTerm(arc,
            floorScaled(gamma * distance(from.lastRegion(), to.firstRegion())));
      }
    }
  }

  /** Whether one visit may directly follow another in an agent's sequence. */
  private boolean canFollow(Visit from, Visit to) {
    if (from.option().subtask() == to.option().subtask()) {
      // Same chain only, collaborator on an earlier step then on a later one.
      return from.option() == to.option() && from.step() >= 0 && to.step() > from.step();
    }
    return !CpSatSupport.precedes(problem, to.option().subtask(), from.option().subtask());
  }

  /** One master per chosen option; no agent is master and collaborator of one chain. */
  private void links() {
    Map<Option, LinearExprBuilder> masters = new HashMap<>();
    Map<Option, Map<Integer, BoolVar>> masterOf = new HashMap<>();
    for (List<Visit> list : visitsOf) {
      for (Visit v : list) {
        if (v.step() < 0) {
          masters.computeIfAbsent(v.option(), x -> LinearExpr.newBuilder()).add(v.active());
          masterOf.computeIfAbsent(v.option(), x -> new HashMap<>()).put(v.agent(), v.active());
        }
      }
    }
    for (List<Option> list : options) {
      for (Option o : list) {
        model.addEquality(masters.get(o), o.chosen());
        for (List<Visit> helpers : o.helpers()) {
          for (Visit h : helpers) {
            BoolVar x = masterOf.get(o).get(h.agent());
            if (x != null) {
              model.addBoolOr(new Literal[] {x.not(), h.active().not()});
            }
          }
        }
      }
    }
    for (int a = 0; a < routes.size(); a++) {
      for (int b = a + 1; b < routes.size(); b++) {
        if (CpSatSupport.twins(base, routes.get(a).agent(), routes.get(b).agent())) {
          model.addImplication(routes.get(a).unused(), routes.get(b).unused());
          break;
        }
      }
    }
  }

  /**
   * Branch on the discrete choices first (order, chains, masters, arcs, collaborators; "no"
   * first), then put every time at its earliest: once the choices are fixed, propagation alone
   * yields the timer's schedule, so the search is a branch and bound over the choices.
   */
  private void strategy() {
    List<IntVar> order = new ArrayList<>();
    List<IntVar> bools = new ArrayList<>();
    List<IntVar> times = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      if (pos[i] != null) {
        order.add(pos[i]);
      }
      for (Option o : options.get(i)) {
        bools.add(o.chosen());
        times.addAll(List.of(o.start()));
        times.addAll(List.of(o.end()));
      }
    }
    for (List<Visit> list : visitsOf) {
      for (Visit v : list) {
        bools.add(v.active());
        if (v.step() >= 0) {
          times.add(v.arrive());
          times.add(v.leave());
        }
      }
    }
    for (Route r : routes) {
      bools.addAll(r.arcs().values());
    }
    times.add(makespan);
    model.addDecisionStrategy(order.toArray(new IntVar[0]),
        DecisionStrategyProto.VariableSelectionStrategy.CHOOSE_FIRST,
        DecisionStrategyProto.DomainReductionStrategy.SELECT_MIN_VALUE);
    model.addDecisionStrategy(bools.toArray(new IntVar[0]),
        DecisionStrategyProto.VariableSelectionStrategy.CHOOSE_FIRST,
        DecisionStrategyProto.DomainReductionStrategy.SELECT_MIN_VALUE);
    model.addDecisionStrategy(times.toArray(new IntVar[0]),
        DecisionStrategyProto.VariableSelectionStrategy.CHOOSE_FIRST,
        DecisionStrategyProto.DomainReductionStrategy.SELECT_LOWER_HALF);
  }

  private double distance(int from, int to) {
    return problem.environment().distance(from, to);
  }

  private long travelTime(int from, int to, double speed) {
    return (long) Math.floor(distance(from, to) / speed * TIME);
  }

  private long floorScaled(double v) {
    return (long) Math.floor(v * scale);
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | b;
  }

  @Override
  public CpModel model() {
    return model;
  }

  /**
   * One tick per rounded time on a plan's critical path (per step its start, end and each agent's
   * join), one objective unit per term, and the rounding of alpha's coefficient.
   */
  @Override
  public double roundingSlack(double objective) {
    long steps = 0;
    for (List<Option> list : options) {
      steps += list.stream().mapToLong(o -> o.start().length).max().orElse(0);
    }
    long ticks = steps * (problem.agents().size() + 3);
    long terms = 4 * steps + problem.agents().size() + 1;
    double perTick = problem.weights().alpha() * scale / TIME;
    double coefficient = perTick > 0 ? (perTick - Math.floor(perTick)) / perTick : 0;
    return problem.weights().alpha() * ticks / TIME + terms / scale + coefficient * objective;
  }

  @Override
  public boolean exact() {
    return true;
  }

  @Override
  public double realBound(double modelBound) {
    return modelBound / scale + constant;
  }

  @Override
  public List<ChainAssignment> decode(ToLongFunction<LinearArgument> value) {
    record Picked(ChainAssignment a, long pos) {}
    List<Picked> picked = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      for (Option o : options.get(i)) {
        if (value.applyAsLong(o.chosen()) != 1) {
          continue;
        }
        int master = -1;
        List<List<Integer>> helpers = new ArrayList<>();
        for (int k = 0; k < o.start().length; k++) {
          List<Integer> on = new ArrayList<>();
          for (Visit h : o.helpers().get(k)) {
            if (value.applyAsLong(h.active()) == 1) {
              on.add(h.agent());
            }
          }
          helpers.add(on);
        }
        for (List<Visit> list : visitsOf) {
          for (Visit v : list) {
            if (v.option() == o && v.step() < 0 && value.applyAsLong(v.active()) == 1) {
              master = v.agent();
            }
          }
        }
        picked.add(new Picked(new ChainAssignment(problem.subtask(i).id(), o.chain(), master,
            helpers), value.applyAsLong(pos[i])));
      }
    }
    picked.sort(Comparator.comparingLong(Picked::pos));
    List<ChainAssignment> out = new ArrayList<>(frozen);
    picked.forEach(p -> out.add(p.a()));
    return out;
  }

  @Override
  public void hint(List<ChainAssignment> assignments, Plan timed) {
    Map<Integer, List<Integer>> sequence = new HashMap<>();
    Map<Visit, Boolean> on = new HashMap<>();
    int place = 0;
    for (ChainAssignment a : assignments) {
      int i = problem.indexOf(a.subtaskId());
      if (base.assigned(i)) {
        continue;
      }
      model.addHint(pos[i], place++);
      for (Option o : options.get(i)) {
        boolean same = o.chain().equals(a.chain());
        model.addHint(o.chosen(), same);
        if (!same) {
          continue;
        }
        for (Visit v : visitsOf.get(a.master())) {
          if (v.option() == o && v.step() < 0) {
            on.put(v, true);
            sequence.computeIfAbsent(a.master(), x -> new ArrayList<>())
                .add(visitsOf.get(a.master()).indexOf(v) + 1);
          }
        }
        for (int k = 0; k < a.helpers().size(); k++) {
          for (int h : a.helpers().get(k)) {
            for (Visit v : o.helpers().get(k)) {
              if (v.agent() == h) {
                on.put(v, true);
                sequence.computeIfAbsent(h, x -> new ArrayList<>())
                    .add(visitsOf.get(h).indexOf(v) + 1);
              }
            }
          }
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
            model.addHint(o.end()[st.stepIndex()], (long) Math.floor(st.finishS() * TIME));
          }
        }
      }
    }
    for (Route r : routes) {
      List<Integer> nodes = sequence.getOrDefault(r.agent().id(), List.of());
      model.addHint(r.unused(), nodes.isEmpty());
      for (Visit v : r.visits()) {
        model.addHint(v.active(), on.getOrDefault(v, false));
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
