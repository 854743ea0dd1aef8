package dev.flotilla.model;

/** Why a task is in no robot's plan. */
public enum UnplannedReason {
  /** No robot has the capabilities the task needs. */
  NO_CAPABLE_ROBOT,
  /** Fewer capable robots than the task needs at once. */
  NOT_ENOUGH_ROBOTS,
  /** No crew can reach the task before its deadline. */
  DEADLINE_UNREACHABLE,
  /** Left for later because it is worth less than the work planned now. */
  DEFERRED,
  /** An LTL formula no plan can satisfy. */
  INFEASIBLE_FORMULA
}
