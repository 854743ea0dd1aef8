package dev.flotilla.it;

import dev.flotilla.node.FleetParams;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.sim.SimulatedRobot;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A robot host of {@link CrossHostIT}, a process of its own: a simulated base with Flotilla's real
 * agent beside it ({@link SimulatedRobot}, the code path real robots run) on the wall clock, as
 * the nodes are. Its base and agent talk inside the process, so a cut link silences the robot to
 * the fleet while it keeps driving and working, as a real robot out of radio range does.
 *
 * <p>Arguments: parameter file, robot id, DDS domain.
 */
public final class NetnsRobot {
  private NetnsRobot() {}

  public static void main(String[] args) throws Exception {
    RosParamsFile file = RosParamsFile.load(Path.of(args[0]));
    String id = args[1];
    int domain = Integer.parseInt(args[2]);
    FleetParams fleet = FleetParams.read(file.forNode("/", "agent"));
    try (DdsBus bus = new DdsBus("it_robot_" + id, "/", domain)) {
      SimulatedRobot robot = new SimulatedRobot(fleet.robot(id), file, bus, NodeClock.SYSTEM,
          "/");
      System.err.println("robot " + id + " running");
      long next = System.nanoTime();
      long last = next;
      while (true) {
        next += TimeUnit.MILLISECONDS.toNanos(100);
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } else if (wait < -TimeUnit.SECONDS.toNanos(1)) {
          next = System.nanoTime(); // far behind (a starved JVM): do not rush to catch up
        }
        long now = System.nanoTime();
        robot.tick(Math.min(1.0, (now - last) / 1e9));
        last = now;
      }
    }
  }
}
