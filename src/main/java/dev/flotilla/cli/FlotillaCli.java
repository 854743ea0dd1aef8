package dev.flotilla.cli;

import dev.flotilla.journal.JournalException;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.security.KeyDirException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code flotilla} command line. */
@Command(
    name = "flotilla",
    mixinStandardHelpOptions = true,
    version = "flotilla 0.1.0",
    description = "Plans, allocates and re-allocates work for heterogeneous ROS 2 robot fleets.",
    subcommands = {
        NodeCommand.class,
        UpCommand.class,
        DemoCommand.class,
        AgentCommand.class,
        SimCommand.class,
        LaunchCommand.class,
        LtlCommand.class,
        BagCommand.class,
        ResumeCommand.class,
        PlanCommand.class,
        BenchCommand.class,
        KeysCommand.class,
        TaskCommand.class,
        FleetCommand.class,
        RobotCommand.class,
        WatchCommand.class,
        DashboardCommand.class,
        CommandLine.HelpCommand.class
    })
public final class FlotillaCli implements Runnable {

  /** Exit code for bad input (parameters, files, arguments). */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * Builds the command line with Flotilla's error handling: bad input is one plain sentence on
   * stderr and exit code 2, never a stack trace.
   *
   * @return the configured command line
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new FlotillaCli());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ParamsException || e instanceof UsageError
          || e instanceof KeyDirException || e instanceof JournalException) {
        cmd.getErr().println("flotilla: " + e.getMessage());
        return EXIT_BAD_INPUT;
      }
      throw e;
    });
    return cli;
  }

  /**
   * Runs the CLI and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
