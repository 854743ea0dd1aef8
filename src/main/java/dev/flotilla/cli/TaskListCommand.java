package dev.flotilla.cli;

import dev.flotilla.cockpit.SnapshotJson;
import dev.flotilla.cockpit.SnapshotText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flotilla task list}: every task the fleet has seen, with its state. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Every task with its state (pending, assigned, running, done, failed, "
        + "cancelled, unassignable, rejected), reason, robots and times.")
final class TaskListCommand implements Callable<Integer> {
  @Mixin CommandIo io;
  @Mixin OperatorOptions fleet = new OperatorOptions();

  @Option(names = "--json", description = "JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(fleet.verbose);
    return FleetView.show(fleet, io, json, SnapshotText::tasks, SnapshotJson::tasks);
  }
}
