package dev.flotilla.report;

/**
 * The fleet's expected utility (quality minus cost, seed 000) at one moment.
 *
 * @param timeS seconds since the run's start
 * @param expectedUtility dimensionless utility
 */
public record UtilitySample(double timeS, double expectedUtility) {

  /** Rejects non-finite values. */
  public UtilitySample {
    RecordChecks.finite(timeS, "utility.timeS");
    RecordChecks.finite(expectedUtility, "utility.expectedUtility");
  }
}
