package dev.flotilla.cli;

import dev.flotilla.cockpit.SnapshotJson;
import dev.flotilla.cockpit.SnapshotText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flotilla fleet status}: every robot of a running fleet. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
    description = "The robots of a running fleet.",
    subcommands = {FleetCommand.Status.class})
final class FleetCommand implements Callable<Integer> {
  @Mixin CommandIo io;

  @Override
  public Integer call() {
    return io.usage();
  }

  /** {@code flotilla fleet status [--json]}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Every robot: alive/failed/paused, last heartbeat age, battery, current "
          + "step, resume summary.")
  static final class Status implements Callable<Integer> {
    @Mixin CommandIo io;
    @Mixin OperatorOptions fleet = new OperatorOptions();

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      LogSetup.configure(fleet.verbose);
      return FleetView.show(fleet, io, json, SnapshotText::fleet, SnapshotJson::fleet);
    }
  }
}
