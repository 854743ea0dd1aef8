package dev.flotilla.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code flotilla} command line. */
@Command(
    name = "flotilla",
    mixinStandardHelpOptions = true,
    version = "flotilla 0.1.0",
    description = "Plans, allocates and re-allocates work for heterogeneous ROS 2 robot fleets.",
    subcommands = {CommandLine.HelpCommand.class})
public final class FlotillaCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * Runs the CLI and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new FlotillaCli()).execute(args));
  }
}
