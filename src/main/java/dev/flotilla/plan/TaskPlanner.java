package dev.flotilla.plan;

/**
 * Plans an R-poset for a fleet: chooses action-path chains, masters and collaborators and times
 * them (Section 3.2 of seed 003). Implementations take the problem and their configuration in the
 * constructor.
 */
public interface TaskPlanner {

  /**
   * Computes a plan.
   *
   * @return the plan with statistics, or the reason it is infeasible
   */
  PlanResult plan();
}
