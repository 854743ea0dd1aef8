package dev.flotilla.fleet.ltl;

import dev.flotilla.plan.AgentPlan;
import dev.flotilla.plan.ChainAssignment;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.PlanEvaluator;
import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.PlanValidator;
import dev.flotilla.plan.PlanningProblem;
import dev.flotilla.plan.Role;
import dev.flotilla.plan.model.Agent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves the unfinished chains of agents out of the pool (paused or failed) to other agents of the
 * same type. First without a search: chain by chain in assignment order, a paused master is
 * replaced by the agent of its type not yet on the chain whose choice gives the lowest objective
 * (Eq. 2 of seed 003) of the whole plan, timed by {@link PlanEvaluator}, and a paused collaborator
 * likewise or dropped (collaborators only share a step's work, Section 2.3, so a chain needs none
 * of them). That swap cannot place a chain whose master is lost while every other agent of its
 * type collaborates on it: on the track field's Case 2 the plan put all four volunteers on phi1's
 * {@code sw_r2}, led by one of them. The chains it leaves stuck then go through a bounded
 * depth-first search over their roles ({@link #reshape}): any pool agent of the type may take a
 * lost master's place (a collaborator of the chain is promoted and leaves its collaborator
 * places), and each lost collaborator is replaced or dropped. The searched moves are kept only
 * when the whole plan can be timed, keeps every reported step at its index and gives {@link
 * PlanValidator} nothing new to report; else the swap's result stands, with its reasons.
 *
 * <p>A moved chain that had started starts again on its new agent (it is timed from the release
 * time). Which chains are finished (and stay) the caller says. A chain no other agent can take
 * stays where it is, with the reason. Reported steps keep their indices (a paused robot keeps
 * working on what stays, and robots and the synchronizer follow steps by index); a moved chain
 * takes a lost agent's steps with it, except collaborator places it reported finishing, which
 * are done and stay. Collaborators a move leaves arriving after their step's work is done are
 * dropped ({@link #dropLate}). Time: chains × roles × agents plan evaluations for the swap, at
 * most {@link #SEARCH_EVALUATIONS} more for the search (a count, not a clock, so equal inputs
 * give equal moves), and collaborator steps squared for the late ones; on the Case 2 plan a
 * whole move takes about a millisecond.
 */
final class LtlWorkMover {
  private LtlWorkMover() {}

  /** Plan evaluations the search over stuck chains may spend, all chains together. */
  static final int SEARCH_EVALUATIONS = 20_000;

  /**
   * @param assignments the moved plan's assignments, in order
   * @param started started subtasks (moved chains are no longer started)
   * @param moved subtask ids whose chain moved
   * @param stuck subtask id to why it could not move
   */
  record Moves(List<ChainAssignment> assignments, Set<Integer> started, Set<Integer> moved,
      Map<Integer, String> stuck) {}

  /**
   * @param problem the running problem
   * @param plan the running plan
   * @param pausedAgents agents out of the pool (paused or failed) to move work off
   * @param failedAgents those of them that failed: their reported steps that stay keep their
   *     indices too
   * @param started started subtasks
   * @param finished subtasks whose chain is finished: they stay
   * @param releaseS seconds since the plan's epoch
   * @param reported steps robots reported reaching or finishing ({@link
   *     LtlTaskPlanner#stepKey}): a move may not change the index of any that stays
   * @param completed those of them robots reported finishing: a collaborator place of a paused
   *     or failed agent whose step it finished is done work, and stays
   * @return the moves
   */
  static Moves move(PlanningProblem problem, Plan plan, Set<Integer> pausedAgents,
      Set<Integer> failedAgents, Set<Integer> started, Set<Integer> finished, double releaseS,
      Set<String> reported, Set<String> completed) {
    Lost lost = new Lost(pausedAgents, completed);
    Positions positions = new Positions(reportedPositions(plan, reported), lost);
    List<ChainAssignment> current = new ArrayList<>(plan.assignments());
    Set<Integer> st = new HashSet<>(started);
    Set<Integer> moved = new HashSet<>();
    Map<Integer, String> stuck = new LinkedHashMap<>();
    PlanEvaluator evaluator = new PlanEvaluator(problem);
    for (int i = 0; i < current.size(); i++) {
      ChainAssignment a = current.get(i);
      int id = a.subtaskId();
      if (!lost.involves(a) || finished.contains(id)) {
        continue;
      }
      Set<Integer> tryStarted = new HashSet<>(st);
      tryStarted.remove(id);
      Optional<ChainAssignment> replacement = replace(evaluator, problem.agents(), current, i,
          lost, tryStarted, releaseS, positions);
      if (replacement.isEmpty()) {
        String type = pausedAgents.contains(a.master()) ? a.chain().agentType()
            : problem.agents().get(lost.firstHelper(a)).type().name();
        stuck.put(id, "no other robot of type " + type + " in the LTL pool (not paused, not "
            + "failed) can take its part in a plan that keeps the order and every robot's "
            + "reported steps at their indices");
        continue;
      }
      current.set(i, replacement.get());
      st = tryStarted;
      moved.add(id);
    }
    Moves swapped = new Moves(current, st, moved, stuck);
    Moves out = swapped;
    if (!stuck.isEmpty()) {
      Moves searched = searchStuck(problem, evaluator, swapped, lost, releaseS, positions);
      if (accepted(problem, evaluator, swapped, searched, lost, releaseS, positions)) {
        out = searched;
      }
    }
    return out.moved().isEmpty() ? out
        : dropLate(evaluator, out, finished, releaseS, positions);
  }

  /**
   * Drops the collaborators of unfinished chains that would arrive after their step's work is
   * done: a move can make one late (its robot takes a moved chain first). The timing lets it
   * just move on (rule 4 of ChainTimer), so it adds travel and nothing else, while its plan would
   * send its robot to a step it cannot reach in time. Dropped only where every reported step
   * keeps its index (so never one its robot reported reaching).
   */
  private static Moves dropLate(PlanEvaluator evaluator, Moves m, Set<Integer> finished,
      double releaseS, Positions positions) {
    List<ChainAssignment> current = new ArrayList<>(m.assignments());
    boolean dropped = true;
    while (dropped) { // each round drops one collaborator, so it ends
      dropped = false;
      Plan plan = evaluator.evaluate(current, released(current, m.started()), releaseS)
          .orElseThrow();
      for (AgentPlan agent : plan.agents()) {
        for (PlanStep s : agent.steps()) {
          if (dropped || s.role() != Role.COLLABORATOR || s.startS() < s.finishS()
              || finished.contains(s.subtaskId())) {
            continue;
          }
          ChainAssignment a = current.get(s.chainIndex());
          ChainAssignment less = withoutHelper(a, s.stepIndex(),
              a.helpers().get(s.stepIndex()).indexOf(agent.agentId()));
          List<ChainAssignment> next = new ArrayList<>(current);
          next.set(s.chainIndex(), less);
          if (evaluator.evaluate(next, released(next, m.started()), releaseS)
              .filter(p -> keepsPositions(p, positions)).isPresent()) {
            current = next;
            dropped = true;
          }
        }
      }
    }
    return new Moves(current, m.started(), m.moved(), m.stuck());
  }

  /**
   * Re-places the chains the swap left stuck, each by {@link #reshape}, in assignment order and
   * again while some chain moves (a placed chain may free the way for another).
   */
  private static Moves searchStuck(PlanningProblem problem, PlanEvaluator evaluator, Moves from,
      Lost lost, double releaseS, Positions positions) {
    List<ChainAssignment> current = new ArrayList<>(from.assignments());
    Set<Integer> st = new HashSet<>(from.started());
    Set<Integer> moved = new HashSet<>(from.moved());
    Map<Integer, String> stuck = new LinkedHashMap<>(from.stuck());
    int[] budget = {SEARCH_EVALUATIONS};
    boolean progress = true;
    while (progress && budget[0] > 0) {
      progress = false;
      for (int i = 0; i < current.size(); i++) {
        int id = current.get(i).subtaskId();
        if (!stuck.containsKey(id)) {
          continue;
        }
        Set<Integer> tryStarted = new HashSet<>(st);
        tryStarted.remove(id);
        Optional<ChainAssignment> found = reshape(evaluator, problem.agents(), current, i, lost,
            tryStarted, releaseS, positions, budget);
        if (found.isPresent()) {
          current.set(i, found.get());
          st = tryStarted;
          moved.add(id);
          stuck.remove(id);
          progress = true;
        }
      }
    }
    return new Moves(current, st, moved, stuck);
  }

  /**
   * The cheapest way to run chain {@code i} without the paused agents, by depth-first search: its
   * master stays or, when paused, is any pool agent of the chain's type (one collaborating on the
   * chain leaves its collaborator places); each paused collaborator place not yet done is replaced
   * by a pool agent of its own type not already on that step, or dropped. Other places stay.
   *
   * @param budget plan evaluations left, decremented
   * @return the assignment, or empty when none is feasible within the budget
   */
  private static Optional<ChainAssignment> reshape(PlanEvaluator evaluator, List<Agent> agents,
      List<ChainAssignment> current, int i, Lost lost, Set<Integer> started,
      double releaseS, Positions positions, int[] budget) {
    ChainAssignment a = current.get(i);
    List<Integer> masters = new ArrayList<>();
    if (!lost.agents().contains(a.master())) {
      masters.add(a.master());
    } else {
      for (Agent c : agents) {
        if (!lost.agents().contains(c.id())
            && c.type().name().equals(a.chain().agentType())) {
          masters.add(c.id());
        }
      }
    }
    Search search = new Search(evaluator, agents, current, i, lost, started, releaseS,
        positions, budget);
    for (int m : masters) {
      List<List<Integer>> helpers = new ArrayList<>();
      for (List<Integer> h : a.helpers()) {
        List<Integer> kept = new ArrayList<>(h);
        kept.remove(Integer.valueOf(m));
        helpers.add(kept);
      }
      search.roles(new ChainAssignment(a.subtaskId(), a.chain(), m, helpers), 0);
    }
    return Optional.ofNullable(search.best);
  }

  /** The depth-first search of {@link #reshape} over the paused collaborators' places. */
  private static final class Search {
    private final PlanEvaluator evaluator;
    private final List<Agent> agents;
    private final List<ChainAssignment> current;
    private final int i;
    private final Lost lost;
    private final Set<Integer> started;
    private final double releaseS;
    private final Positions positions;
    private final int[] budget;
    private ChainAssignment best;
    private double bestCost = Double.POSITIVE_INFINITY;

    Search(PlanEvaluator evaluator, List<Agent> agents, List<ChainAssignment> current, int i,
        Lost lost, Set<Integer> started, double releaseS, Positions positions, int[] budget) {
      this.evaluator = evaluator;
      this.agents = agents;
      this.current = current;
      this.i = i;
      this.lost = lost;
      this.started = started;
      this.releaseS = releaseS;
      this.positions = positions;
      this.budget = budget;
    }

    /** Fills the paused collaborator places from step {@code k} on, then times the result. */
    void roles(ChainAssignment a, int k) {
      if (budget[0] <= 0) {
        return;
      }
      int step = k;
      while (step < a.helpers().size() && lost.slot(a, step) < 0) {
        step++;
      }
      if (step == a.helpers().size()) {
        budget[0]--;
        double cost = cost(evaluator, current, i, a, started, releaseS, positions);
        if (cost < bestCost) {
          bestCost = cost;
          best = a;
        }
        return;
      }
      List<Integer> at = a.helpers().get(step);
      int slot = lost.slot(a, step);
      String type = agents.get(at.get(slot)).type().name();
      roles(withoutHelper(a, step, slot), step); // first, so that it wins ties as in replace
      for (Agent c : agents) {
        if (!lost.agents().contains(c.id()) && c.type().name().equals(type)
            && c.id() != a.master() && !at.contains(c.id())) {
          roles(withHelper(a, step, slot, c.id()), step);
        }
      }
    }
  }

  /**
   * Whether the searched moves may replace the swap's: the whole plan can be timed, every
   * reported step that stays keeps its index, no moved chain keeps a paused agent, and {@link
   * PlanValidator} finds nothing wrong that it does not find in the swap's plan too (a robot
   * swapped in can already be late there for a step it collaborates on; the search must not add
   * to that). The search builds its plans to meet these; this checks the result as a whole rather
   * than trusting each step of it.
   */
  private static boolean accepted(PlanningProblem problem, PlanEvaluator evaluator, Moves swapped,
      Moves searched, Lost lost, double releaseS, Positions positions) {
    if (searched.moved().equals(swapped.moved())) {
      return false;
    }
    Optional<Plan> plan = timed(evaluator, searched, releaseS);
    Optional<Plan> before = timed(evaluator, swapped, releaseS);
    if (plan.isEmpty() || before.isEmpty() || !keepsPositions(plan.get(), positions)
        || searched.assignments().stream().anyMatch(a -> searched.moved().contains(a.subtaskId())
            && lost.involves(a))) {
      return false;
    }
    PlanValidator validator = new PlanValidator(problem);
    return new HashSet<>(validator.violations(before.get()))
        .containsAll(validator.violations(plan.get()));
  }

  private static Optional<Plan> timed(PlanEvaluator evaluator, Moves m, double releaseS) {
    return evaluator.evaluate(m.assignments(), released(m.assignments(), m.started()), releaseS);
  }

  private static Optional<ChainAssignment> replace(PlanEvaluator evaluator, List<Agent> agents,
      List<ChainAssignment> current, int i, Lost lost, Set<Integer> started,
      double releaseS, Positions positions) {
    Set<Integer> paused = lost.agents();
    ChainAssignment a = current.get(i);
    if (paused.contains(a.master())) {
      ChainAssignment best = null;
      double bestCost = Double.POSITIVE_INFINITY;
      for (Agent c : agents) {
        if (paused.contains(c.id()) || !c.type().name().equals(a.chain().agentType())
            || a.helpers().stream().anyMatch(h -> h.contains(c.id()))) {
          continue;
        }
        ChainAssignment candidate =
            new ChainAssignment(a.subtaskId(), a.chain(), c.id(), a.helpers());
        double cost = cost(evaluator, current, i, candidate, started, releaseS, positions);
        if (cost < bestCost) {
          bestCost = cost;
          best = candidate;
        }
      }
      if (best == null) {
        return Optional.empty();
      }
      a = best;
    }
    for (int k = 0; k < a.helpers().size(); k++) {
      List<Integer> at = a.helpers().get(k);
      for (int slot = at.size() - 1; slot >= 0; slot--) {
        int h = at.get(slot);
        if (!lost.at(a, k, h)) {
          continue;
        }
        // Dropping the collaborator is a candidate too, and wins ties: one that would arrive
        // after the work is done only adds travel (rule 4 of ChainTimer).
        ChainAssignment best = withoutHelper(a, k, slot);
        double bestCost = cost(evaluator, current, i, best, started, releaseS, positions);
        String type = agents.get(h).type().name();
        for (Agent c : agents) {
          if (paused.contains(c.id()) || !c.type().name().equals(type) || c.id() == a.master()
              || at.contains(c.id())) {
            continue;
          }
          ChainAssignment candidate = withHelper(a, k, slot, c.id());
          double cost = cost(evaluator, current, i, candidate, started, releaseS, positions);
          if (cost < bestCost) {
            bestCost = cost;
            best = candidate;
          }
        }
        a = best;
        at = a.helpers().get(k);
      }
    }
    double cost = cost(evaluator, current, i, a, started, releaseS, positions);
    return cost < Double.POSITIVE_INFINITY ? Optional.of(a) : Optional.empty();
  }

  private static ChainAssignment withoutHelper(ChainAssignment a, int step, int slot) {
    List<List<Integer>> helpers = new ArrayList<>(a.helpers());
    List<Integer> at = new ArrayList<>(helpers.get(step));
    at.remove(slot);
    helpers.set(step, at);
    return new ChainAssignment(a.subtaskId(), a.chain(), a.master(), helpers);
  }

  private static ChainAssignment withHelper(ChainAssignment a, int step, int slot, int agent) {
    List<List<Integer>> helpers = new ArrayList<>(a.helpers());
    List<Integer> at = new ArrayList<>(helpers.get(step));
    at.set(slot, agent);
    helpers.set(step, at);
    return new ChainAssignment(a.subtaskId(), a.chain(), a.master(), helpers);
  }

  /**
   * Reported steps and their indices before the move.
   *
   * @param at index in its agent's list of each reported step
   * @param lost the places taken off: a paused or failed agent's reported steps may leave with a
   *     moved chain, not shift (a robot keeps working on what stays, and a shifted step is one it
   *     drops)
   */
  private record Positions(Map<String, Integer> at, Lost lost) {}

  /**
   * The places to take off: every place of a paused or failed agent except a collaborator place
   * whose step it reported finishing (done work stays in the plan; dropping it would also shift
   * the agent's later steps).
   *
   * @param agents paused and failed agents
   * @param done steps reported finished ({@link LtlTaskPlanner#stepKey})
   */
  private record Lost(Set<Integer> agents, Set<String> done) {
    /** Whether agent {@code h}'s collaborator place at chain step {@code k} must go. */
    boolean at(ChainAssignment a, int k, int h) {
      return agents.contains(h) && !done.contains(LtlTaskPlanner.stepKey(h, a.subtaskId(), k));
    }

    /** The first slot of chain step {@code k} that must go, or -1. */
    int slot(ChainAssignment a, int k) {
      List<Integer> at = a.helpers().get(k);
      for (int s = 0; s < at.size(); s++) {
        if (at(a, k, at.get(s))) {
          return s;
        }
      }
      return -1;
    }

    /** Whether the chain has a place that must go. */
    boolean involves(ChainAssignment a) {
      if (agents.contains(a.master())) {
        return true;
      }
      for (int k = 0; k < a.helpers().size(); k++) {
        if (slot(a, k) >= 0) {
          return true;
        }
      }
      return false;
    }

    /** The agent of the chain's first collaborator place that must go. */
    int firstHelper(ChainAssignment a) {
      for (int k = 0; k < a.helpers().size(); k++) {
        int s = slot(a, k);
        if (s >= 0) {
          return a.helpers().get(k).get(s);
        }
      }
      throw new IllegalStateException("Chain " + a.subtaskId() + " has no place to move.");
    }
  }

  /**
   * The plan's objective with one assignment replaced, or infinity when it cannot be timed or it
   * moves a reported step to another index (see {@link Positions}).
   */
  private static double cost(PlanEvaluator evaluator, List<ChainAssignment> current, int i,
      ChainAssignment candidate, Set<Integer> started, double releaseS, Positions positions) {
    List<ChainAssignment> next = new ArrayList<>(current);
    next.set(i, candidate);
    return evaluator.evaluate(next, released(next, started), releaseS)
        .filter(p -> keepsPositions(p, positions))
        .map(Plan::objective).orElse(Double.POSITIVE_INFINITY);
  }

  /** Index in its agent's list of each reported step of the plan. */
  private static Map<String, Integer> reportedPositions(Plan plan, Set<String> reported) {
    Map<String, Integer> out = new HashMap<>();
    for (AgentPlan agent : plan.agents()) {
      for (int k = 0; k < agent.steps().size(); k++) {
        String key = LtlTaskPlanner.stepKey(agent.agentId(), agent.steps().get(k));
        if (reported.contains(key)) {
          out.put(key, k);
        }
      }
    }
    return out;
  }

  /**
   * Whether every reported step is still at its index (a paused or failed agent's may also be
   * gone, moved with its chain).
   */
  private static boolean keepsPositions(Plan plan, Positions positions) {
    Map<String, Integer> now = reportedPositions(plan, positions.at().keySet());
    for (Map.Entry<String, Integer> e : positions.at().entrySet()) {
      int agent = Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('/')));
      Integer at = now.get(e.getKey());
      if (at == null && positions.lost().agents().contains(agent)) {
        continue;
      }
      if (!e.getValue().equals(at)) {
        return false;
      }
    }
    return true;
  }

  static boolean[] released(List<ChainAssignment> assignments, Set<Integer> started) {
    boolean[] out = new boolean[assignments.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = !started.contains(assignments.get(i).subtaskId());
    }
    return out;
  }

  static boolean involves(ChainAssignment a, Set<Integer> agents) {
    return agents.contains(a.master())
        || a.helpers().stream().anyMatch(h -> h.stream().anyMatch(agents::contains));
  }
}
