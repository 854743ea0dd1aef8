package dev.flotilla.node.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.Pose2;
import dev.flotilla.model.Point3;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.msgs.geometry_msgs.PoseWithCovariance;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.msgs.geometry_msgs.Transform;
import dev.flotilla.msgs.geometry_msgs.TransformStamped;
import dev.flotilla.msgs.geometry_msgs.Twist;
import dev.flotilla.msgs.geometry_msgs.Vector3;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.msgs.tf2_msgs.TFMessage;
import dev.flotilla.node.NodeContext;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.sim.KinematicRobot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent against stand-ins for Nav2 (goal_pose) and a diff-drive plugin (cmd_vel). */
class RobotAgentTest {
  final InMemoryBus bus = new InMemoryBus();
  double now = 0;
  final List<FleetEvent> events = new ArrayList<>();
  final List<Heartbeat> heartbeats = new ArrayList<>();

  RobotAgent agent(String navigation) {
    RosParamsFile f = RosParamsFile.parse("agent.yaml", """
        /**:
          ros__parameters:
            robots:
              r1: {x: 1.0, y: 2.0, yaw: 0.0, max_speed: 1.0, max_acceleration: 1.0}
        agent:
          ros__parameters:
            navigation: %s
            position_tolerance: 0.2
            sync_grace: 0.2
        """.formatted(navigation));
    RobotAgent a = new RobotAgent(new NodeContext("r1_agent", "/", bus, () -> now, Runnable::run),
        AgentParams.read(f.forNode("/", "agent"), "r1"));
    a.start();
    bus.subscribe("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT, events::add);
    bus.subscribe("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.DEFAULT, heartbeats::add);
    return a;
  }

  static PlanStep step(String task, int index, double x, double y) {
    return PlanStep.builder().taskId(task).stepIndex(index).action("goto")
        .goal(new Pose(new Point(x, y, 0), new Quaternion(0, 0, 0, 1)))
        .plannedStart(dev.flotilla.ros.NodeClock.Stamps.time(0))
        .plannedFinish(dev.flotilla.ros.NodeClock.Stamps.time(1)).build();
  }

  /** Odometry in the robot's odom frame, whose origin is the map point (1, 2) or the /tf one. */
  void publishOdom(Bus.Publisher<Odometry> odom, Pose2 inOdom) {
    Quaternion q = new Quaternion(0, 0, Math.sin(inOdom.yaw() / 2), Math.cos(inOdom.yaw() / 2));
    odom.publish(Odometry.builder().header(new Header(dev.flotilla.ros.NodeClock.Stamps.time(now),
        "odom")).pose(PoseWithCovariance.builder().pose(new Pose(new Point(inOdom.x(),
        inOdom.y(), 0), q)).build()).build());
  }

  void publishPlan() {
    bus.publisher("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED).publish(
        Allocation.builder().planVersion(1).plans(List.of(new dev.flotilla.msgs.flotilla_msgs
            .RobotPlan("r1", List.of(step("t1", 0, 4, 2), step("t2", 1, 4, 5))))).build());
  }

  List<String> completed() {
    return events.stream().filter(e -> e.kind() == FleetEvent.TASK_COMPLETED)
        .map(FleetEvent::taskId).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"goal_pose", "cmd_vel"})
  void twoStepPlanIsCompletedThroughTheRobotsOwnStack(String navigation) {
    RobotAgent agent = agent(navigation);
    Bus.Publisher<Odometry> odom = bus.publisher("/r1/odom", Odometry.TYPE, QosProfile.DEFAULT);
    // Nav2 stand-in: drives to the latest goal_pose (map frame) with bounded speed.
    KinematicRobot nav2 = new KinematicRobot(new Point3(1, 2, 0), 1.0, 1.0);
    Point3[] goal = {null};
    bus.subscribe("/r1/goal_pose", PoseStamped.TYPE, QosProfile.DEFAULT, g -> {
      assertEquals("map", g.header().frameId());
      goal[0] = new Point3(g.pose().position().x(), g.pose().position().y(), 0);
    });
    // Diff-drive stand-in: integrates cmd_vel in the odom frame.
    Pose2[] diff = {new Pose2(0, 0, 0)};
    Twist[] cmd = {Twist.builder().build()};
    bus.subscribe("/r1/cmd_vel", Twist.TYPE, QosProfile.DEFAULT, t -> cmd[0] = t);
    publishPlan();
    double dt = 0.1;
    for (int i = 0; i < 2000 && completed().size() < 2; i++) {
      now += dt;
      Pose2 inOdom;
      if (navigation.equals("goal_pose")) {
        if (goal[0] != null) {
          nav2.driveTowards(goal[0], dt);
        }
        inOdom = new Pose2(nav2.position().x() - 1, nav2.position().y() - 2, 0);
      } else {
        Pose2 p = diff[0];
        double yaw = p.yaw() + cmd[0].angular().z() * dt;
        diff[0] = new Pose2(p.x() + cmd[0].linear().x() * Math.cos(yaw) * dt,
            p.y() + cmd[0].linear().x() * Math.sin(yaw) * dt, yaw);
        inOdom = diff[0];
      }
      publishOdom(odom, inOdom);
      agent.tick();
    }
    assertEquals(List.of("t1", "t2"), completed(), "events: " + events);
    assertTrue(events.stream().filter(e -> e.kind() == FleetEvent.TASK_STARTED).count() >= 2);
    assertTrue(heartbeats.size() > 10);
    assertTrue(heartbeats.get(heartbeats.size() - 1).sequenceNumber()
        > heartbeats.get(0).sequenceNumber());
    assertEquals(1, heartbeats.get(heartbeats.size() - 1).planVersion());
  }

  @ParameterizedTest
  @ValueSource(strings = {"goal_pose"})
  void mapToOdomFromTfOverridesTheStartPose(String navigation) {
    RobotAgent agent = agent(navigation);
    bus.publisher("/tf", TFMessage.TYPE, QosProfile.DEFAULT).publish(new TFMessage(List.of(
        new TransformStamped(new Header(dev.flotilla.ros.NodeClock.Stamps.time(0), "map"),
            "odom", new Transform(new Vector3(4, 2, 0), new Quaternion(0, 0, 0, 1))))));
    Bus.Publisher<Odometry> odom = bus.publisher("/r1/odom", Odometry.TYPE, QosProfile.DEFAULT);
    publishPlan();
    // At the odom origin, which /tf puts at map (4, 2): the first goal is already reached.
    for (int i = 0; i < 30 && completed().isEmpty(); i++) {
      now += 0.1;
      publishOdom(odom, new Pose2(0, 0, 0));
      agent.tick();
    }
    assertEquals(List.of("t1"), completed());
  }

  /**
   * A robot_failed about this robot fences it until a newer plan, unless the plan in force was
   * issued after the declaration: the allocator's failure (or recovery) plan can arrive before the
   * event, on its own topic, and then no newer plan may ever come.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "5, 2, 7, false", // an older plan: fenced
      "8, 3, 7, true", // issued after the declaration: kept
      "7, 1, 7, true", // the failure plan itself, same simulated instant: kept
      "7, 2, 7, false"}) // another plan at the same instant: fenced
  void aFailureDeclarationFencesOnlyPlansIssuedBeforeIt(double planStamp, byte cause,
      double declaredAt, boolean acts) {
    RobotAgent agent = agent("goal_pose");
    List<PoseStamped> goals = new ArrayList<>();
    bus.subscribe("/r1/goal_pose", PoseStamped.TYPE, QosProfile.DEFAULT, goals::add);
    bus.publisher("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED).publish(
        Allocation.builder().planVersion(3).cause(cause)
            .stamp(dev.flotilla.ros.NodeClock.Stamps.time(planStamp))
            .plans(List.of(new dev.flotilla.msgs.flotilla_msgs.RobotPlan("r1",
                List.of(step("t1", 0, 4, 2))))).build());
    bus.publisher("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT).publish(
        FleetEvent.builder().kind(FleetEvent.ROBOT_FAILED).robotId("r1").source("synchronizer")
            .stamp(dev.flotilla.ros.NodeClock.Stamps.time(declaredAt)).build());
    Bus.Publisher<Odometry> odom = bus.publisher("/r1/odom", Odometry.TYPE, QosProfile.DEFAULT);
    for (int i = 0; i < 5; i++) {
      now += 0.1;
      publishOdom(odom, new Pose2(0, 0, 0));
      agent.tick();
    }
    assertEquals(acts, !goals.isEmpty(), "goals sent: " + goals.size());
  }

  /**
   * Issue 14: a cancelled task's step ends (the allocator's plan drops it) and the goal Nav2 was
   * given is cancelled by a goal where the robot stands, since goal_pose has no cancel.
   */
  @org.junit.jupiter.api.Test
  void aCancelledTaskEndsTheStepAndCancelsTheNav2Goal() {
    RobotAgent agent = agent("goal_pose");
    List<PoseStamped> goals = new ArrayList<>();
    bus.subscribe("/r1/goal_pose", PoseStamped.TYPE, QosProfile.DEFAULT, goals::add);
    Bus.Publisher<Odometry> odom = bus.publisher("/r1/odom", Odometry.TYPE, QosProfile.DEFAULT);
    publishPlan();
    for (int i = 0; i < 3; i++) {
      now += 0.1;
      publishOdom(odom, new Pose2(0.5, 0, 0));
      agent.tick();
    }
    assertEquals(4.0, goals.get(goals.size() - 1).pose().position().x(), "driving to t1");
    bus.publisher("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED).publish(
        Allocation.builder().planVersion(2).plans(List.of(new dev.flotilla.msgs.flotilla_msgs
            .RobotPlan("r1", List.of()))).build());
    bus.publisher("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT).publish(
        FleetEvent.builder().kind(FleetEvent.TASK_CANCELLED).taskId("t1").source("allocator")
            .stamp(dev.flotilla.ros.NodeClock.Stamps.time(now)).reason("test").build());
    PoseStamped cancel = goals.get(goals.size() - 1);
    assertEquals(1.5, cancel.pose().position().x(), 1e-9, "held where it stands (map)");
    assertEquals(2.0, cancel.pose().position().y(), 1e-9);
    now += 0.1;
    publishOdom(odom, new Pose2(0.5, 0, 0));
    agent.tick();
    assertEquals("", heartbeats.get(heartbeats.size() - 1).currentTaskId());
    assertTrue(completed().isEmpty());
  }

  /**
   * Regression (issue 14, LTL cancel): the LTL planner may keep a step of a cancelled task (a
   * chain another robot already did part of). The robot stopped at the cancel event must drive to
   * it again when the next plan still holds it, not wait forever to arrive.
   */
  @org.junit.jupiter.api.Test
  void aStepTheNextPlanKeepsAfterACancelIsDrivenToAgain() {
    RobotAgent agent = agent("goal_pose");
    List<PoseStamped> goals = new ArrayList<>();
    bus.subscribe("/r1/goal_pose", PoseStamped.TYPE, QosProfile.DEFAULT, goals::add);
    Bus.Publisher<Odometry> odom = bus.publisher("/r1/odom", Odometry.TYPE, QosProfile.DEFAULT);
    publishPlan();
    for (int i = 0; i < 3; i++) {
      now += 0.1;
      publishOdom(odom, new Pose2(0.5, 0, 0));
      agent.tick();
    }
    bus.publisher("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT).publish(
        FleetEvent.builder().kind(FleetEvent.TASK_CANCELLED).taskId("t1").source("planner")
            .stamp(dev.flotilla.ros.NodeClock.Stamps.time(now)).reason("test").build());
    assertEquals(1.5, goals.get(goals.size() - 1).pose().position().x(), 1e-9, "held");
    now += 0.1;
    publishOdom(odom, new Pose2(0.5, 0, 0));
    agent.tick();
    assertEquals(1.5, goals.get(goals.size() - 1).pose().position().x(), 1e-9,
        "no plan yet: still held");
    bus.publisher("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED).publish(
        Allocation.builder().planVersion(2).plans(List.of(new dev.flotilla.msgs.flotilla_msgs
            .RobotPlan("r1", List.of(step("t1", 0, 4, 2), step("t2", 1, 4, 5))))).build());
    now += 0.1;
    publishOdom(odom, new Pose2(0.5, 0, 0));
    agent.tick();
    assertEquals(4.0, goals.get(goals.size() - 1).pose().position().x(), 1e-9,
        "driving to the kept step again");
    assertEquals("t1", heartbeats.get(heartbeats.size() - 1).currentTaskId());
  }
}
