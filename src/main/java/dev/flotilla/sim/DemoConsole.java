package dev.flotilla.sim;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Where the demo prints: its output stream, and whether a person watches it at a terminal. Only
 * then is a progress line drawn and redrawn in place; logs never see it.
 */
final class DemoConsole {
  /** Clears the terminal line the progress bar is drawn on. */
  private static final String CLEAR_LINE = "\r\033[K";

  private final PrintStream out;
  private final boolean interactive = System.console() != null;

  /** @param out where progress and the summary go */
  DemoConsole(PrintStream out) {
    this.out = out;
  }

  /** @return the output stream */
  PrintStream out() {
    return out;
  }

  /** @return what a line starts with to overwrite the progress bar: nothing unless interactive */
  String lineStart() {
    return interactive ? CLEAR_LINE : "";
  }

  /** Removes the progress bar before other lines are printed, when one is drawn. */
  void clearLine() {
    if (interactive) {
      out.print(CLEAR_LINE);
    }
  }

  /**
   * Draws the progress line in place, when a person is watching a terminal.
   *
   * @param done counts the tasks done (asked only when the line is drawn)
   * @param total tasks in all
   * @param elapsed seconds since the tasks were submitted
   * @param limit the scenario's time limit, s
   */
  void progress(LongSupplier done, int total, double elapsed, double limit) {
    if (!interactive) {
      return;
    }
    long count = done.getAsLong();
    int width = 30;
    int filled = (int) Math.round(width * count / (double) total);
    out.printf(Locale.ROOT, CLEAR_LINE + "[%s%s] %d/%d tasks done  %.1f s (limit %.0f s)",
        "#".repeat(filled), ".".repeat(width - filled), count, total, elapsed, limit);
    out.flush();
  }
}
