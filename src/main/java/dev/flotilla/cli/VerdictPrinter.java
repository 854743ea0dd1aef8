package dev.flotilla.cli;

import dev.flotilla.cockpit.OperatorVerdict;
import java.io.PrintWriter;

/** Prints an operator verdict: the acceptance on stdout (exit 0), anything else on stderr (2). */
final class VerdictPrinter {
  private VerdictPrinter() {}

  /**
   * @param v the verdict
   * @param what e.g. {@code task t1}, {@code cancel of t1}
   * @param formula the LTL formula sent, or null; a rejection with a column points into it
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  static int print(OperatorVerdict v, String what, String formula, PrintWriter out,
      PrintWriter err) {
    switch (v.outcome()) {
      case ACCEPTED -> {
        out.println(what + " accepted" + (v.reason().isEmpty() ? "" : ": " + v.reason()));
        out.flush();
        return 0;
      }
      case REJECTED -> err.println("flotilla: " + what + " rejected: " + v.reason());
      case INVALID -> err.println("flotilla: " + what + " not sent: " + v.reason());
      default -> err.println("flotilla: " + v.reason());
    }
    if (formula != null && v.column() >= 1 && v.column() <= formula.length() + 1) {
      err.println("  " + formula);
      err.println("  " + " ".repeat(v.column() - 1) + "^ column " + v.column());
    }
    err.flush();
    return FlotillaCli.EXIT_BAD_INPUT;
  }
}
