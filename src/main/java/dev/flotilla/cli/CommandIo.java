package dev.flotilla.cli;

import dev.flotilla.bench.TableWriter;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Mixin (no options; {@code @Command} only so that picocli accepts it): a command's own output
 * and error streams, and the ways a command reports bad input, so every command says it the same
 * way: a sentence on stderr and exit code {@value FlotillaCli#EXIT_BAD_INPUT}, or picocli's own
 * report of a bad option.
 */
@Command
final class CommandIo {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** @return the command's standard output */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** @return the command's standard error */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** @return the shared table writer on the command's standard output */
  TableWriter table() {
    return TableWriter.to(out());
  }

  /**
   * Prints the command's usage help, as a command with subcommands does when called alone.
   *
   * @return exit code 0
   */
  int usage() {
    spec.commandLine().usage(out());
    return 0;
  }

  /**
   * @param message the sentence, printed as it is
   * @return exit code 2, for bad input
   */
  int fail(String message) {
    err().println(message);
    return FlotillaCli.EXIT_BAD_INPUT;
  }

  /**
   * @param e what went wrong with a file or an argument
   * @return exit code 2, after {@code error: <message>} on stderr
   */
  int fail(Exception e) {
    return fail("error: " + e.getMessage());
  }

  /**
   * Rejects an option value the way picocli rejects a malformed one: the sentence, the usage
   * help, exit code 2.
   *
   * @param ok whether the value is acceptable
   * @param message the sentence naming the option
   * @throws ParameterException when not ok
   */
  void require(boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }
}
