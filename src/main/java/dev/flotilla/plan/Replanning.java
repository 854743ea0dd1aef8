package dev.flotilla.plan;

import java.util.List;
import java.util.Set;

/**
 * How a {@link PlanningSession} replans when a formula arrives online: given the updated problem,
 * the running plan's assignments that still apply, the subtasks whose chains have started (kept
 * as they are) and the release time.
 */
@FunctionalInterface
public interface Replanning {

  /**
   * Replans.
   *
   * @param problem the updated problem (product R-poset, updated environment)
   * @param running the running plan's assignments, in order
   * @param started ids of subtasks whose chain has started
   * @param releaseS seconds since plan start when the formula arrived
   * @return the new plan, or why there is none
   */
  PlanResult replan(
      PlanningProblem problem, List<ChainAssignment> running, Set<Integer> started,
      double releaseS);

  /**
   * Seed 003's Algorithm 2: greedy insertion, then simulated annealing.
   *
   * @param config annealing settings
   * @return the replanning
   */
  static Replanning annealing(SimulatedAnnealingReplanner.Config config) {
    return (p, running, started, release) ->
        new SimulatedAnnealingReplanner(p, running, started, release, config).plan();
  }

  /**
   * Algorithm 2's greedy insertion as the hint of a CP-SAT re-solve of the work not started
   * ({@link CpSatReplanner}).
   *
   * @param config CP-SAT settings (budget, workers)
   * @return the replanning
   */
  static Replanning cpSat(CpSatPlanner.Config config) {
    return (p, running, started, release) ->
        new CpSatReplanner(p, running, started, release, config).plan();
  }
}
