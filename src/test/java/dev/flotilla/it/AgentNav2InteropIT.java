package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The agent beside a robot whose navigation stack is foreign: a CycloneDDS C program that acts as
 * Nav2 (follows goal_pose, publishes odometry). The agent completes a two-step plan and the peer
 * sees its heartbeats.
 */
class AgentNav2InteropIT {

  static PlanStep step(String task, int index, double x, double y) {
    return PlanStep.builder().taskId(task).stepIndex(index).action("goto")
        .goal(new Pose(new Point(x, y, 0), new Quaternion(0, 0, 0, 1)))
        .plannedStart(Stamps.time(0)).plannedFinish(Stamps.time(0.5)).build();
  }

  @Test
  void agentDrivesANav2PeerThroughATwoStepPlan() throws Exception {
    Path peer = CyclonePeer.build("nav2_peer.c");
    int domain = 170 + (int) (ProcessHandle.current().pid() % 20);
    RosParamsFile params = RosParamsFile.parse("agent.yaml", """
        /**:
          ros__parameters:
            robots:
              r1: {x: 1.0, y: 2.0, max_speed: 1.0}
        agent:
          ros__parameters:
            navigation: goal_pose
            position_tolerance: 0.15
            sync_grace: 0.1
        """);
    List<FleetEvent> events = new CopyOnWriteArrayList<>();
    String out;
    try (NodeHost host = new NodeHost(true);
        DdsBus operator = new DdsBus("it_operator", "/", domain, true)) {
      host.start(NodeHost.agentSpec(params, "/", "r1"), domain);
      operator.subscribe("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT, events::add);
      operator.publisher("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED).publish(
          Allocation.builder().planVersion(1).plans(List.of(new RobotPlan("r1",
              List.of(step("t1", 0, 3, 2), step("t2", 1, 3, 4))))).build());
      Process p = CyclonePeer.process(peer, String.valueOf(domain), "r1", "1.0", "2.0", "14")
          .start();
      out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "peer hung");
      assertEquals(0, p.exitValue(), out);
    }
    List<String> completed = events.stream().filter(e -> e.kind() == FleetEvent.TASK_COMPLETED)
        .map(FleetEvent::taskId).toList();
    assertEquals(List.of("t1", "t2"), completed, "events " + events + "\npeer:\n" + out);
    assertTrue(out.contains("GOAL 3.000 2.000 frame=map"), out);
    assertTrue(out.contains("GOAL 3.000 4.000 frame=map"), out);
    long heartbeats = out.lines().filter(l -> l.contains("HEARTBEATS"))
        .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(0);
    assertTrue(heartbeats > 20, "the peer saw " + heartbeats + " heartbeats\n" + out);
  }
}
