package dev.flotilla.ltl.automaton;

/**
 * What one compilation may spend: automaton states and wall-clock time. The translator and the
 * R-poset extractor check it as they go and stop with {@link BudgetExceededException}, so a
 * formula that would take minutes and gigabytes (2^N states for N eventualities in one automaton)
 * costs at most the budget.
 *
 * @param maxStates most automaton states one translation may build
 * @param deadlineNanos {@link System#nanoTime()} after which work stops
 */
public record Budget(int maxStates, long deadlineNanos) {

  /**
   * Most transitions (states × letters) of one automaton whatever {@link #maxStates()} says:
   * 2^24 ints are 64 MiB of transition table; 4096 states over 16 propositions would be 1 GiB.
   */
  public static final long MAX_TRANSITIONS = 1L << 24;

  /** Most configurations one R-poset analysis may memoise (about 100 bytes each). */
  public static final int MAX_CONFIGURATIONS = 1 << 21;

  /**
   * A budget starting now.
   *
   * @param maxStates most automaton states per translation
   * @param millis wall-clock milliseconds from now
   * @return the budget
   */
  public static Budget of(int maxStates, long millis) {
    return new Budget(maxStates, System.nanoTime() + millis * 1_000_000L);
  }

  /**
   * A budget that never runs out (tests and tools that want the exact automaton).
   *
   * @return the budget
   */
  public static Budget unlimited() {
    return new Budget(Integer.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * Whether the time is up.
   *
   * @return true past the deadline
   */
  public boolean expired() {
    return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
  }

  /**
   * Stops the work when the time is up.
   *
   * @param what what was being done, for the sentence, e.g. "building the automaton"
   * @throws BudgetExceededException past the deadline
   */
  public void checkTime(String what) {
    if (expired()) {
      throw new BudgetExceededException("The formula exceeds the compilation time budget while "
          + what + ".");
    }
  }

  /**
   * Stops a translation that has built too many states.
   *
   * @param states states built so far
   * @param letters letters per state (2^|AP|)
   * @throws BudgetExceededException above {@link #maxStates()} or {@link #MAX_TRANSITIONS}
   */
  public void checkStates(int states, int letters) {
    if (states > maxStates) {
      throw new BudgetExceededException("The formula's automaton needs more than " + maxStates
          + " states, the compilation budget.");
    }
    if ((long) states * letters > MAX_TRANSITIONS) {
      throw new BudgetExceededException("The formula's automaton needs more than "
          + MAX_TRANSITIONS + " transitions (" + states + " states so far, " + letters
          + " letters each), the compilation budget.");
    }
  }

  /**
   * Stops an analysis that has memoised too many configurations, and checks the time every 4096.
   *
   * @param configurations configurations memoised so far
   * @throws BudgetExceededException above {@link #MAX_CONFIGURATIONS} or past the deadline
   */
  public void checkConfigurations(int configurations) {
    if (configurations > MAX_CONFIGURATIONS) {
      throw new BudgetExceededException("Extracting the formula's R-posets needs more than "
          + MAX_CONFIGURATIONS + " configurations, the compilation budget.");
    }
    if ((configurations & 4095) == 0) {
      checkTime("extracting its R-posets");
    }
  }
}
