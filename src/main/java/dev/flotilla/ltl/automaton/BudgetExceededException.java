package dev.flotilla.ltl.automaton;

/**
 * A compilation went over its {@link Budget}. The message is a plain sentence for the user; the
 * compiler turns it into a rejection, it never reaches a user as a stack trace.
 */
public final class BudgetExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param sentence what was exceeded, as a sentence
   */
  public BudgetExceededException(String sentence) {
    super(sentence, null, false, false);
  }
}
