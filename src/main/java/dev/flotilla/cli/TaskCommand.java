package dev.flotilla.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flotilla task submit|cancel|list}: an operator's tasks on a running fleet. */
@Command(name = "task", mixinStandardHelpOptions = true,
    description = "Submit, cancel and list tasks on a running fleet (over DDS).",
    subcommands = {TaskSubmitCommand.class, TaskCancelCommand.class, TaskListCommand.class})
final class TaskCommand implements Callable<Integer> {
  @Mixin CommandIo io;

  @Override
  public Integer call() {
    return io.usage();
  }
}
