package dev.flotilla.plan;

import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.chain.ActionPathChainBuilder;
import dev.flotilla.plan.model.Agent;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Facts both CP-SAT formulations ({@link CpSatModel}, {@link CpSatExactModel}) build on. */
final class CpSatSupport {

  private CpSatSupport() {}

  /**
   * The schedule after the frozen prefix.
   *
   * @throws IllegalArgumentException if the prefix is itself infeasible
   */
  static PartialSchedule afterFrozen(PlanningProblem problem, List<ChainAssignment> frozen) {
    ChainTimer timer = new ChainTimer(problem);
    PartialSchedule t = PartialSchedule.initial(problem);
    for (ChainAssignment a : frozen) {
      ChainTimer.Timed next = timer.time(t, a, 0);
      if (next == null) {
        throw new IllegalArgumentException("The chains kept from the running plan conflict.");
      }
      t = next.after();
    }
    return t;
  }

  /** The subtask's own sigma^s must not be hit before its core (the timer rejects that). */
  static boolean selfAllowed(PlanningProblem problem, int i, ActionPathChain chain) {
    Set<String> forbidden = problem.subtask(i).forbiddenUntilDone();
    if (forbidden.isEmpty()) {
      return true;
    }
    Agent any = problem.agentsOfType(chain.agentType()).stream().findFirst().orElse(null);
    if (any == null) {
      return false;
    }
    for (int k = 0; k < chain.coreIndex(); k++) {
      if (!Collections.disjoint(forbidden,
          ActionPathChainBuilder.labels(any.type(), chain.steps().get(k)))) {
        return false;
      }
    }
    return true;
  }

  /** Whether p is a (transitive) order predecessor of i. */
  static boolean precedes(PlanningProblem problem, int p, int i) {
    for (int q : problem.predecessors(i)) {
      if (q == p || precedes(problem, p, q)) {
        return true;
      }
    }
    return false;
  }

  /** Agents of one type, free at the same time and place, are interchangeable. */
  static boolean twins(PartialSchedule base, Agent a, Agent b) {
    return a.type().name().equals(b.type().name())
        && base.location[a.id()] == base.location[b.id()]
        && base.ready[a.id()] == base.ready[b.id()];
  }

  /**
   * A safe upper bound on every time of a plan: every chain after the other, each step reached
   * from the farthest region by the slowest agent.
   *
   * @param ticks time units per second
   */
  static long horizon(PlanningProblem problem, PartialSchedule base, double releaseS, long ticks) {
    double maxDist = 0;
    int regions = problem.environment().regions().size();
    for (int a = 0; a < regions; a++) {
      for (int b = 0; b < regions; b++) {
        maxDist = Math.max(maxDist, problem.environment().distance(a, b));
      }
    }
    double slowest = Double.POSITIVE_INFINITY;
    for (Agent a : problem.agents()) {
      slowest = Math.min(slowest, a.type().speedMps());
    }
    double t = Math.max(base.makespan, releaseS);
    for (double r : base.ready) {
      t = Math.max(t, r);
    }
    for (int i = 0; i < problem.subtaskCount(); i++) {
      double worst = 0;
      for (ActionPathChain c : problem.chainsOf(i)) {
        double sum = 0;
        for (double d : problem.info(c).durations()) {
          sum += d + maxDist / slowest;
        }
        worst = Math.max(worst, sum + maxDist / slowest);
      }
      t += worst;
    }
    return (long) Math.ceil(t * ticks) + 1;
  }
}
