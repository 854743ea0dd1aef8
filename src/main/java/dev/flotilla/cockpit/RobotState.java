package dev.flotilla.cockpit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A robot as the fleet sees it. */
public enum RobotState {
  /** Heard (joined, recovered or heartbeating) and in the pool. */
  ALIVE,
  /** Declared failed by the synchronizer (heartbeats stopped). */
  FAILED,
  /** Taken out of the pool by an operator (maintenance); its work went to others. */
  PAUSED,
  /** Only named by the plan so far. */
  UNKNOWN;

  /** @return the lower-case label used in tables and JSON */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
