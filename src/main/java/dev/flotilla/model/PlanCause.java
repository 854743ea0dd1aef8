package dev.flotilla.model;

/** What triggered a new version of the fleet plan. */
public enum PlanCause {
  /** A first plan, or a fresh one after a restart or takeover. */
  INITIAL,
  /** A robot failed and its work moved to others. */
  ROBOT_FAILED,
  /** A task arrived. */
  NEW_TASK,
  /** A task was completed. */
  TASK_DONE,
  /** Work was rebalanced (a robot joined, deviated from the plan, or failed a task). */
  REBALANCE,
  /** A failed robot recovered. */
  ROBOT_RECOVERED,
  /** An operator cancelled a task: it left the plan. */
  TASK_CANCELLED,
  /** An operator took a robot out of the pool (maintenance): its work moved to others. */
  ROBOT_PAUSED
}
