package dev.flotilla.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flotilla plan show}: plans of a running fleet. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Plans: `plan show` prints the running fleet's current plan.",
    subcommands = {PlanShowCommand.class})
final class PlanCommand implements Callable<Integer> {
  @Mixin CommandIo io;

  @Override
  public Integer call() {
    return io.usage();
  }
}
