package dev.flotilla.cli;

import dev.flotilla.cockpit.SnapshotJson;
import dev.flotilla.cockpit.SnapshotText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flotilla plan show}: the running fleet's current plan, per robot. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "The running fleet's current plan: each robot's steps with times and roles.")
final class PlanShowCommand implements Callable<Integer> {
  @Mixin CommandIo io;
  @Mixin OperatorOptions fleet = new OperatorOptions();

  @Option(names = "--json", description = "JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(fleet.verbose);
    return FleetView.show(fleet, io, json, SnapshotText::plan, SnapshotJson::plan);
  }
}
