package dev.flotilla.cockpit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a task stands, as the fleet's topics tell it. */
public enum TaskState {
  /** Accepted by the planner, not (yet) in the plan. */
  PENDING,
  /** In the plan, no robot has started it. */
  ASSIGNED,
  /** A robot reported arrival ({@code task_started}) and it is still in the plan. */
  RUNNING,
  /** Completed and out of the plan. */
  DONE,
  /** A robot reported it failed and no other robot has it. */
  FAILED,
  /** Cancelled by an operator. */
  CANCELLED,
  /** Published by the allocator as unassigned, with a reason. */
  UNASSIGNABLE,
  /** Refused by the planner, with a reason. */
  REJECTED;

  /** @return the lower-case label used in tables and JSON */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
