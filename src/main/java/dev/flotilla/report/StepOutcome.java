package dev.flotilla.report;

/** How an executed step ended. */
public enum StepOutcome {
  /** The step finished. */
  COMPLETED,
  /** The step failed (its robot died, stalled, or reported failure). */
  FAILED,
  /** The step was still running when the run ended. */
  UNFINISHED
}
