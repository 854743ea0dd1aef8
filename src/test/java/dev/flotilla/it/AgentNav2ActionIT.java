package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent driving Nav2 through the navigate_to_pose action (nav2_interface: action) against a
 * CycloneDDS C program that acts as Nav2's action server the way rmw_cyclonedds puts an action on
 * the wire (request headers in the payload). The goal's result decides the step: succeeded
 * completes it, aborted fails it with Nav2's reason, a server that never answers fails it after
 * the timeout, and a replan that takes the step away cancels the goal. A Fast-DDS C++ program
 * that answers as rmw_fastrtps does (related sample identity, no header) checks the other
 * convention ({@code nav2_rmw: fastrtps}).
 */
class AgentNav2ActionIT {
  static Path peer;

  @BeforeAll
  static void build() throws Exception {
    peer = CyclonePeer.build("nav2_action_peer.c", "nav2_action.idl");
  }

  /** One run: the agent, an operator publishing plans and watching events, and the peer. */
  static final class Run implements AutoCloseable {
    final List<FleetEvent> events = new CopyOnWriteArrayList<>();
    final List<String> out = new CopyOnWriteArrayList<>();
    final NodeHost host = new NodeHost(true);
    final DdsBus operator;
    final Bus.Publisher<Allocation> plans;
    final Process process;

    Run(String mode, String extraParams) throws Exception {
      this(extraParams, domain -> CyclonePeer.process(peer, String.valueOf(domain), "r1", "1.0",
          "2.0", "40", mode));
    }

    Run(String extraParams, IntFunction<ProcessBuilder> peerProcess) throws Exception {
      int domain = 60 + (int) (ProcessHandle.current().pid() % 20);
      RosParamsFile params = RosParamsFile.parse("agent.yaml", """
          /**:
            ros__parameters:
              robots:
                r1: {x: 1.0, y: 2.0, max_speed: 1.0}
          agent:
            ros__parameters:
              navigation: goal_pose
              nav2_interface: action
              position_tolerance: 0.15
              sync_grace: 0.1
          """ + extraParams);
      host.start(NodeHost.agentSpec(params, "/", "r1"), domain);
      operator = new DdsBus("it_operator", "/", domain, true);
      operator.subscribe("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT, events::add);
      plans = operator.publisher("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED);
      process = peerProcess.apply(domain).start();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(
            new InputStreamReader(process.getInputStream()))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            out.add(line);
          }
        } catch (Exception e) {
          out.add("READ FAILED " + e);
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    void plan(long version, PlanStep... steps) {
      plans.publish(Allocation.builder().planVersion(version)
          .plans(List.of(new RobotPlan("r1", List.of(steps)))).build());
    }

    /** @return the index of the goal whose result the agent asked for first, as the peer says */
    String resultGoal() {
      Pattern p = Pattern.compile("GET_RESULT known=1 goal=(\\d+)");
      return out.stream().map(p::matcher).filter(Matcher::find)
          .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError(
              "no goal's result asked for:\n" + String.join("\n", out)));
    }

    boolean peerSaid(String text) {
      return out.stream().anyMatch(l -> l.contains(text));
    }

    List<String> events(byte kind) {
      return events.stream().filter(e -> e.kind() == kind)
          .map(e -> e.taskId() + ": " + e.reason()).toList();
    }

    void await(BooleanSupplier condition, double seconds, String what) throws Exception {
      long end = System.nanoTime() + (long) (seconds * 1e9);
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > end) {
          throw new AssertionError(what + " not seen within " + seconds + " s; events " + events
              + "\npeer:\n" + String.join("\n", out));
        }
        Thread.sleep(100);
      }
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      operator.close();
      host.close();
    }
  }

  @Test
  void succeededGoalsCompleteATwoStepPlan() throws Exception {
    try (Run run = new Run("succeed", "")) {
      run.plan(1, AgentNav2InteropIT.step("t1", 0, 3, 2), AgentNav2InteropIT.step("t2", 1, 3, 4));
      run.await(() -> run.events(FleetEvent.TASK_COMPLETED).size() == 2, 60, "two completions");
      assertEquals(List.of("t1: done", "t2: done"), run.events(FleetEvent.TASK_COMPLETED));
      assertTrue(run.peerSaid("SEND_GOAL 3.000 2.000 frame=map"), String.join("\n", run.out));
      assertTrue(run.peerSaid("SEND_GOAL 3.000 4.000 frame=map"), String.join("\n", run.out));
      assertEquals(2, run.out.stream().filter(l -> l.contains("RESULT SUCCEEDED")).count(),
          String.join("\n", run.out));
    }
  }

  @Test
  void anAbortedGoalFailsTheStepWithNav2sReason() throws Exception {
    try (Run run = new Run("abort", "")) {
      run.plan(1, AgentNav2InteropIT.step("t1", 0, 9, 2));
      run.await(() -> !run.events(FleetEvent.TASK_FAILED).isEmpty(), 60, "task_failed");
      assertEquals(List.of("t1: Nav2 aborted the navigate_to_pose goal (Nav2 error 9000: peer "
          + "aborts)"), run.events(FleetEvent.TASK_FAILED));
      assertTrue(run.events(FleetEvent.TASK_COMPLETED).isEmpty());
    }
  }

  @Test
  void aServerThatNeverAnswersFailsTheStepAfterTheTimeout() throws Exception {
    try (Run run = new Run("mute", "    nav2_server_timeout: 5.0\n")) {
      run.plan(1, AgentNav2InteropIT.step("t1", 0, 3, 2));
      run.await(() -> !run.events(FleetEvent.TASK_FAILED).isEmpty(), 60, "task_failed");
      assertEquals(List.of("t1: the navigate_to_pose server on /r1/navigate_to_pose did not "
          + "answer send_goal within 5.0 s"), run.events(FleetEvent.TASK_FAILED));
    }
  }

  @Test
  void aGoalWithoutResultTimesOutAndIsCancelled() throws Exception {
    try (Run run = new Run("never", "    goal_timeout: 6.0\n")) {
      run.plan(1, AgentNav2InteropIT.step("t1", 0, 3, 2));
      run.await(() -> !run.events(FleetEvent.TASK_FAILED).isEmpty(), 60, "task_failed");
      assertEquals(List.of("t1: goal (3.00, 2.00) not reached within 6.0 s"),
          run.events(FleetEvent.TASK_FAILED));
      String goal = run.resultGoal();
      run.await(() -> run.peerSaid("CANCEL_GOAL goal=" + goal + " canceling=1"), 20,
          "cancel_goal for goal " + goal + " at the peer");
    }
  }

  @Test
  void aReplanThatTakesTheStepAwayCancelsTheGoal() throws Exception {
    try (Run run = new Run("never", "")) {
      run.plan(1, AgentNav2InteropIT.step("t1", 0, 30, 2));
      run.await(() -> run.peerSaid("GET_RESULT known=1"), 60, "the goal accepted");
      String goal = run.resultGoal();
      run.plan(2, AgentNav2InteropIT.step("t2", 0, 1, 5));
      // The cancel and t2's goal travel on different topics: when t2's arrives first, the peer
      // preempts the old goal (as Nav2 does) and the cancel finds it over. Either way it is asked.
      run.await(() -> run.peerSaid("CANCEL_GOAL goal=" + goal + " "), 30,
          "cancel_goal for goal " + goal + " at the peer");
      run.await(() -> run.peerSaid("SEND_GOAL 1.000 5.000"), 30, "t2's goal");
      assertTrue(run.events(FleetEvent.TASK_FAILED).isEmpty(), run.events.toString());
    }
  }

  @Test
  void anRmwFastrtpsServerIsAnsweredByRelatedSampleIdentity() throws Exception {
    Path fastPeer = FastDdsPeer.build("nav2_action_fastdds_peer.cpp", "nav2_action_fastdds.idl");
    try (Run run = new Run("    nav2_rmw: fastrtps\n", domain -> {
      ProcessBuilder pb = new ProcessBuilder(fastPeer.toString(), String.valueOf(domain), "r1",
          "40", "succeed").redirectErrorStream(true);
      pb.environment().keySet().removeIf(k -> k.startsWith("ROS_") || k.startsWith("FASTRTPS")
          || k.startsWith("FASTDDS"));
      return pb;
    })) {
      run.plan(1, AgentNav2InteropIT.step("t1", 0, 3, 2), AgentNav2InteropIT.step("t2", 1, 3, 4));
      run.await(() -> run.events(FleetEvent.TASK_COMPLETED).size() == 2, 60, "two completions");
      assertEquals(List.of("t1: done", "t2: done"), run.events(FleetEvent.TASK_COMPLETED));
      assertEquals(2, run.out.stream().filter(l -> l.contains("RESULT SUCCEEDED")).count(),
          String.join("\n", run.out));
    }
  }
}
