package dev.flotilla.sim;

import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.node.NodeContext;
import dev.flotilla.node.NodeHost;
import dev.flotilla.node.agent.RobotAgent;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated robot as the fleet sees a real one: a {@link SimulatedBase} that behaves like a
 * robot running Nav2, with Flotilla's real {@link RobotAgent} beside it (heartbeats, plan
 * following, sync, step events) — the code path real robots run. The agent's bus callbacks and
 * its ticks never run at the same time, and a callback never waits for a tick.
 */
public final class SimulatedRobot {
  private final SimulatedBase base;
  private final RobotAgent agent;
  private final ReentrantLock lock = new ReentrantLock();
  /** Bus callbacks of the agent not yet run (the lock was busy), oldest first. */
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();

  /**
   * @param config the robot's parameters
   * @param file parameter file with the fleet and the {@code agent} section (defaults when absent)
   * @param bus transport shared with the nodes
   * @param clock simulation or wall clock
   * @param namespace namespace of the fleet's topics
   */
  public SimulatedRobot(RobotSpec config, RosParamsFile file, Bus bus, NodeClock clock,
      String namespace) {
    this.base = new SimulatedBase(config, bus, clock, namespace);
    NodeHost.NodeSpec spec = NodeHost.agentSpec(file, namespace, config.id());
    // With security on, the agent signs as its robot (heartbeats, events) and checks the plan.
    this.agent = (RobotAgent) spec.create(new NodeContext(spec.name(), namespace,
        spec.secure(bus, clock), clock,
        // Never wait for `lock` in a callback: Fast-DDS delivers to readers in this process on
        // the writer's thread, inside its own locks, and a callback that waited there while this
        // robot's tick (holding `lock`) wrote to DDS deadlocked the demo. A callback runs at once
        // when the lock is free (or held by this thread, as on a synchronous in-memory bus), else
        // at the next tick; the queue keeps callbacks in order either way.
        command -> {
          inbox.add(command);
          if (lock.tryLock()) {
            try {
              drain();
            } finally {
              lock.unlock();
            }
          }
        }));
    agent.start();
  }

  /** @return robot id */
  public String id() {
    return base.id();
  }

  /** @return position in the map frame (m) */
  public Point3 position() {
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
    lock.lock();
    try {
      agent.dropHeartbeats(lost);
    } finally {
      lock.unlock();
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
    lock.lock();
    try {
      drain();
      agent.tick();
    } finally {
      lock.unlock();
    }
  }

  /** Runs the queued callbacks; the caller holds the lock. */
  private void drain() {
    for (Runnable callback = inbox.poll(); callback != null; callback = inbox.poll()) {
      callback.run();
    }
  }
}
