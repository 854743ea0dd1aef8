package dev.flotilla.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flotilla task cancel ID}: the task leaves the plan; its robots stop working on it. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Cancel a task: it leaves the plan, robots on it stop, a task_cancelled event "
        + "is published. A finished or unknown task is a no-op with the reason (exit 2).")
final class TaskCancelCommand implements Callable<Integer> {
  @Mixin CommandIo io;
  @Mixin OperatorOptions fleet = new OperatorOptions();

  @Parameters(index = "0", paramLabel = "ID", description = "The task.")
  String taskId;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the fleet's log.")
  String reason = "";

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(fleet.verbose);
    return OperatorCalls.run(fleet, io, "cancel of " + taskId,
        client -> client.cancel(taskId, reason));
  }
}
