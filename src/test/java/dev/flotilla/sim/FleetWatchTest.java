package dev.flotilla.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskMove;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.report.RunRecorder;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: the demo chooses the failing robot's moment from the plan's state (it must be working
 * on an open step, so its failure moves work), and reports what robot failures moved and the
 * LTL plan's cost.
 */
class FleetWatchTest {
  private final InMemoryBus bus = new InMemoryBus();
  private final double[] now = {0};
  private final RunRecorder report = new RunRecorder();
  private final FleetWatch watch = new FleetWatch(bus, () -> now[0], report);

  private static PlanStep step(String task, double start, double finish) {
    return PlanStep.builder().taskId(task).stepIndex(0).action("goto")
        .plannedStart(Stamps.time(start)).plannedFinish(Stamps.time(finish)).build();
  }

  private void plan(long version, RobotPlan... plans) {
    bus.publisher("/flotilla/allocation", Allocation.TYPE, FlotillaQos.ALLOCATION)
        .publish(Allocation.builder().planVersion(version).plans(List.of(plans)).build());
  }

  @Test
  void aRobotIsWorkingFromItsStepsPlannedStartUntilTheTaskIsDone() {
    plan(1, new RobotPlan("p2", List.of(step("blocks", 14.6, 54.6))),
        new RobotPlan("p1", List.of()));
    assertEquals(Optional.empty(), watch.working("p2", 10));
    assertTrue(watch.hasOpenWork("p2"));
    assertEquals(Optional.of("blocks"), watch.working("p2", 15));
    assertFalse(watch.hasOpenWork("p1"));
    bus.publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS).publish(
        FleetEvent.builder().kind(FleetEvent.TASK_COMPLETED).robotId("p2").taskId("blocks")
            .stepIndex(0).build());
    assertEquals(Optional.empty(), watch.working("p2", 60));
    assertFalse(watch.hasOpenWork("p2"), "a robot whose work is done has nothing to lose");
  }

  @Test
  void movesCausedByRobotFailuresAndTheLtlCostAreKept() {
    var reassign = bus.publisher("/flotilla/reassignment", Reassignment.TYPE, QosProfile.DEFAULT);
    reassign.publish(Reassignment.builder().cause(Reassignment.CAUSE_TASK_DONE).moves(List.of(
        new TaskMove("x", List.of("p1"), List.of()))).build());
    reassign.publish(Reassignment.builder().cause(Reassignment.CAUSE_ROBOT_FAILED).subject("p2")
        .moves(List.of(new TaskMove("blocks", List.of("p2"), List.of("p1")))).build());
    assertEquals(List.of("blocks: [p2] → [p1]"), watch.failureMoves());
    assertTrue(Double.isNaN(watch.ltlCost()));
    var ltl = bus.publisher("/flotilla/ltl_plan", Allocation.TYPE, FlotillaQos.ALLOCATION);
    ltl.publish(Allocation.builder().planVersion(1).expectedUtility(-4911.5).build());
    ltl.publish(Allocation.builder().planVersion(1).expectedUtility(-1).build());
    assertEquals(4911.5, watch.ltlCost(), "the cost J is minus the LTL plan's utility");
    assertEquals(1, report.build().ltlCost().size(), "one sample per LTL plan version");
  }
}
