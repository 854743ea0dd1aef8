package dev.flotilla.node;

import dev.flotilla.model.Point3;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.PoseWithCovariance;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.sim.KinematicRobot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A simulated robot that speaks Flotilla's topics as a real one would: heartbeats and
 * {@code nav_msgs/Odometry} (in its {@code odom} frame), follows its steps of the newest
 * {@code Allocation}, waits at a multi-robot step until its planned start (when its partners are
 * due), works for the step's planned duration and reports {@code task_started} and
 * {@code task_completed}. Driven by {@link #tick}; not thread-safe.
 */
public final class SimulatedRobot {
  private final RobotConfig config;
  private final NodeClock clock;
  private final KinematicRobot body;
  private final Set<String> done = new HashSet<>();
  private final Bus.Publisher<Heartbeat> heartbeats;
  private final Bus.Publisher<Odometry> odometry;
  private final Bus.Publisher<FleetEvent> events;
  private volatile Allocation plan;
  private long sequence;
  private boolean alive = true;
  private String workingOn = "";
  private double workStart = Double.NaN;

  /**
   * @param config the robot's parameters (start pose, limits)
   * @param bus transport shared with the nodes
   * @param clock simulation or wall clock
   * @param namespace namespace the fleet's topics live in
   */
  public SimulatedRobot(RobotConfig config, Bus bus, NodeClock clock, String namespace) {
    this.config = config;
    this.clock = clock;
    this.body = new KinematicRobot(config.start(), config.maxSpeed(), config.maxAcceleration());
    this.heartbeats = bus.publisher(TopicNames.resolve(namespace, TopicNames.HEARTBEAT),
        Heartbeat.TYPE, QosProfile.SENSOR_DATA);
    this.odometry = bus.publisher(TopicNames.odometry(namespace, config.id()), Odometry.TYPE,
        QosProfile.SENSOR_DATA);
    this.events = bus.publisher(TopicNames.resolve(namespace, TopicNames.EVENTS),
        FleetEvent.TYPE, FlotillaQos.EVENTS);
    bus.subscribe(TopicNames.resolve(namespace, TopicNames.ALLOCATION), Allocation.TYPE,
        FlotillaQos.ALLOCATION, a -> {
          Allocation current = plan;
          if (current == null || a.planVersion() > current.planVersion()) {
            plan = a;
          }
        });
  }

  /** @return robot id */
  public String id() {
    return config.id();
  }

  /** @return position in the map frame (m) */
  public Point3 position() {
    return body.position();
  }

  /** @return ids of the tasks this robot finished */
  public Set<String> done() {
    return Set.copyOf(done);
  }

  /** The robot dies: no more heartbeats, odometry or motion. */
  public void kill() {
    alive = false;
    body.stop();
  }

  /** @return whether the robot still runs */
  public boolean alive() {
    return alive;
  }

  /**
   * Advances the robot and publishes its heartbeat and odometry.
   *
   * @param dt seconds since the previous tick
   */
  public void tick(double dt) {
    if (!alive) {
      return;
    }
    double now = clock.now();
    PlanStep step = nextStep();
    byte state = Heartbeat.STATE_IDLE;
    if (step == null) {
      workingOn = "";
    } else {
      var g = step.goal().position();
      boolean there = body.driveTowards(new Point3(g.x(), g.y(), g.z()), dt);
      state = there ? Heartbeat.STATE_WORKING : Heartbeat.STATE_MOVING;
      if (there) {
        state = work(step, now);
      }
    }
    publish(now, state, step);
  }

  private byte work(PlanStep step, double now) {
    double plannedStart = Stamps.seconds(step.plannedStart());
    double duration = Stamps.seconds(step.plannedFinish()) - plannedStart;
    if (!workingOn.equals(step.taskId())) {
      // Partners are due at the planned start: wait for them before starting a shared step.
      if (step.role() != PlanStep.ROLE_SOLO && now < plannedStart) {
        return Heartbeat.STATE_WAITING;
      }
      workingOn = step.taskId();
      workStart = now;
      event(FleetEvent.TASK_STARTED, step, "arrived");
    }
    if (now - workStart >= duration) {
      done.add(step.taskId());
      workingOn = "";
      if (step.role() != PlanStep.ROLE_COLLABORATOR) {
        event(FleetEvent.TASK_COMPLETED, step, "done");
      }
    }
    return Heartbeat.STATE_WORKING;
  }

  private PlanStep nextStep() {
    Allocation current = plan;
    if (current == null) {
      return null;
    }
    for (RobotPlan p : current.plans()) {
      if (p.robotId().equals(config.id())) {
        List<PlanStep> steps = p.steps();
        for (PlanStep s : steps) {
          if (!done.contains(s.taskId())) {
            return s;
          }
        }
      }
    }
    return null;
  }

  private void event(byte kind, PlanStep step, String reason) {
    events.publish(FleetEvent.builder().stamp(Stamps.time(clock.now())).kind(kind)
        .robotId(config.id()).taskId(step.taskId()).stepIndex((int) step.stepIndex())
        .source(config.id()).reason(reason).build());
  }

  private void publish(double now, byte state, PlanStep step) {
    Allocation current = plan;
    heartbeats.publish(Heartbeat.builder().robotId(config.id()).sequenceNumber(++sequence)
        .stamp(Stamps.time(now)).state(state)
        .currentTaskId(step == null ? "" : step.taskId())
        .currentStep(step == null ? -1 : (int) step.stepIndex())
        .planVersion(current == null ? 0 : current.planVersion()).battery(1f).health(1f)
        .build());
    Point3 p = body.position();
    Point3 start = config.start();
    double c = Math.cos(-config.startYaw());
    double s = Math.sin(-config.startYaw());
    double dx = p.x() - start.x();
    double dy = p.y() - start.y();
    Pose pose = new Pose(new Point(c * dx - s * dy, s * dx + c * dy, p.z() - start.z()),
        new Quaternion(0, 0, 0, 1));
    odometry.publish(Odometry.builder()
        .header(new Header(Stamps.time(now), "odom"))
        .childFrameId(config.id() + "/base_link")
        .pose(PoseWithCovariance.builder().pose(pose).build()).build());
  }
}
