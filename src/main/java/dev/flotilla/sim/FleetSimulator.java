package dev.flotilla.sim;

import dev.flotilla.model.RobotSpec;
import dev.flotilla.msgs.rosgraph_msgs.Clock;
import dev.flotilla.node.FleetParams;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flotilla's stand-in for Gazebo ({@code flotilla sim}): one {@link SimulatedBase} per robot of
 * the fleet — {@code nav_msgs/Odometry} on {@code /<robot>/odom}, the URDF latched on
 * {@code /<robot>/robot_description}, Nav2-like following of {@code /<robot>/goal_pose} — and,
 * optionally, each robot's Flotilla agent beside it (heartbeats, plan following, sync, step
 * events). Like Gazebo it owns the simulated time: {@code rosgraph_msgs/Clock} on {@code /clock},
 * from 0 s, advanced {@code speed} times faster than the wall clock, so nodes started with
 * {@code use_sim_time} follow it. Driven by {@link #step()}; each step costs O(robots).
 */
public final class FleetSimulator {
  /** Simulated seconds per step at up to 10x; above that steps grow so wall rates stay bounded. */
  public static final double TICK = 0.1;

  private final double speed;
  private final Bus.Publisher<Clock> clock;
  private final Map<String, SimulatedBase> bases = new LinkedHashMap<>();
  private final Map<String, SimulatedRobot> robots = new LinkedHashMap<>();
  private volatile double now;
  private long nextWallNanos;

  /**
   * Creates the robots at their start poses; nothing moves before the first {@link #step()}.
   *
   * @param fleet the robots (start pose in the map frame, m and rad; speed limits in m/s, m/s²)
   * @param file parameter file with the {@code agent} section, used when {@code withAgents}
   * @param bus transport shared with the nodes
   * @param namespace namespace of the fleet's topics
   * @param speed simulated seconds per wall-clock second, 0.1 to 100
   * @param withAgents whether each robot's Flotilla agent runs in this process too
   */
  public FleetSimulator(FleetParams fleet, RosParamsFile file, Bus bus, String namespace,
      double speed, boolean withAgents) {
    if (!(speed >= 0.1 && speed <= 100)) {
      throw new IllegalArgumentException("The simulation speed must be within 0.1..100, got "
          + speed + ".");
    }
    this.speed = speed;
    this.clock = bus.publisher("/clock", Clock.TYPE, QosProfile.SENSOR_DATA);
    NodeClock simClock = () -> now;
    for (RobotSpec r : fleet.robots()) {
      if (withAgents) {
        robots.put(r.id(), new SimulatedRobot(r, file, bus, simClock, namespace));
      } else {
        bases.put(r.id(), new SimulatedBase(r, bus, simClock, namespace));
      }
    }
    publishClock();
  }

  /** @return the robot ids, in the parameter file's order */
  public List<String> robotIds() {
    List<String> ids = new ArrayList<>(bases.keySet());
    ids.addAll(robots.keySet());
    return ids;
  }

  /** @return simulated seconds since the start */
  public double now() {
    return now;
  }

  /** @return simulated seconds one {@link #step()} advances */
  public double stepSeconds() {
    return stepSeconds(speed);
  }

  /**
   * @param speed simulated seconds per wall-clock second
   * @return simulated seconds per step: {@link #TICK}, longer above 10x so that the wall-clock
   *     rate of odometry and heartbeats stays bounded
   */
  static double stepSeconds(double speed) {
    return TICK * Math.max(1, speed / 10);
  }

  /**
   * Moves every live robot by one step, publishes odometry (and, with agents, heartbeats), then
   * waits until the wall clock catches up with the simulated time and publishes {@code /clock}.
   * Waiting on a schedule rather than a fixed sleep keeps the simulated rate true over long runs.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public void step() throws InterruptedException {
    double dt = stepSeconds();
    bases.values().forEach(b -> b.tick(dt));
    robots.values().forEach(r -> r.tick(dt));
    long wallStep = Math.round(dt / speed * 1e9);
    long t = System.nanoTime();
    nextWallNanos = nextWallNanos == 0 ? t + wallStep : nextWallNanos + wallStep;
    if (nextWallNanos - t < -wallStep * 10) {
      nextWallNanos = t; // far behind (a paused JVM): do not rush to catch up
    }
    long wait = nextWallNanos - t;
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    now += dt;
    publishClock();
  }

  /**
   * The robot dies: no more motion, odometry or heartbeats.
   *
   * @param id robot id
   * @throws IllegalArgumentException when the fleet has no such robot
   */
  public void kill(String id) {
    Objects.requireNonNull(id);
    if (bases.containsKey(id)) {
      bases.get(id).kill();
    } else if (robots.containsKey(id)) {
      robots.get(id).kill();
    } else {
      throw new IllegalArgumentException("The fleet has no robot '" + id + "'.");
    }
  }

  private void publishClock() {
    clock.publish(new Clock(NodeClock.Stamps.time(now)));
  }
}
