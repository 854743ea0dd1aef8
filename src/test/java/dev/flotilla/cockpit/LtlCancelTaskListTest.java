package dev.flotilla.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cockpit.OperatorVerdict.Outcome;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.node.AllocatorNode;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.node.NodeFixture;
import dev.flotilla.node.PlannerNode;
import dev.flotilla.node.PlannerParams;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operator cancels an LTL task through the client; the task list shows it cancelled. */
class LtlCancelTaskListTest {

  private static RosParamsFile params() {
    String scenario = Path.of(System.getProperty("flotilla.root", "."), "params", "scenarios",
        "trackfield.yaml").toAbsolutePath().toString();
    return NodeFixture.params("""
        /**:
          ros__parameters:
            robots:
              v1: {x: -95, y: 0, agent_type: volunteer}
              v2: {x: 95, y: 0, agent_type: volunteer}
              j1: {x: 12, y: -37, agent_type: referee}
              d1: {x: 60, y: 50, agent_type: doctor}
        planner:
          ros__parameters:
            ltl_scenario: "%s"
            ltl_offline_window: 0.0
            ltl_offline_budget: 0.4
            ltl_online_budget: 0.3
        """.formatted(scenario));
  }

  @Test
  void aCancelledLtlTaskIsListedCancelledAndLeavesThePlan() {
    CockpitFixture c = new CockpitFixture();
    RosParamsFile file = params();
    new PlannerNode(c.f.context("planner"), PlannerParams.read(file.forNode("/", "planner")))
        .start();
    c.allocator = new AllocatorNode(c.f.context("allocator"),
        AllocatorParams.read(file.forNode("/", "allocator")));
    c.allocator.start();
    for (String r : List.of("v1", "v2", "j1", "d1")) {
      c.event(FleetEvent.ROBOT_JOINED, r, "");
    }
    c.attach();
    assertEquals(Outcome.ACCEPTED,
        c.client.submit(TaskSubmission.ltl("water", "<> sw_r1 && <> sw_r2")).outcome());
    assertEquals(Outcome.ACCEPTED,
        c.client.submit(TaskSubmission.ltl("diag", "<> di_f1")).outcome());
    assertTrue(c.robotsOf("diag").contains("d1"), c.observer.snapshot().toString());

    OperatorVerdict v = c.client.cancel("diag", "not needed");
    assertEquals(Outcome.ACCEPTED, v.outcome(), v.reason());
    TaskView diag = c.observer.snapshot().task("diag").orElseThrow();
    assertEquals(TaskState.CANCELLED, diag.state());
    assertEquals("ltl", diag.kind());
    assertTrue(c.observer.snapshot().plan().values().stream().flatMap(s -> s.stream())
        .noneMatch(s -> s.taskId().equals("diag")), "no step of it is left in the plan");
    assertEquals(TaskState.ASSIGNED, c.observer.snapshot().task("water").orElseThrow().state());

    OperatorVerdict again = c.client.cancel("diag", "");
    assertEquals(Outcome.REJECTED, again.outcome());
    assertTrue(again.reason().contains("already cancelled"), again.reason());
  }
}
