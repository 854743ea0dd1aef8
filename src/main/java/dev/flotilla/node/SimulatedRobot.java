package dev.flotilla.node;

import dev.flotilla.node.agent.RobotAgent;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.params.RosParamsFile;

/**
 * A simulated robot as the fleet sees a real one: a {@link SimulatedBase} that behaves like a
 * robot running Nav2, with Flotilla's real {@link RobotAgent} beside it (heartbeats, plan
 * following, sync, step events) — the code path real robots run. The agent's bus callbacks run
 * at the start of its next tick, on the ticking thread, never at the same time as the tick.
 */
public final class SimulatedRobot {
  private final SimulatedBase base;
  private final RobotAgent agent;
  private final Object lock = new Object();
  /** Bus callbacks of the agent, run by the next {@link #tick}. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> inbox =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * @param config the robot's parameters
   * @param file parameter file with the fleet and the {@code agent} section (defaults when absent)
   * @param bus transport shared with the nodes
   * @param clock simulation or wall clock
   * @param namespace namespace of the fleet's topics
   */
  public SimulatedRobot(RobotConfig config, RosParamsFile file, Bus bus, NodeClock clock,
      String namespace) {
    this.base = new SimulatedBase(config, bus, clock, namespace);
    NodeHost.NodeSpec spec = NodeHost.agentSpec(file, namespace, config.id());
    // With security on, the agent signs as its robot (heartbeats, events) and checks the plan.
    this.agent = (RobotAgent) spec.create(new NodeContext(spec.name(), namespace,
        spec.secure(bus, clock), clock,
        // Not run inline: Fast-DDS delivers to readers in this process on the writer's thread,
        // inside its own locks. A callback that waited for `lock` there while this robot's tick
        // (holding `lock`) wrote to DDS deadlocked the demo; callbacks now wait for the tick.
        inbox::add));
    agent.start();
  }

  /** @return robot id */
  public String id() {
    return base.id();
  }

  /** @return position in the map frame (m) */
  public dev.flotilla.model.Point3 position() {
    return base.position();
  }

  /** @return whether the robot still runs */
  public boolean alive() {
    return base.alive();
  }

  /** @param stuck whether the wheels are stuck (odometry goes on, the robot does not move) */
  public void stall(boolean stuck) {
    base.stall(stuck);
  }

  /** @param lost whether this robot's heartbeats are lost on the way (it keeps working) */
  public void dropHeartbeats(boolean lost) {
    synchronized (lock) {
      agent.dropHeartbeats(lost);
    }
  }

  /** The robot dies: no more motion, odometry or heartbeats. */
  public void kill() {
    base.kill();
  }

  /**
   * Moves the base, publishes odometry, then runs one agent step (heartbeat included).
   *
   * @param dt seconds since the previous tick
   */
  public void tick(double dt) {
    if (!base.alive()) {
      return;
    }
    base.tick(dt);
    synchronized (lock) {
      for (Runnable callback = inbox.poll(); callback != null; callback = inbox.poll()) {
        callback.run();
      }
      agent.tick();
    }
  }
}
