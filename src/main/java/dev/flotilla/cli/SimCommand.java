package dev.flotilla.cli;

import dev.flotilla.node.FleetParams;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.StopSignals;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.sim.FleetSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla sim}: the fleet simulator on its own, for sessions without Gazebo. Started by
 * {@code launch/sim.launch.xml} beside the three nodes and one agent per robot, or with
 * {@code --with-agents} as the whole robot side of a fleet.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
    description = {"Simulate the fleet's robots over DDS, as Gazebo would: odometry on "
        + "/<robot>/odom, robot_description, Nav2-like goal_pose following, and /clock from 0 s.",
        "Parameters: the fleet (robots, regions) and a 'sim' section with speed (simulated "
            + "seconds per wall second, default 1) and with_agents (default false)."})
final class SimCommand implements Callable<Integer> {
  @Mixin RosOptions ros = new RosOptions();

  @Option(names = "--speed", paramLabel = "S",
      description = "Simulated seconds per wall-clock second, 0.1..100 (overrides sim.speed).")
  Double speed;

  @Option(names = "--with-agents", description = "Also run each robot's Flotilla agent "
      + "(heartbeats, plan following, step events) in this process (overrides sim.with_agents).")
  Boolean withAgents;

  @Option(names = "--kill", paramLabel = "ID@SECONDS",
      description = "Robot ID dies at this simulated time (no more motion, odometry or "
          + "heartbeats). Repeatable.")
  List<String> kills = new ArrayList<>();

  @Option(names = "--duration", paramLabel = "SECONDS",
      description = "Stop after this much simulated time (default: run until Ctrl-C).")
  Double duration;

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(ros.verbose);
    String namespace = ros.checkedNamespace();
    RosParamsFile file = RosParamsFile.load(HomePaths.resolve(ros.params));
    ParamReader p = file.forNode(namespace, "sim");
    FleetParams fleet = FleetParams.read(p);
    double s = speed != null ? speed : p.number("speed", 1.0, 0.1, 100);
    boolean agents = withAgents != null ? withAgents : p.bool("with_agents", false);
    p.bool("use_sim_time", false); // the simulator is the clock; the key is accepted and unused
    p.finish();
    UsageError.check(s >= 0.1 && s <= 100, "--speed must be within 0.1..100, got " + s + ".");
    UsageError.check(duration == null || duration > 0,
        "--duration must be positive, got " + duration + ".");
    UsageError.check(!fleet.robots().isEmpty(),
        file.source() + " lists no robots to simulate.");
    TreeMap<Double, List<String>> deaths = parseKills(fleet);

    CountDownLatch stopped = new CountDownLatch(1);
    // A flag, not only an interrupt: DDS calls on this thread may swallow the interrupt.
    AtomicBoolean stopRequested = new AtomicBoolean();
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      stopRequested.set(true);
      main.interrupt();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "flotilla-sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    StopSignals.exitZeroOnStop();
    try (DdsBus bus = new DdsBus("flotilla_sim", namespace, ros.domain(),
        DdsBus.localhostOnlyFromEnvironment())) {
      FleetSimulator sim = new FleetSimulator(fleet, file, bus, namespace, s, agents);
      System.err.printf(Locale.ROOT, "flotilla sim: %d robots %s%s at %sx simulated time, "
          + "/clock from 0 s; press Ctrl-C to stop.%n", sim.robotIds().size(), sim.robotIds(),
          agents ? " with their agents" : "", s);
      try {
        while (!stopRequested.get() && (duration == null || sim.now() < duration)) {
          while (!deaths.isEmpty() && deaths.firstKey() <= sim.now()) {
            var due = deaths.pollFirstEntry();
            for (String id : due.getValue()) {
              sim.kill(id);
              System.err.printf(Locale.ROOT, "flotilla sim: %.1f s robot %s dies%n", sim.now(),
                  id);
            }
          }
          sim.step();
        }
      } catch (InterruptedException e) {
        // SIGINT/SIGTERM during a step: close the bus and exit
      }
      System.err.printf(Locale.ROOT, "flotilla sim: stopped at %.1f s%n", sim.now());
    } finally {
      stopped.countDown();
    }
    if (!stopRequested.get()) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    return 0;
  }

  private TreeMap<Double, List<String>> parseKills(FleetParams fleet) {
    TreeMap<Double, List<String>> deaths = new TreeMap<>();
    for (String k : kills) {
      int at = k.lastIndexOf('@');
      String id = at < 0 ? k : k.substring(0, at);
      if (at < 0 || fleet.robots().stream().noneMatch(r -> r.id().equals(id))) {
        throw new UsageError("--kill '" + k + "': expected ID@SECONDS with ID one of "
            + fleet.robots().stream().map(r -> r.id()).toList() + ".");
      }
      double t;
      try {
        t = Double.parseDouble(k.substring(at + 1));
      } catch (NumberFormatException e) {
        throw new UsageError("--kill '" + k + "': '" + k.substring(at + 1)
            + "' is not a number of seconds.");
      }
      UsageError.check(t >= 0 && !Double.isInfinite(t),
          "--kill '" + k + "': the time must be 0 s or later.");
      deaths.computeIfAbsent(t, x -> new ArrayList<>()).add(id);
    }
    return deaths;
  }
}
