package dev.flotilla.model;

/** The synchronizer's order for a robot's next step (seed 003 §V). */
public enum SyncOrder {
  /** Start the step now. */
  GO,
  /** Hold: predecessors or partners are not ready. */
  WAIT,
  /** Drop the step: it is no longer needed. */
  SKIP
}
