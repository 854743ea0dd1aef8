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
    Checks.finite(timeS, "utility.timeS");
    Checks.finite(expectedUtility, "utility.expectedUtility");
  }
}
