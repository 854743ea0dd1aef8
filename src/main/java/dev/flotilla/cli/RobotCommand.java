package dev.flotilla.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flotilla robot pause|resume ID}: a robot out of the pool for maintenance, and back. */
@Command(name = "robot", mixinStandardHelpOptions = true,
    description = "Take a robot out of the pool for maintenance (its work is reassigned) and "
        + "put it back.",
    subcommands = {RobotCommand.Pause.class, RobotCommand.Resume.class})
final class RobotCommand implements Callable<Integer> {
  @Mixin CommandIo io;

  @Override
  public Integer call() {
    return io.usage();
  }

  /** {@code flotilla robot pause ID}. */
  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Take a robot out of the pool: its work goes to others (robot_paused).")
  static final class Pause implements Callable<Integer> {
    @Mixin CommandIo io;
    @Mixin OperatorOptions fleet = new OperatorOptions();

    @Parameters(index = "0", paramLabel = "ID", description = "The robot.")
    String robot;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the fleet's log.")
    String reason = "";

    @Override
    public Integer call() {
      LogSetup.configure(fleet.verbose);
      return OperatorCalls.run(fleet, io, "pause of " + robot, c -> c.pause(robot, reason));
    }
  }

  /** {@code flotilla robot resume ID}. */
  @Command(name = "resume", mixinStandardHelpOptions = true,
      description = "Put a paused robot back into the pool (robot_resumed).")
  static final class Resume implements Callable<Integer> {
    @Mixin CommandIo io;
    @Mixin OperatorOptions fleet = new OperatorOptions();

    @Parameters(index = "0", paramLabel = "ID", description = "The robot.")
    String robot;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the fleet's log.")
    String reason = "";

    @Override
    public Integer call() {
      LogSetup.configure(fleet.verbose);
      return OperatorCalls.run(fleet, io, "resume of " + robot, c -> c.resume(robot, reason));
    }
  }
}
