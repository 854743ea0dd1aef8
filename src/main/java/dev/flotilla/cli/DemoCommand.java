package dev.flotilla.cli;

import dev.flotilla.sim.DemoRun;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flotilla demo}: a headless scenario, by default params/demo.yaml (the track field). */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a headless scenario (default: seed 003's track field, Case 2, at 20x): "
        + "the three nodes and simulated robots over DDS (loopback only), LTL and multi-robot "
        + "tasks, a robot failure; prints allocations and reassignments, writes a report and "
        + "a bag.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = {"-p", "--params"}, paramLabel = "FILE",
      description = "Scenario and node parameters (default: params/demo.yaml).")
  Path params = Path.of("params/demo.yaml");

  @Option(names = "--scenario", paramLabel = "NAME",
      description = "Shortcut for --params params/scenarios/demo_NAME.yaml (e.g. trackfield).")
  String scenario;

  @Option(names = "--domain-id", paramLabel = "N",
      description = "DDS domain for the run (default 142, away from the usual domain 0).")
  int domainId = 142;

  @Mixin NodeLogOption log;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the run is written: DIR/bag (MCAP of every fleet topic). Default "
          + "out/demo.")
  Path out = Path.of("out/demo");

  @Option(names = "--no-record", description = "Do not record the run.")
  boolean noRecord;

  @Option(names = "--speed", paramLabel = "S",
      description = "Simulation speed (0.1..100): anything but 1 runs the nodes on a simulated "
          + "/clock S times faster than real time. Default: the scenario's demo.speed, else 1.")
  Double speed;

  @Override
  public Integer call() throws Exception {
    if (log.verbose) {
      LogSetup.configure(true);
    } else {
      LogSetup.quiet();
    }
    UsageError.check(speed == null || (speed >= 0.1 && speed <= 100),
        "--speed must be within 0.1..100, got " + speed + ".");
    UsageError.check(domainId >= 0 && domainId <= 232,
        "--domain-id must be within 0..232, got " + domainId + ".");
    if (scenario != null) {
      UsageError.check(scenario.matches("[A-Za-z0-9_]+"),
          "--scenario '" + scenario + "' is not a scenario name.");
      params = Path.of("params", "scenarios", "demo_" + scenario + ".yaml");
      UsageError.check(Files.exists(HomePaths.resolve(params)),
          "--scenario " + scenario + ": no " + params + ".");
    }
    DemoRun.Result result = new DemoRun(RosParamsFile.load(HomePaths.resolve(params)), domainId,
        System.out, noRecord ? null : out, speed == null ? Double.NaN : speed).run();
    return result.finished() ? 0 : 1;
  }
}
