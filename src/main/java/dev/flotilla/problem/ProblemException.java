package dev.flotilla.problem;

/**
 * A problem file that cannot be planned: the message is one sentence naming the file, the line
 * and the field, e.g. {@code warehouse.yaml: line 12: tasks.t1.required_robots must be a whole
 * number within 1..1000, got 0.}
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message the sentence */
  public ProblemException(String message) {
    super(message);
  }

  /**
   * @param message the sentence
   * @param cause what was underneath
   */
  public ProblemException(String message, Throwable cause) {
    super(message, cause);
  }
}
