package dev.flotilla.plan.io;

/** A scenario file is malformed; the message names the file and the offending field. */
public final class ScenarioException extends RuntimeException {

  /**
   * Creates the exception.
   *
   * @param message a sentence naming the file and field
   */
  public ScenarioException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message a sentence naming the file
   * @param cause the parser error
   */
  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
