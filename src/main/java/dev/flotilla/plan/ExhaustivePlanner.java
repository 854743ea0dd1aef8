package dev.flotilla.plan;

import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.model.Agent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Exact baseline for small instances: enumerates every plan of the model of Section 3.2 of seed 003
 * without pruning or symmetry breaking: every order of the subtasks that respects the order
 * relation, every chain and master agent, and every subset of capable collaborators on every step,
 * each timed from scratch by {@link PlanEvaluator}'s rules. Used to check that {@link
 * BranchAndBoundPlanner} finds the optimum.
 *
 * <p>Time: O(M! * (C N 2^(N k))^M) for M subtasks, C chains, N agents, chains of k steps: only for
 * a handful of subtasks and agents.
 */
public final class ExhaustivePlanner implements TaskPlanner {

  private final PlanningProblem problem;
  private final long maxEvaluations;
  private final ChainTimer timer;
  private long evaluations;
  private double best = Double.POSITIVE_INFINITY;
  private List<ChainAssignment> bestPlan;
  private long t0;
  private double bestAt = Double.NaN;
  private double firstAt = Double.NaN;
  private double firstObjective = Double.NaN;

  /**
   * Prepares the enumeration.
   *
   * @param problem a small planning problem
   * @param maxEvaluations chain timings allowed before giving up with an exception
   */
  public ExhaustivePlanner(PlanningProblem problem, long maxEvaluations) {
    this.problem = Objects.requireNonNull(problem);
    this.maxEvaluations = maxEvaluations;
    this.timer = new ChainTimer(problem);
  }

  @Override
  public PlanResult plan() {
    t0 = System.nanoTime();
    enumerate(PartialSchedule.initial(problem), new ArrayList<>());
    double elapsed = (System.nanoTime() - t0) / 1e9;
    SearchStats stats =
        new SearchStats(evaluations, firstAt, bestAt, elapsed, true, firstObjective);
    if (bestPlan == null) {
      return new PlanResult.Infeasible("No plan satisfies the constraints.", stats);
    }
    return new PlanResult.Planned(
        new PlanEvaluator(problem).evaluate(bestPlan).orElseThrow(), stats);
  }

  private void enumerate(PartialSchedule t, List<ChainAssignment> prefix) {
    if (prefix.size() == problem.subtaskCount()) {
      double z = t.objective(problem);
      if (Double.isNaN(firstAt)) {
        firstAt = (System.nanoTime() - t0) / 1e9;
        firstObjective = z;
      }
      if (z < best) {
        best = z;
        bestPlan = List.copyOf(prefix);
        bestAt = (System.nanoTime() - t0) / 1e9;
      }
      return;
    }
    for (int i = 0; i < problem.subtaskCount(); i++) {
      if (t.assigned(i)) {
        continue;
      }
      for (ActionPathChain chain : problem.chainsOf(i)) {
        for (Agent master : problem.agents()) {
          if (master.type().name().equals(chain.agentType())) {
            ChainAssignment a = ChainAssignment.alone(problem.subtask(i).id(), chain, master.id());
            withHelpers(t, a, 0, prefix);
          }
        }
      }
    }
  }

  /** Tries every subset of collaborators on steps {@code k..}, then recurses. */
  private void withHelpers(PartialSchedule t, ChainAssignment a, int k,
      List<ChainAssignment> prefix) {
    if (k == a.chain().steps().size()) {
      if (++evaluations > maxEvaluations) {
        throw new IllegalStateException(
            "Exhaustive search exceeded "
                + maxEvaluations
                + " evaluations; use it on small"
                + " instances only.");
      }
      ChainTimer.Timed timed = timer.time(t, a, 0);
      if (timed != null) {
        prefix.add(a);
        enumerate(timed.after(), prefix);
        prefix.remove(prefix.size() - 1);
      }
      return;
    }
    String action = a.chain().steps().get(k).action();
    List<Integer> capable = new ArrayList<>();
    for (Agent agent : problem.agents()) {
      if (agent.id() != a.master() && agent.type().canPerform(action)) {
        capable.add(agent.id());
      }
    }
    for (int mask = 0; mask < (1 << capable.size()); mask++) {
      ChainAssignment b = a;
      for (int j = 0; j < capable.size(); j++) {
        if ((mask & (1 << j)) != 0) {
          b = b.withHelper(k, capable.get(j));
        }
      }
      withHelpers(t, b, k + 1, prefix);
    }
  }
}
