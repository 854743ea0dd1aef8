package dev.flotilla.node.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.node.AllocatorNode;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.node.NodeContext;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A robot whose navigation never gets there: its agent reports failure, the allocator moves it. */
class FailedGoalReassignmentTest {

  @Test
  void stuckRobotsStepFailsAndTheAllocatorGivesItToAnother() {
    InMemoryBus bus = new InMemoryBus();
    double[] now = {100};
    RosParamsFile f = RosParamsFile.parse("fleet.yaml", """
        /**:
          ros__parameters:
            robots:
              r1: {x: 0.0, y: 0.0}
              r2: {x: 20.0, y: 0.0}
        allocator:
          ros__parameters:
            algorithm: potential_game
        agent:
          ros__parameters:
            goal_timeout: 5.0
        """);
    AllocatorNode allocator = new AllocatorNode(new NodeContext("allocator", "/", bus,
        () -> now[0], Runnable::run), AllocatorParams.read(f.forNode("/", "allocator")));
    allocator.start();
    RobotAgent stuck = new RobotAgent(new NodeContext("r1_agent", "/", bus, () -> now[0],
        Runnable::run), AgentParams.read(f.forNode("/", "agent"), "r1"));
    stuck.start();
    List<FleetEvent> events = new ArrayList<>();
    bus.subscribe("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT, events::add);
    Bus.Publisher<FleetEvent> fleet =
        bus.publisher("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT);
    for (String r : List.of("r1", "r2")) {
      fleet.publish(FleetEvent.builder().kind(FleetEvent.ROBOT_JOINED).robotId(r).stepIndex(-1)
          .build());
    }
    bus.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE, QosProfile.DEFAULT).publish(
        TaskRequest.builder().taskId("fetch").kind(TaskRequest.KIND_MULTI_ROBOT)
            .location(new Point(2, 0, 0)).requiredRobots(1).baseUtility(100).decayRate(0.001)
            .duration(5).build());
    assertTrue(stepsOf(allocator.current(), "r1").contains("fetch"), "r1 is nearest");

    // r1's wheels are stuck: its odometry never changes.
    Bus.Publisher<Odometry> odom = bus.publisher("/r1/odom", Odometry.TYPE, QosProfile.DEFAULT);
    for (int i = 0; i < 80; i++) {
      now[0] += 0.1;
      odom.publish(Odometry.builder().build());
      stuck.tick();
    }
    assertTrue(events.stream().anyMatch(e -> e.kind() == FleetEvent.TASK_FAILED
        && e.robotId().equals("r1") && e.taskId().equals("fetch")
        && e.reason().contains("not reached within 5.0 s")), events.toString());
    assertEquals(List.of(), stepsOf(allocator.current(), "r1"));
    assertEquals(List.of("fetch"), stepsOf(allocator.current(), "r2"),
        "the failed step went to the other robot");
  }

  private static List<String> stepsOf(Allocation a, String robot) {
    return a.plans().stream().filter(p -> p.robotId().equals(robot)).flatMap(p -> p.steps()
        .stream()).map(PlanStep::taskId).toList();
  }
}
