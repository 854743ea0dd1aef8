package dev.flotilla.node.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.PoseWithCovariance;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.node.NodeContext;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.RequestHeader;
import dev.flotilla.ros.action.FakeTransport;
import dev.flotilla.ros.action.GoalId;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The agent driving Nav2 through navigate_to_pose against a scripted action server: the goal's
 * result decides the step, a replan cancels the goal, a server that never answers fails the step.
 */
class RobotAgentNav2ActionTest {
  static final String SEND = "/r1/navigate_to_pose/_action/send_goal";
  static final String RESULT = "/r1/navigate_to_pose/_action/get_result";
  static final String CANCEL = "/r1/navigate_to_pose/_action/cancel_goal";

  final InMemoryBus bus = new InMemoryBus();
  final FakeTransport wire = new FakeTransport();
  final List<FleetEvent> events = new ArrayList<>();
  double now;
  RobotAgent agent;
  Bus.Publisher<Odometry> odom;

  static String yaml(String extra) {
    return """
        /**:
          ros__parameters:
            robots:
              r1: {x: 1.0, y: 2.0, max_speed: 1.0}
        agent:
          ros__parameters:
            navigation: goal_pose
            nav2_interface: action
            nav2_server_timeout: 2.0
            goal_timeout: 30.0
            sync_grace: 0.2
        """ + extra;
  }

  void start() {
    RosParamsFile f = RosParamsFile.parse("agent.yaml", yaml(""));
    agent = new RobotAgent(new NodeContext("r1_agent", "/", bus, () -> now, Runnable::run),
        AgentParams.read(f.forNode("/", "agent"), "r1"), wire);
    agent.start();
    bus.subscribe("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT, events::add);
    odom = bus.publisher("/r1/odom", Odometry.TYPE, QosProfile.DEFAULT);
  }

  void plan(long version, String... tasks) {
    List<dev.flotilla.msgs.flotilla_msgs.PlanStep> steps = new ArrayList<>();
    for (int i = 0; i < tasks.length; i++) {
      steps.add(RobotAgentTest.step(tasks[i], i, 4, 2 + i));
    }
    bus.publisher("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED).publish(
        Allocation.builder().planVersion(version).plans(List.of(new RobotPlan("r1", steps)))
            .build());
  }

  void tick(int n) {
    for (int i = 0; i < n; i++) {
      now += 0.1;
      odom.publish(Odometry.builder().header(new Header(Stamps.time(now), "odom"))
          .pose(PoseWithCovariance.builder().pose(new Pose(new Point(0, 0, 0),
              new Quaternion(0, 0, 0, 1))).build()).build());
      agent.tick();
    }
  }

  RequestHeader.Split last(String service) {
    List<byte[]> all = wire.written("rq" + service + "Request");
    return RequestHeader.split(all.get(all.size() - 1));
  }

  void reply(String service, RequestHeader h, byte[] body) {
    wire.deliver("rr" + service + "Reply", h.prepend(body));
  }

  static byte[] accepted(boolean yes) {
    CdrWriter w = new CdrWriter();
    w.writeBool(yes);
    w.writeInt32(0);
    w.writeInt32(0);
    return w.toByteArray();
  }

  static byte[] result(int status, String message) {
    CdrWriter w = new CdrWriter();
    w.writeInt8((byte) status);
    w.writeInt16((short) (status == 6 ? 9000 : 0));
    w.writeString(message);
    return w.toByteArray();
  }

  long rejected() {
    return agent.rejections().counts().values().stream().mapToLong(Long::longValue).sum();
  }

  List<String> kinds(byte kind) {
    return events.stream().filter(e -> e.kind() == kind)
        .map(e -> e.taskId() + ": " + e.reason()).toList();
  }

  @Test
  void succeededCompletesTheStepAndTheNextGoalGoesOut() {
    start();
    plan(1, "t1", "t2");
    tick(2);
    assertEquals(1, wire.written("rq" + SEND + "Request").size(), "one goal sent");
    reply(SEND, last(SEND).header(), accepted(true));
    tick(5);
    assertTrue(kinds(FleetEvent.TASK_STARTED).isEmpty(), "odometry does not decide arrival");
    reply(RESULT, last(RESULT).header(), result(4, ""));
    tick(20);
    assertEquals(List.of("t1: done"), kinds(FleetEvent.TASK_COMPLETED));
    assertEquals(2, wire.written("rq" + SEND + "Request").size(), "t2's goal sent");
    CdrReader r = new CdrReader(last(SEND).body());
    r.readBytes(16);
    r.readInt32();
    r.readInt32();
    assertEquals("map", r.readString());
    assertEquals(4.0, r.readFloat64());
    assertEquals(3.0, r.readFloat64());
  }

  /** A newer plan that keeps the step (new message objects) leaves the goal to decide it. */
  @Test
  void aReplanThatKeepsTheStepKeepsItsGoal() {
    start();
    plan(1, "t1");
    tick(2);
    reply(SEND, last(SEND).header(), accepted(true));
    plan(2, "t1");
    tick(2);
    assertTrue(wire.written("rq" + CANCEL + "Request").isEmpty(), "no cancel");
    assertEquals(1, wire.written("rq" + SEND + "Request").size(), "no second goal");
    reply(RESULT, last(RESULT).header(), result(4, ""));
    tick(20);
    assertEquals(List.of("t1: done"), kinds(FleetEvent.TASK_COMPLETED));
  }

  @Test
  void abortedFailsTheStepWithNav2sReason() {
    start();
    plan(1, "t1");
    tick(2);
    reply(SEND, last(SEND).header(), accepted(true));
    reply(RESULT, last(RESULT).header(), result(6, "planner failed"));
    tick(2);
    assertEquals(List.of("t1: Nav2 aborted the navigate_to_pose goal (Nav2 error 9000: "
        + "planner failed)"), kinds(FleetEvent.TASK_FAILED));
  }

  @Test
  void rejectedGoalFailsTheStep() {
    start();
    plan(1, "t1");
    tick(2);
    reply(SEND, last(SEND).header(), accepted(false));
    tick(2);
    assertEquals(List.of("t1: Nav2 rejected the navigate_to_pose goal"),
        kinds(FleetEvent.TASK_FAILED));
  }

  @Test
  void aServerThatNeverAnswersFailsTheStepAfterTheTimeout() {
    start();
    plan(1, "t1");
    tick(25);
    assertEquals(List.of("t1: the navigate_to_pose server on /r1/navigate_to_pose did not "
        + "answer send_goal within 2.0 s"), kinds(FleetEvent.TASK_FAILED));
  }

  @Test
  void aReplanThatTakesTheStepAwayCancelsTheGoal() {
    start();
    plan(1, "t1");
    tick(2);
    RequestHeader.Split send = last(SEND);
    GoalId goal = GoalId.of(new CdrReader(send.body()).readBytes(16));
    reply(SEND, send.header(), accepted(true));
    RequestHeader.Split get = last(RESULT);
    plan(2, "t9");
    tick(1);
    assertEquals(goal, GoalId.of(new CdrReader(last(CANCEL).body()).readBytes(16)));
    // Its CANCELED result arrives late: the step is over, nothing is reported for it.
    reply(RESULT, get.header(), result(5, ""));
    tick(2);
    assertTrue(kinds(FleetEvent.TASK_FAILED).isEmpty(), events.toString());
    assertEquals(0, rejected());
  }

  @Test
  void aResultForARequestNeverSentIsCountedAndChangesNothing() {
    start();
    plan(1, "t1");
    tick(2);
    RequestHeader.Split send = last(SEND);
    reply(SEND, send.header(), accepted(true));
    reply(RESULT, new RequestHeader(send.header().clientId(), 77), result(6, "stray"));
    wire.deliver("rr" + RESULT + "Reply", new byte[] {0, 1, 0, 0, 3});
    tick(3);
    assertTrue(kinds(FleetEvent.TASK_FAILED).isEmpty(), events.toString());
    assertEquals(2, rejected());
  }

  @Test
  void badParametersNameTheField() {
    Executable bad = () -> AgentParams.read(RosParamsFile.parse("agent.yaml",
        yaml("    nav2_rmw: zenoh\n")).forNode("/", "agent"), "r1");
    ParamsException e = assertThrows(ParamsException.class, bad);
    assertTrue(e.getMessage().contains("nav2_rmw"), e.getMessage());
    e = assertThrows(ParamsException.class, () -> AgentParams.read(RosParamsFile.parse(
        "agent.yaml", yaml("    nav2_action: /r1/navigate_to_pose\n")).forNode("/", "agent"),
        "r1"));
    assertEquals("agent.yaml: agent.nav2_action '/r1/navigate_to_pose' is not a relative ROS 2 "
        + "name such as navigate_to_pose.", e.getMessage());
    e = assertThrows(ParamsException.class, () -> AgentParams.read(RosParamsFile.parse(
        "agent.yaml", yaml("    nav2_server_timeout: 0\n")).forNode("/", "agent"), "r1"));
    assertTrue(e.getMessage().contains("nav2_server_timeout"), e.getMessage());
  }

  @Test
  void goalPoseStaysTheDefault() {
    AgentParams p = AgentParams.read(RosParamsFile.parse("agent.yaml", yaml("")
        .replace("    nav2_interface: action\n", "")).forNode("/", "agent"), "r1");
    assertEquals(false, p.nav2().action());
    assertEquals("navigate_to_pose", p.nav2().actionName());
  }
}
