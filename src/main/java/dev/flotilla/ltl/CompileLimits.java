package dev.flotilla.ltl;

/**
 * What {@link LtlCompiler} may spend on one formula and how it builds conjunctions.
 *
 * @param maxStates most states of one automaton (one per conjunction group, see {@link
 *     ConjunctionSplit})
 * @param maxMillis wall-clock milliseconds for the whole compilation
 * @param split compile proposition-disjoint conjuncts separately and multiply their R-posets
 *     (false: one automaton over all propositions, the monolithic baseline)
 */
public record CompileLimits(int maxStates, long maxMillis, boolean split) {

  /** States of one automaton by default: Table A2's formulas need at most a few dozen. */
  public static final int DEFAULT_MAX_STATES = 4096;

  /** Milliseconds per formula by default: Table A2's formulas take a few milliseconds each. */
  public static final long DEFAULT_MAX_MILLIS = 5_000;

  /** The defaults, splitting conjunctions. */
  public static final CompileLimits DEFAULT =
      new CompileLimits(DEFAULT_MAX_STATES, DEFAULT_MAX_MILLIS, true);

  /** Checks the values. */
  public CompileLimits {
    if (maxStates < 2 || maxMillis < 1) {
      throw new IllegalArgumentException(
          "maxStates must be >= 2 and maxMillis >= 1, got " + maxStates + " and " + maxMillis);
    }
  }

  /**
   * The same limits with conjunction splitting on or off.
   *
   * @param on whether to split
   * @return the limits
   */
  public CompileLimits withSplit(boolean on) {
    return new CompileLimits(maxStates, maxMillis, on);
  }
}
