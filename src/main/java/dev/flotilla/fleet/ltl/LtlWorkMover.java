package dev.flotilla.fleet.ltl;

import dev.flotilla.plan.AgentPlan;
import dev.flotilla.plan.ChainAssignment;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.PlanEvaluator;
import dev.flotilla.plan.PlanningProblem;
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
 * same type, without a search: chain by chain in assignment order, each such master or
 * collaborator is replaced by the agent of its type whose choice gives the lowest objective (Eq. 2)
 * of the whole plan, timed by {@link PlanEvaluator}. A moved chain that had started starts again on
 * its new agent (it is timed from the release time). Which chains are finished (and stay) the
 * caller says. A chain no other agent can take stays where it is, with the reason. Reported steps
 * keep their indices: those of agents in the pool always, those of a failed agent when they stay
 * on it (a moved chain takes its steps with it). Time: chains × roles × agents plan evaluations.
 */
final class LtlWorkMover {
  private LtlWorkMover() {}

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
   * @return the moves
   */
  static Moves move(PlanningProblem problem, Plan plan, Set<Integer> pausedAgents,
      Set<Integer> failedAgents, Set<Integer> started, Set<Integer> finished, double releaseS,
      Set<String> reported) {
    Map<String, Integer> positions = reportedPositions(plan, reported);
    List<ChainAssignment> current = new ArrayList<>(plan.assignments());
    Set<Integer> st = new HashSet<>(started);
    Set<Integer> moved = new HashSet<>();
    Map<Integer, String> stuck = new LinkedHashMap<>();
    PlanEvaluator evaluator = new PlanEvaluator(problem);
    Set<Integer> exempt = new HashSet<>(pausedAgents);
    exempt.removeAll(failedAgents);
    for (int i = 0; i < current.size(); i++) {
      ChainAssignment a = current.get(i);
      int id = a.subtaskId();
      if (!involves(a, pausedAgents) || finished.contains(id)) {
        continue;
      }
      Set<Integer> tryStarted = new HashSet<>(st);
      tryStarted.remove(id);
      Optional<ChainAssignment> replacement = replace(evaluator, problem.agents(), current, i,
          pausedAgents, tryStarted, releaseS, new Positions(positions, exempt, failedAgents));
      if (replacement.isEmpty()) {
        String type = pausedAgents.contains(a.master()) ? a.chain().agentType()
            : problem.agents().get(a.helpers().stream().flatMap(List::stream)
                .filter(pausedAgents::contains).findFirst().orElseThrow()).type().name();
        stuck.put(id, "no other robot of type " + type + " in the LTL pool (not paused, not "
            + "failed) can take its part in a plan that keeps the order and every robot's "
            + "reported steps at their indices");
        continue;
      }
      current.set(i, replacement.get());
      st = tryStarted;
      moved.add(id);
    }
    return new Moves(current, st, moved, stuck);
  }

  private static Optional<ChainAssignment> replace(PlanEvaluator evaluator, List<Agent> agents,
      List<ChainAssignment> current, int i, Set<Integer> paused, Set<Integer> started,
      double releaseS, Positions positions) {
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
      for (int slot = 0; slot < a.helpers().get(k).size(); slot++) {
        int h = a.helpers().get(k).get(slot);
        if (!paused.contains(h)) {
          continue;
        }
        String type = agents.get(h).type().name();
        ChainAssignment best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (Agent c : agents) {
          if (paused.contains(c.id()) || !c.type().name().equals(type) || c.id() == a.master()
              || a.helpers().get(k).contains(c.id())) {
            continue;
          }
          ChainAssignment candidate = withHelper(a, k, slot, c.id());
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
    }
    double cost = cost(evaluator, current, i, a, started, releaseS, positions);
    return cost < Double.POSITIVE_INFINITY ? Optional.of(a) : Optional.empty();
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
   * @param exempt paused agents: their reported steps may move
   * @param failed failed agents: their reported steps may leave with a moved chain, not shift
   */
  private record Positions(Map<String, Integer> at, Set<Integer> exempt, Set<Integer> failed) {}

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
   * Whether every reported step of an agent that is not paused is still at its index (a failed
   * agent's may also be gone, moved with its chain).
   */
  private static boolean keepsPositions(Plan plan, Positions positions) {
    Map<String, Integer> now = reportedPositions(plan, positions.at().keySet());
    for (Map.Entry<String, Integer> e : positions.at().entrySet()) {
      int agent = Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('/')));
      Integer at = now.get(e.getKey());
      if (positions.exempt().contains(agent)
          || (at == null && positions.failed().contains(agent))) {
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
