package dev.flotilla.cli;

/**
 * A command-line or input error: {@link FlotillaCli} prints it as one sentence without a stack
 * trace, exit code {@value FlotillaCli#EXIT_BAD_INPUT}.
 */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }

  /**
   * @param ok whether the input is acceptable
   * @param message the sentence naming the option or input, when it is not
   * @throws UsageError when not ok
   */
  static void check(boolean ok, String message) {
    if (!ok) {
      throw new UsageError(message);
    }
  }
}
