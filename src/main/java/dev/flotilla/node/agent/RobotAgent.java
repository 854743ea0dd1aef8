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
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.msgs.geometry_msgs.Twist;
import dev.flotilla.msgs.geometry_msgs.Vector3;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.msgs.tf2_msgs.TFMessage;
import dev.flotilla.node.FlotillaNode;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.InputRejections;
import dev.flotilla.node.NodeContext;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.action.ActionTransport;
import dev.flotilla.ros.action.GoalId;
import dev.flotilla.ros.action.NavigateToPoseClient;
import java.util.List;
import java.util.logging.Logger;

/**
 * The robot-side agent ({@code flotilla agent --robot ID}), run beside a robot's own ROS 2 stack:
 * heartbeats, acting on its own steps of the newest plan, navigation through Nav2's
 * {@code goal_pose} (arrival judged from odometry), through Nav2's {@code navigate_to_pose} action
 * (its result decides; see {@link Nav2Interface}) or a go-to-goal controller on {@code cmd_vel},
 * synchronizer go/wait, and step events. Plans are in {@code map}; odometry in the robot's
 * {@code odom}, placed in {@code map} by {@code /tf} (map → odom) when published, else by the
 * robot's start pose from the parameters.
 */
public final class RobotAgent implements FlotillaNode {

  private final NodeContext ctx;
  private final AgentParams params;
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
  /** Task of the last goal sent to navigation, kept after stop(): a cancellation names it. */
  private String lastGoalTask = "";
  private long sequence;
  private boolean heartbeatsLost;
  private double startedAt;
  /** Endpoints for the navigate_to_pose action; null until start() unless given. */
  private ActionTransport actionTransport;
  private NavigateToPoseClient nav2;
  /** The step the active navigate_to_pose goal drives to. */
  private PlanStep goalStep;
  private final Effects effects = new Effects();
  /** The step a cancel stopped, and the plan version in force then (see resumeHeldGoal). */
  private PlanStep heldStep;
  private long heldVersion;

  /**
   * @param ctx host services (the node name is usually {@code <robot>_agent})
   * @param params validated parameters
   */
  public RobotAgent(NodeContext ctx, AgentParams params) {
    this(ctx, params, null);
  }

  /**
   * @param ctx host services
   * @param params validated parameters
   * @param actionTransport endpoints for the navigate_to_pose action (null: the bus's, which must
   *     then be a {@link DdsBus} when the action is used)
   */
  public RobotAgent(NodeContext ctx, AgentParams params, ActionTransport actionTransport) {
    this.actionTransport = actionTransport;
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
        !params.commandTopic().isEmpty(), effects, rejections);
    if (usesAction()) {
      follower.arrivalFromNavigation();
    }
  }

  private boolean usesAction() {
    return params.navigation().equals("goal_pose") && params.nav2().action();
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
    if (usesAction()) {
      startActionClient(bus);
    } else if (params.navigation().equals("goal_pose")) {
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
    log.info("agent for " + id + " navigating by "
        + (usesAction() ? "the navigate_to_pose action on " + robotTopic(params.nav2()
            .actionName()) + " (" + params.nav2().convention().parameterValue() + ")"
            : params.navigation()));
  }

  private void startActionClient(Bus bus) {
    if (actionTransport == null) {
      if (!(bus instanceof DdsBus dds)) {
        throw new IllegalStateException("nav2_interface: action needs a DDS bus; this agent "
            + "runs on " + bus.getClass().getSimpleName() + ".");
      }
      actionTransport = ActionTransport.over(dds);
    }
    nav2 = new NavigateToPoseClient(actionTransport, robotTopic(params.nav2().actionName()),
        params.nav2().convention(), params.nav2().serverTimeout(), ctx.executor(),
        this::onGoalEnded,
        (channel, reason, detail) -> rejections.reject(channel, params.robot().id(), reason,
            detail));
  }

  /**
   * A navigate_to_pose goal ended: its result decides the step it was sent for, if that is still
   * the step in progress (a late result for a step already over changes nothing).
   */
  void onGoalEnded(GoalId goal, NavigateToPoseClient.Outcome outcome, String reason) {
    PlanStep step = goalStep;
    goalStep = null;
    PlanStep current = follower.current();
    // A newer plan that keeps the step carries it in a new message: compare by identity of step.
    if (step == null || current == null || !current.taskId().equals(step.taskId())
        || current.stepIndex() != step.stepIndex() || !current.action().equals(step.action())) {
      log.info("navigate_to_pose goal " + goal + " ended " + outcome + " after its step was "
          + "over: ignored");
      return;
    }
    boolean reached = outcome == NavigateToPoseClient.Outcome.SUCCEEDED;
    log.info("navigate_to_pose goal " + goal + " for step " + step.stepIndex() + " of "
        + step.taskId() + ": " + outcome + " (" + reason + ")");
    follower.onNavigationEnded(reached, reason);
  }

  /**
   * A {@code robot_failed} about this robot: stop and drop the plan until a newer version (see
   * {@link MessagePlanFollower#onDeclaredFailed}). Failures stamped before this agent started are
   * history replayed by the transient-local events topic, about an earlier run.
   */
  void onEvent(FleetEvent e) {
    if (e.kind() == FleetEvent.TASK_CANCELLED) {
      onTaskCancelled(e);
      return;
    }
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

  /**
   * An operator cancelled a task (issue 14). The allocator's next plan drops its steps, which ends
   * the current step; a goal already handed to Nav2 would still be driven to, so it is cancelled
   * here: through the action, by {@code cancel_goal}; Nav2's {@code goal_pose} topic has no
   * cancel, and a new goal preempts the old one, so the robot is sent to where it is (with
   * {@code cmd_vel}, a zero twist).
   */
  void onTaskCancelled(FleetEvent e) {
    if (Stamps.seconds(e.stamp()) < startedAt || !e.taskId().equals(lastGoalTask)) {
      return;
    }
    lastGoalTask = "";
    PlanStep current = follower.current();
    if (current != null && current.taskId().equals(e.taskId())) {
      heldStep = current;
      heldVersion = follower.planVersion();
    }
    navigatingTo = null;
    Pose2 pose = poseInMap();
    if (nav2 != null) {
      nav2.cancel();
      goalStep = null;
    } else if (goals != null && pose != null) {
      goals.publish(new PoseStamped(new Header(Stamps.time(ctx.clock().now()), "map"),
          new Pose(new Point(pose.x(), pose.y(), 0), new Quaternion(0, 0,
              Math.sin(pose.yaw() / 2), Math.cos(pose.yaw() / 2)))));
    } else if (cmdVel != null) {
      cmdVel.publish(Twist.builder().build());
    }
    log.info("task " + e.taskId() + " cancelled (" + e.reason() + "): navigation goal "
        + "cancelled, robot held where it is");
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
    if (nav2 != null) {
      nav2.tick(now);
    }
    if (pose != null) {
      follower.tick(pose, now);
      resumeHeldGoal();
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
   * A cancel stops the robot at once, since the plan that drops the task may come later. When a
   * newer plan keeps the held step instead (the LTL planner keeps a chain under the cancelled
   * task's id when another robot already did part of it), nothing would send the goal again and
   * the robot would wait forever to arrive: it is sent again here.
   */
  private void resumeHeldGoal() {
    if (heldStep == null || follower.planVersion() <= heldVersion) {
      return;
    }
    PlanStep held = heldStep;
    heldStep = null;
    PlanStep current = follower.current();
    if (current != null && navigatingTo == null && follower.state() == Heartbeat.STATE_MOVING
        && current.taskId().equals(held.taskId()) && current.stepIndex() == held.stepIndex()) {
      var g = current.goal();
      var q = g.orientation();
      log.info("plan version " + follower.planVersion() + " keeps step " + current.stepIndex()
          + " of cancelled task " + current.taskId() + ": driving to it again");
      effects.navigate(current, g.position().x(), g.position().y(),
          Pose2.yawOf(q.x(), q.y(), q.z(), q.w()));
    }
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
      lastGoalTask = step.taskId();
      if (nav2 != null) {
        goalStep = step;
        nav2.send(new PoseStamped(new Header(Stamps.time(ctx.clock().now()), "map"),
            step.goal()), ctx.clock().now());
      } else if (goals != null) {
        goals.publish(new PoseStamped(new Header(Stamps.time(ctx.clock().now()), "map"),
            step.goal()));
      }
    }

    @Override
    public void stop() {
      navigatingTo = null;
      if (nav2 != null) {
        nav2.cancel();
        goalStep = null;
      } else if (cmdVel != null) {
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
