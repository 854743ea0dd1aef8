package dev.flotilla.plan.sync;

/** What the synchronizer tells a robot about its current step (Section 4.2 of seed 003). */
public enum SyncCommand {
  /** Start (or join) the step now. */
  GO,
  /** Stay at the region and wait; a later decision will say GO or SKIP. */
  WAIT,
  /** The step was already done when the robot got there: move on to the next step (rule 4). */
  SKIP,
  /** The master finished the step: stop helping and move on. */
  STOP
}
