package dev.flotilla.node.agent;

import dev.flotilla.control.GoToGoalController;
import dev.flotilla.model.Pose2;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.msgs.geometry_msgs.Twist;
import dev.flotilla.msgs.geometry_msgs.Vector3;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.msgs.tf2_msgs.TFMessage;
import dev.flotilla.node.FleetParams;
import dev.flotilla.node.FlotillaNode;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.InputRejections;
import dev.flotilla.node.NodeContext;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The robot-side agent ({@code flotilla agent --robot ID}), run beside a robot's own ROS 2 stack:
 * heartbeats, acting on its own steps of the newest plan, navigation through Nav2's
 * {@code goal_pose} (arrival judged from odometry) or a go-to-goal controller on {@code cmd_vel},
 * synchronizer go/wait, and step events. Plans are in {@code map}; odometry in the robot's
 * {@code odom}, placed in {@code map} by {@code /tf} (map → odom) when published, else by the
 * robot's start pose from the parameters.
 */
public final class RobotAgent implements FlotillaNode {

  /**
   * Validated parameters of an agent (section {@code agent}, plus the shared fleet).
   *
   * @param fleet the fleet (this robot's start pose and speed limits, the regions)
   * @param robot this robot
   * @param navigation {@code goal_pose} (Nav2) or {@code cmd_vel}
   * @param heartbeatRate heartbeats (and control steps) per second
   * @param positionTolerance metres within which a goal is reached
   * @param goalTimeout seconds allowed to reach a goal
   * @param goalResend seconds without coming closer to a goal after which it is sent again (0:
   *     never)
   * @param syncGrace seconds to wait for a sync command after arriving
   * @param maxAngularSpeed turn-rate limit for cmd_vel (rad/s)
   * @param commandTopic relative topic for effector commands, empty for timed actions
   * @param completionTopic relative topic on which the effector reports done
   * @param knownRegions region names a step may use: the fleet's plus those of the LTL scenario
   *     ({@code ltl_scenario}); a step naming another region is ignored
   */
  public record Params(FleetParams fleet, RobotSpec robot, String navigation,
      double heartbeatRate, double positionTolerance, double goalTimeout, double goalResend,
      double syncGrace,
      double maxAngularSpeed, String commandTopic, String completionTopic,
      Set<String> knownRegions) {

    /**
     * @param p the agent's parameters
     * @param robotId this robot's id
     * @return the validated record
     */
    public static Params read(ParamReader p, String robotId) {
      FleetParams fleet = FleetParams.read(p);
      if (!fleet.robotIds().contains(robotId)) {
        throw new ParamsException(p.source() + ": robot '" + robotId + "' is not in robots "
            + fleet.robotIds() + ".");
      }
      Params params = new Params(fleet, fleet.robot(robotId),
          p.string("navigation", "goal_pose", Set.of("goal_pose", "cmd_vel")),
          p.number("heartbeat_rate", 10, 0.5, 100),
          p.number("position_tolerance", 0.3, 0.01, 100),
          p.number("goal_timeout", 120, 0.1, 86_400),
          p.number("goal_resend", 5, 0, 3_600),
          p.number("sync_grace", 0.5, 0, 60),
          p.number("max_angular_speed", 1.0, 0.01, 20),
          p.string("command_topic", "", Set.of()),
          p.string("completion_topic", "", Set.of()),
          regionsOf(p, fleet));
      if (params.commandTopic().isEmpty() != params.completionTopic().isEmpty()) {
        throw new ParamsException(p.source() + ": agent.command_topic and "
            + "agent.completion_topic must be set together.");
      }
      p.finish();
      return params;
    }
  }

  private static Set<String> regionsOf(ParamReader p, FleetParams fleet) {
    Set<String> regions = new LinkedHashSet<>(fleet.regions().keySet());
    String scenario = p.string("ltl_scenario", "", Set.of());
    if (!scenario.isEmpty()) {
      Path path = p.resolve(scenario);
      try {
        regions.addAll(ScenarioLoader.load(path).environment().regions()
            .keySet());
      } catch (RuntimeException e) {
        throw new ParamsException(p.source() + ": agent.ltl_scenario: " + e.getMessage());
      }
    }
    return Set.copyOf(regions);
  }

  private final NodeContext ctx;
  private final Params params;
  private final Logger log;
  private final InputRejections rejections;
  private final MessagePlanFollower follower;
  private final GoToGoalController controller;
  private Bus.Publisher<Heartbeat> heartbeats;
  private Bus.Publisher<FleetEvent> events;
  private Bus.Publisher<PoseStamped> goals;
  private Bus.Publisher<Twist> cmdVel;
  private Bus.Publisher<dev.flotilla.msgs.std_msgs.String> commands;
  private volatile Pose2 odomPose;
  private volatile Pose2 mapToOdom;
  private volatile boolean mapToOdomFromTf;
  private boolean frameLogged;
  private PlanStep navigatingTo;
  private long sequence;
  private boolean heartbeatsLost;
  private double startedAt;

  /**
   * @param ctx host services (the node name is usually {@code <robot>_agent})
   * @param params validated parameters
   */
  public RobotAgent(NodeContext ctx, Params params) {
    this.ctx = ctx;
    this.params = params;
    this.log = ctx.log();
    this.rejections = new InputRejections(log);
    RobotSpec r = params.robot();
    this.mapToOdom = new Pose2(r.start().x(), r.start().y(), r.startYaw());
    this.controller = new GoToGoalController(r.maxSpeed(), params.maxAngularSpeed(),
        params.positionTolerance() * 0.5);
    this.follower = new MessagePlanFollower(r.id(), params.knownRegions(),
        params.positionTolerance(), params.goalTimeout(), params.goalResend(),
        params.syncGrace(),
        !params.commandTopic().isEmpty(), new Effects(), rejections);
  }

  private String robotTopic(String relative) {
    return TopicNames.resolve(ctx.namespace(), params.robot().id() + "/" + relative);
  }

  @Override
  public String name() {
    return ctx.name();
  }

  @Override
  public double tickPeriod() {
    return 1.0 / params.heartbeatRate();
  }

  @Override
  public void start() {
    Bus bus = ctx.bus();
    String id = params.robot().id();
    heartbeats = bus.publisher(ctx.topic(TopicNames.HEARTBEAT), Heartbeat.TYPE,
        QosProfile.SENSOR_DATA);
    events = bus.publisher(ctx.topic(TopicNames.EVENTS), FleetEvent.TYPE, FlotillaQos.EVENTS);
    if (params.navigation().equals("goal_pose")) {
      goals = bus.publisher(robotTopic("goal_pose"), PoseStamped.TYPE, QosProfile.DEFAULT);
    } else {
      cmdVel = bus.publisher(robotTopic("cmd_vel"), Twist.TYPE, QosProfile.DEFAULT);
    }
    if (!params.commandTopic().isEmpty()) {
      commands = bus.publisher(robotTopic(params.commandTopic()),
          dev.flotilla.msgs.std_msgs.String.TYPE, QosProfile.DEFAULT);
      bus.subscribe(robotTopic(params.completionTopic()), dev.flotilla.msgs.std_msgs.String.TYPE,
          QosProfile.DEFAULT, m -> ctx.executor().execute(follower::onActionDone));
    }
    bus.subscribe(TopicNames.odometry(ctx.namespace(), id), Odometry.TYPE,
        QosProfile.SENSOR_DATA, o -> ctx.executor().execute(() -> onOdometry(o)));
    bus.subscribe("/tf", TFMessage.TYPE, QosProfile.SENSOR_DATA,
        tf -> ctx.executor().execute(() -> onTf(tf)));
    bus.subscribe(ctx.topic(TopicNames.ALLOCATION), Allocation.TYPE, FlotillaQos.ALLOCATION,
        a -> ctx.executor().execute(() -> follower.onAllocation(a)));
    startedAt = ctx.clock().now();
    bus.subscribe(ctx.topic(TopicNames.EVENTS), FleetEvent.TYPE, FlotillaQos.EVENTS,
        e -> ctx.executor().execute(() -> onEvent(e)));
    bus.subscribe(ctx.topic(TopicNames.SYNC), SyncCommand.TYPE, QosProfile.DEFAULT,
        c -> ctx.executor().execute(() -> {
          if (c.robotId().equals(id)) {
            follower.onSync(c);
          }
        }));
    log.info("agent for " + id + " navigating by " + params.navigation());
  }

  /**
   * A {@code robot_failed} about this robot: stop and drop the plan until a newer version (see
   * {@link MessagePlanFollower#onDeclaredFailed}). Failures stamped before this agent started are
   * history replayed by the transient-local events topic, about an earlier run.
   */
  void onEvent(FleetEvent e) {
    if (e.kind() != FleetEvent.ROBOT_FAILED || !e.robotId().equals(params.robot().id())
        || Stamps.seconds(e.stamp()) < startedAt) {
      return;
    }
    double declared = Stamps.seconds(e.stamp());
    byte cause = follower.planCause();
    if (follower.planStamp() > declared || (follower.planStamp() == declared
        && (cause == Reassignment.CAUSE_ROBOT_FAILED
            || cause == Reassignment.CAUSE_ROBOT_RECOVERED))) {
      // Events and plans travel on different topics: the allocator's plans after the failure
      // (and after the recovery) may arrive first. That plan already accounts for the failure;
      // fencing on it would wait for a version that may never come. (Same stamp: on a coarse
      // simulated clock, only a failure or recovery plan is known to come after the event.)
      log.info("declared failed by " + e.source() + " at " + Stamps.seconds(e.stamp())
          + " s, but plan version " + follower.planVersion() + " was issued after that: "
          + "keeping it");
      return;
    }
    List<String> dropped = follower.onDeclaredFailed();
    log.warning("declared failed by " + e.source() + " (" + e.reason() + "): stopped, dropped "
        + "tasks " + dropped + "; acting again only on a plan newer than version "
        + follower.planVersion());
  }

  void onOdometry(Odometry o) {
    var p = o.pose().pose().position();
    var q = o.pose().pose().orientation();
    Pose2 pose = new Pose2(p.x(), p.y(), Pose2.yawOf(q.x(), q.y(), q.z(), q.w()));
    if (!pose.isFinite()) {
      rejections.reject(TopicNames.odometry(ctx.namespace(), params.robot().id()),
          params.robot().id(), "non_finite_pose", "odometry pose " + pose + " is not finite");
      return;
    }
    odomPose = pose;
    if (!frameLogged) {
      frameLogged = true;
      log.info(mapToOdomFromTf ? "map → odom from /tf"
          : "map → odom from the start pose in the parameters (no /tf map → odom seen yet)");
    }
  }

  void onTf(TFMessage tf) {
    String id = params.robot().id();
    for (var t : tf.transforms()) {
      String child = t.childFrameId();
      if (t.header().frameId().equals("map")
          && (child.equals("odom") || child.equals(id + "/odom"))) {
        var tr = t.transform().translation();
        var q = t.transform().rotation();
        Pose2 pose = new Pose2(tr.x(), tr.y(), Pose2.yawOf(q.x(), q.y(), q.z(), q.w()));
        if (pose.isFinite()) {
          if (!mapToOdomFromTf) {
            log.info("map → odom now from /tf");
          }
          mapToOdom = pose;
          mapToOdomFromTf = true;
        }
      }
    }
  }

  /** @return the robot's pose in map, or null before the first odometry */
  Pose2 poseInMap() {
    Pose2 odom = odomPose;
    return odom == null ? null : mapToOdom.compose(odom);
  }

  @Override
  public void tick() {
    double now = ctx.clock().now();
    Pose2 pose = poseInMap();
    if (pose != null) {
      follower.tick(pose, now);
      if (cmdVel != null && navigatingTo != null && follower.current() == navigatingTo) {
        var g = navigatingTo.goal().position();
        GoToGoalController.Command c = controller.command(pose, g.x(), g.y());
        cmdVel.publish(new Twist(new Vector3(c.linear(), 0, 0), new Vector3(0, 0, c.angular())));
      }
    }
    PlanStep step = follower.current();
    ++sequence;
    if (heartbeatsLost) {
      return;
    }
    heartbeats.publish(Heartbeat.builder().robotId(params.robot().id())
        .sequenceNumber(sequence).stamp(Stamps.time(now)).state(follower.state())
        .currentTaskId(step == null ? "" : step.taskId())
        .currentStep(step == null ? -1 : step.stepIndex())
        .planVersion(follower.planVersion()).battery(Float.NaN).health(1f).build());
  }

  /**
   * Fault injection for simulations: heartbeats are counted but not sent, as if the network lost
   * them, while the robot keeps working.
   *
   * @param lost whether heartbeats are lost
   */
  public void dropHeartbeats(boolean lost) {
    heartbeatsLost = lost;
  }

  /** @return rejected-input counters */
  public InputRejections rejections() {
    return rejections;
  }

  private final class Effects implements MessagePlanFollower.Effects {
    @Override
    public void navigate(PlanStep step, double x, double y, double yaw) {
      navigatingTo = step;
      if (goals != null) {
        goals.publish(new PoseStamped(new Header(Stamps.time(ctx.clock().now()), "map"),
            step.goal()));
      }
    }

    @Override
    public void stop() {
      navigatingTo = null;
      if (cmdVel != null) {
        cmdVel.publish(Twist.builder().build());
      }
    }

    @Override
    public void startAction(PlanStep step) {
      commands.publish(new dev.flotilla.msgs.std_msgs.String(step.action() + " " + step.region()
          + " " + step.taskId()));
    }

    @Override
    public void event(byte kind, PlanStep step, String reason) {
      events.publish(FleetEvent.builder().stamp(Stamps.time(ctx.clock().now())).kind(kind)
          .robotId(params.robot().id()).taskId(step.taskId()).stepIndex(step.stepIndex())
          .source(ctx.name()).reason(reason).build());
      log.info("step " + step.stepIndex() + " of " + step.taskId() + ": event " + kind + " ("
          + reason + ")");
    }
  }
}
