package dev.flotilla.alloc.api;

/**
 * Initial allocation (seed 001 §2): give every task N_j robots, order each robot's tasks and time
 * them, maximising the expected global utility of Eq. (8) under constraints (9)–(13).
 */
public interface TaskAllocator {

  /**
   * Allocates all tasks of a problem.
   *
   * @param problem robots, tasks and weights
   * @return the plan; tasks that cannot be covered are listed with a reason
   */
  AllocationPlan allocate(AllocationProblem problem);
}
