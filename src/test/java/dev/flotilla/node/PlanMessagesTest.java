package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.model.CrewChange;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlanCause;
import dev.flotilla.model.PlanChange;
import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.StepRole;
import dev.flotilla.model.UnplannedReason;
import dev.flotilla.model.UnplannedTask;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract of the model ↔ message translation: every field survives a round trip exactly. */
class PlanMessagesTest {

  private static FleetPlan plan(PlanCause cause) {
    PlannedStep solo = new PlannedStep("t1", 0, "goto", "", new Point3(1.5, -2.25, 0.125), 0,
        12.5, 20.75, StepRole.SOLO, List.of());
    PlannedStep master = new PlannedStep("t2", 1, "sw", "kitchen", new Point3(3, 4, 0), 0, 21,
        30.5, StepRole.MASTER, List.of("r2"));
    PlannedStep helper = new PlannedStep("t2", 0, "sw", "kitchen", new Point3(3, 4, 0), 0, 21,
        30.5, StepRole.COLLABORATOR, List.of("r1"));
    return new FleetPlan(7, 42.5, cause,
        List.of(new RobotItinerary("r1", List.of(solo, master)),
            new RobotItinerary("r2", List.of(helper)), new RobotItinerary("r3", List.of())),
        List.of(new UnplannedTask("t9", UnplannedReason.DEADLINE_UNREACHABLE, "too far")),
        3.25);
  }

  @Test
  void fleetPlanSurvivesTheAllocationMessage() {
    for (PlanCause cause : PlanCause.values()) {
      FleetPlan plan = plan(cause);
      Allocation message = PlanMessages.allocation(plan);
      assertEquals(plan, PlanMessages.fleetPlan(message));
      assertEquals(message, PlanMessages.allocation(PlanMessages.fleetPlan(message)));
      assertEquals(message, Allocation.TYPE.decode(Allocation.TYPE.encode(message)));
    }
    for (UnplannedReason reason : UnplannedReason.values()) {
      assertEquals(reason, PlanMessages.reason(PlanMessages.reason(reason)));
    }
  }

  @Test
  void verbatimStepsPassThroughUnchanged() {
    Allocation ltl = PlanMessages.allocation(plan(PlanCause.NEW_TASK));
    var steps = ltl.plans().get(1).steps();
    Allocation merged = PlanMessages.allocation(plan(PlanCause.REBALANCE), Map.of("r2", steps));
    assertEquals(steps, merged.plans().get(1).steps());
  }

  @Test
  void planChangeSurvivesTheReassignmentMessage() {
    PlanChange change = new PlanChange(6, 7, 42.5, PlanCause.ROBOT_FAILED, "r4",
        List.of("r1", "r2"), List.of(new CrewChange("t2", List.of("r4"), List.of("r1", "r2"))));
    assertEquals(change, PlanMessages.planChange(PlanMessages.reassignment(change)));
  }

  @Test
  void taskRequestFieldsArePreserved() {
    TaskRequest r = TaskRequest.builder().taskId("t1").kind(TaskRequest.KIND_MULTI_ROBOT)
        .region("dock").location(new Point(1, 2, 3)).requiredRobots(2).baseUtility(5)
        .decayRate(0.01).duration(30).deadline(Stamps.time(100.5)).priority(2.4)
        .requiredCapabilities(List.of("lift", "camera")).build();
    var task = PlanMessages.task(r);
    assertEquals("t1", task.id());
    assertEquals("dock", task.region());
    assertEquals(new Point3(1, 2, 3), task.location());
    assertEquals(2, task.requiredRobots());
    assertEquals(5, task.baseUtility());
    assertEquals(0.01, task.decayRate());
    assertEquals(30, task.duration());
    assertEquals(Stamps.seconds(r.deadline()), task.deadline());
    assertEquals(2.4, task.priority());
    assertEquals(List.of("lift", "camera"), task.requiredCapabilities());
  }
}
