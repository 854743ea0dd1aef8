package dev.flotilla.plan;

import java.util.Arrays;

/**
 * The state of the fleet after a prefix of a plan's chain assignments: when and where every agent
 * becomes free, when every assigned subtask's core action starts and ends, resources used, and the
 * three terms of Eq. (2) of seed 003. Immutable; {@link ChainTimer} derives new ones.
 */
final class PartialSchedule {

  final double[] ready;
  final int[] location;
  final double[] coreStart;
  final double[] coreFinish;
  final int[] used;
  final double travel;
  final double resourceCost;
  final double makespan;

  PartialSchedule(
      double[] ready,
      int[] location,
      double[] coreStart,
      double[] coreFinish,
      int[] used,
      double travel,
      double resourceCost,
      double makespan) {
    this.ready = ready;
    this.location = location;
    this.coreStart = coreStart;
    this.coreFinish = coreFinish;
    this.used = used;
    this.travel = travel;
    this.resourceCost = resourceCost;
    this.makespan = makespan;
  }

  /**
   * The state before anything is assigned: every agent free at time 0 in its start region.
   *
   * @param problem the problem
   * @return the initial timeline
   */
  static PartialSchedule initial(PlanningProblem problem) {
    int n = problem.agents().size();
    int[] loc = new int[n];
    for (int i = 0; i < n; i++) {
      loc[i] = problem.environment().indexOf(problem.agents().get(i).start());
    }
    double[] nan = new double[problem.subtaskCount()];
    Arrays.fill(nan, Double.NaN);
    return new PartialSchedule(
        new double[n], loc, nan, nan.clone(), new int[problem.resourceKeyCount()], 0, 0, 0);
  }

  boolean assigned(int subtask) {
    return !Double.isNaN(coreStart[subtask]);
  }

  double objective(PlanningProblem problem) {
    return problem.weights().objective(makespan, resourceCost, travel);
  }
}
