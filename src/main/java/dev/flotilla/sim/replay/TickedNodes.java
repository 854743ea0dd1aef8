package dev.flotilla.sim.replay;

import dev.flotilla.node.FlotillaNode;
import dev.flotilla.node.NodeContext;
import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.List;

/**
 * The fleet's three nodes — synchronizer, allocator, planner, created and started in that order —
 * on an in-memory bus in simulated time, with the synchronizer's {@code tick()} run by the caller
 * at the multiples of its period, as the session recorder and the replay harness both need. The
 * caller owns the clock: {@code now[0]}, in ns, which each tick sets to its own time.
 */
final class TickedNodes {
  /** Reliable, transient-local and deep: a subscription that misses none of a run's messages. */
  static final QosProfile EVERY_MESSAGE = new QosProfile(true, true, 100_000);

  private final FlotillaNode synchronizer;
  private final long period;
  private long nextTick;
  private long ticks;

  /**
   * Creates and starts the nodes.
   *
   * @param params the nodes' parameter file
   * @param namespace namespace of the fleet's topics
   * @param bus the in-memory bus
   * @param now the simulated time in ns, read by the nodes' clock; ticks set it
   * @throws dev.flotilla.ros.params.ParamsException when a node's parameters are invalid
   */
  TickedNodes(RosParamsFile params, String namespace, Bus bus, long[] now) {
    NodeClock clock = () -> now[0] / 1e9;
    FlotillaNode sync = null;
    for (String node : List.of("synchronizer", "allocator", "planner")) {
      FlotillaNode n = NodeHost.spec(node, params, namespace)
          .create(new NodeContext(node, namespace, bus, clock, Runnable::run));
      n.start();
      sync = node.equals("synchronizer") ? n : sync;
    }
    this.synchronizer = sync;
    this.period = Math.max(1, Math.round(synchronizer.tickPeriod() * 1e9));
    this.nextTick = (Math.floorDiv(now[0], period) + 1) * period;
  }

  /** @return the synchronizer's period, ns */
  long period() {
    return period;
  }

  /** @return ticks run so far */
  long ticks() {
    return ticks;
  }

  /**
   * Runs every synchronizer tick due at or before a time, in order.
   *
   * @param until simulated time, ns
   * @param now the simulated time, set to each tick's time
   */
  void tickUntil(long until, long[] now) {
    while (nextTick <= until) {
      now[0] = nextTick;
      synchronizer.tick();
      ticks++;
      nextTick += period;
    }
  }
}
