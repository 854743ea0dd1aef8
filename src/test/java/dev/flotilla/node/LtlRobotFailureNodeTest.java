package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.plan.PlanValidator;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock.Stamps;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synchronizer's robot_failed / robot_recovered on the planner's LTL work, planner and
 * allocator on one in-memory bus: a failed robot's LTL chains move (cause robot_failed), a second
 * report of the failure moves nothing, work nobody else can do is reported with the reason, a
 * recovery puts the robot back in the pool, and a restarted planner keeps the failure.
 */
class LtlRobotFailureNodeTest {

  @TempDir Path dir;

  private final class Run {
    final NodeFixture f = new NodeFixture();
    final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
    final List<Allocation> ltlPlans = f.record("/flotilla/ltl_plan", Allocation.TYPE);
    final List<Allocation> allocations = f.record("/flotilla/allocation", Allocation.TYPE);
    final Bus.Publisher<TaskRequest> tasks = f.publisher("/flotilla/tasks", TaskRequest.TYPE);
    final Bus.Publisher<FleetEvent> liveness =
        f.bus.publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS);
    final PlannerNode planner;

    Run() {
      var file = NodeFixture.params(LtlFixture.params(LtlFixture.FLEET,
          LtlFixture.BUDGETS + "state_dir: \"" + dir + "\"\n"));
      AllocatorNode allocator = new AllocatorNode(f.context("allocator"),
          AllocatorParams.read(file.forNode("/", "allocator")));
      planner = new PlannerNode(f.context("planner"),
          PlannerParams.read(file.forNode("/", "planner")));
      allocator.start();
      planner.start();
    }

    void submit(String id, String formula) {
      tasks.publish(TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_LTL)
          .ltlFormula(formula).build());
    }

    void liveness(byte kind, String robot, double stamp) {
      liveness.publish(FleetEvent.builder().kind(kind).robotId(robot).stepIndex(-1)
          .source("synchronizer").reason("no heartbeat for 3.000 s (timeout 2.000 s)")
          .stamp(Stamps.time(stamp)).build());
    }

    Allocation lastLtl() {
      return ltlPlans.get(ltlPlans.size() - 1);
    }

    List<PlanStep> stepsOf(Allocation a, String robot) {
      return a.plans().stream().filter(p -> p.robotId().equals(robot))
          .flatMap(p -> p.steps().stream()).toList();
    }
  }

  @Test
  void aFailedRobotsLtlStepsMoveOnceAndARecoveryReturnsItToThePool() {
    Run r = new Run();
    r.submit("phi1", LtlFixture.PHI1);
    r.submit("phi2", LtlFixture.PHI2);
    r.f.now += 1.5;
    r.planner.tick();
    assertEquals(1, r.ltlPlans.size());
    String busy = r.lastLtl().plans().stream().filter(p -> !p.steps().isEmpty())
        .map(RobotPlan::robotId).filter(id -> id.startsWith("v")).findFirst().orElseThrow();
    Set<String> tasksBefore = taskIds(r.lastLtl());

    r.f.now += 1;
    r.liveness(FleetEvent.ROBOT_FAILED, busy, r.f.now);
    assertEquals(2, r.ltlPlans.size());
    Allocation moved = r.lastLtl();
    assertEquals(Reassignment.CAUSE_ROBOT_FAILED, moved.cause());
    assertEquals(List.of(), r.stepsOf(moved, busy), "nothing had started: all of it moved");
    assertEquals(tasksBefore, taskIds(moved), "every task is still planned");
    assertTrue(r.stepsOf(r.allocations.get(r.allocations.size() - 1), busy).isEmpty(),
        "the allocator's plan follows");
    assertEquals(Set.of(busy), r.planner.ltl().failed());
    var ltl = r.planner.ltl();
    assertEquals(List.of(), new PlanValidator(ltl.problem()).violations(ltl.plan()));
    assertTrue(ltl.planSatisfiesFormulas());

    // Another node reports the same failure: nothing moves again, no new version.
    r.liveness(FleetEvent.ROBOT_FAILED, busy, r.f.now);
    assertEquals(2, r.ltlPlans.size());

    // A restarted planner keeps it failed; the failure replayed from before its start is ignored.
    Run again = new Run();
    assertEquals(Set.of(busy), again.planner.ltl().failed());
    assertEquals(ltl.plan(), again.planner.ltl().plan());
    int plans = again.ltlPlans.size();
    again.liveness(FleetEvent.ROBOT_FAILED, busy, again.f.now - 10);
    again.liveness(FleetEvent.ROBOT_RECOVERED, busy, again.f.now - 5);
    assertEquals(plans, again.ltlPlans.size());
    assertEquals(Set.of(busy), again.planner.ltl().failed(), "history, not news");

    // Heard again: back in the pool; it holds no LTL step, so nothing is published.
    again.f.now += 1;
    again.liveness(FleetEvent.ROBOT_RECOVERED, busy, again.f.now);
    assertEquals(Set.of(), again.planner.ltl().failed());
    assertEquals(plans, again.ltlPlans.size());
  }

  @Test
  void workNobodyElseCanDoIsReportedWithTheReasonAndRepublishedOnRecovery() {
    Run r = new Run();
    r.submit("diag", "<> di_f1");
    r.f.now += 1.5;
    r.planner.tick();
    assertFalse(r.stepsOf(r.lastLtl(), "d1").isEmpty());
    int before = r.ltlPlans.size();
    r.f.now += 1;
    r.liveness(FleetEvent.ROBOT_FAILED, "d1", r.f.now);
    assertEquals(before + 1, r.ltlPlans.size(), "the plan is republished with the reason");
    Allocation a = r.lastLtl();
    assertEquals(Reassignment.CAUSE_ROBOT_FAILED, a.cause());
    assertEquals(1, a.unassigned().size());
    assertEquals("diag", a.unassigned().get(0).taskId());
    String why = a.unassigned().get(0).detail();
    assertTrue(why.contains("robot d1 failed") && why.contains("no other robot of type doctor")
        && why.contains("recovery"), why);
    assertFalse(r.stepsOf(a, "d1").isEmpty(), "its steps wait for the recovery");

    r.f.now += 1;
    r.liveness(FleetEvent.ROBOT_RECOVERED, "d1", r.f.now);
    assertEquals(before + 2, r.ltlPlans.size(), "a newer version for the robot that dropped its "
        + "plan when declared failed");
    assertEquals(Reassignment.CAUSE_ROBOT_RECOVERED, r.lastLtl().cause());
    assertEquals(r.stepsOf(a, "d1"), r.stepsOf(r.lastLtl(), "d1"));
    assertEquals(Set.of(), r.planner.ltl().failed());
  }

  private static Set<String> taskIds(Allocation a) {
    return Set.copyOf(a.plans().stream().flatMap(p -> p.steps().stream())
        .map(PlanStep::taskId).toList());
  }
}
