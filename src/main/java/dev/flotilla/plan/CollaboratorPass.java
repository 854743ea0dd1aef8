package dev.flotilla.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds collaborators to a plan's steps while that lowers Eq. (2) (Section 2.3 of seed 003: helpers
 * share a step's work but travel to it). Used after CP-SAT, whose model places masters only: for
 * every movable step it tries each capable agent and keeps the best helper, pass after pass, until
 * no helper pays or the deadline passes. O(A k N) timings of the whole plan per pass for A
 * assignments of k steps and N agents.
 */
final class CollaboratorPass {

  private final PlanningProblem problem;
  private final PlanEvaluator evaluator;

  CollaboratorPass(PlanningProblem problem) {
    this.problem = problem;
    this.evaluator = new PlanEvaluator(problem);
  }

  /**
   * Improves a plan.
   *
   * @param plan assignments in order
   * @param released per assignment whether it is movable (frozen ones are left alone)
   * @param releaseS release time of the movable ones
   * @param deadlineNanos {@link System#nanoTime()} after which it stops
   * @return the improved assignments (the input if nothing pays)
   */
  List<ChainAssignment> improve(
      List<ChainAssignment> plan, boolean[] released, double releaseS, long deadlineNanos) {
    List<ChainAssignment> best = new ArrayList<>(plan);
    double z = evaluator.objective(best, released, releaseS);
    boolean improved = true;
    while (improved && System.nanoTime() < deadlineNanos) {
      improved = false;
      for (int c = 0; c < best.size(); c++) {
        if (!released[c]) {
          continue;
        }
        ChainAssignment a = best.get(c);
        for (int k = 0; k < a.chain().steps().size(); k++) {
          String action = a.chain().steps().get(k).action();
          ChainAssignment pick = null;
          double pickZ = z;
          for (int h = 0; h < problem.agents().size(); h++) {
            if (System.nanoTime() > deadlineNanos) {
              return best;
            }
            if (h == a.master() || !problem.canPerform(h, action)
                || best.get(c).helpers().get(k).contains(h)) {
              continue;
            }
            ChainAssignment more = best.get(c).withHelper(k, h);
            List<ChainAssignment> trial = new ArrayList<>(best);
            trial.set(c, more);
            double tz = evaluator.objective(trial, released, releaseS);
            if (tz < pickZ - 1e-9) {
              pickZ = tz;
              pick = more;
            }
          }
          if (pick != null) {
            best.set(c, pick);
            z = pickZ;
            improved = true;
          }
        }
      }
    }
    return best;
  }
}
