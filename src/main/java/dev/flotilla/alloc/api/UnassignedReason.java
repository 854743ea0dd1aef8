package dev.flotilla.alloc.api;

/** Why a task is not in the plan. */
public enum UnassignedReason {
  /** No robot has λ_ij &gt; 0 (or the required capabilities). */
  NO_CAPABLE_ROBOT,
  /** Some robots are capable, but fewer than N_j. */
  NOT_ENOUGH_ROBOTS,
  /** Enough capable robots, but fewer than N_j can be there before the deadline t_j^d. */
  DEADLINE_UNREACHABLE,
  /** Postponed by an event-triggered repair, waiting for the next global re-plan. */
  DEFERRED
}
