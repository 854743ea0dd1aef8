package dev.flotilla.alloc.api;

/** Reallocation after a permanent robot fault (seed 001 §3). */
public interface FaultReallocator {

  /**
   * Repairs a plan after a robot failed for good.
   *
   * @param problem the problem the plan was made for
   * @param plan the plan being executed
   * @param failedRobotId the robot that failed
   * @param failureTime t_f, seconds on the plan clock
   * @return the repaired plan and the robots whose plans changed
   */
  Reallocation reallocate(
      AllocationProblem problem, AllocationPlan plan, String failedRobotId, double failureTime);
}
