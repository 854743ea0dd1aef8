package dev.flotilla.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cockpit.OperatorVerdict.Outcome;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Submit, cancel, pause and resume against a planner and allocator on an in-memory bus. */
class OperatorClientTest {

  @Test
  void aValidTaskIsAcceptedAndAssigned() {
    CockpitFixture c = CockpitFixture.running("");
    OperatorVerdict v = c.client.submit(TaskSubmission.at("t1", 2, 3));
    assertEquals(Outcome.ACCEPTED, v.outcome(), v.reason());
    assertEquals(1, c.sentTasks.size());
    TaskView t = c.observer.snapshot().task("t1").orElseThrow();
    assertEquals(TaskState.ASSIGNED, t.state());
    assertEquals(1, t.robots().size());
  }

  @Test
  void theReasonOfARejectionIsReturned() {
    CockpitFixture c = CockpitFixture.running("");
    OperatorVerdict v = c.client.submit(TaskSubmission.inRegion("t1", "attic"));
    assertEquals(Outcome.REJECTED, v.outcome());
    assertTrue(v.reason().contains("region 'attic' is not a known region"), v.reason());
    assertEquals(TaskState.REJECTED, c.observer.snapshot().task("t1").orElseThrow().state());
  }

  @Test
  void aDuplicateIdIsRejectedByThePlanner() {
    CockpitFixture c = CockpitFixture.running("");
    assertTrue(c.client.submit(TaskSubmission.at("t1", 2, 3)).accepted());
    OperatorVerdict v = c.client.submit(TaskSubmission.at("t1", 4, 3));
    assertEquals(Outcome.REJECTED, v.outcome());
    assertTrue(v.reason().contains("is taken by an earlier task"), v.reason());
  }

  @Test
  void aBadFormulaIsRefusedWithItsColumnAndNothingIsSent() {
    CockpitFixture c = CockpitFixture.running("");
    OperatorVerdict v = c.client.submit(TaskSubmission.ltl("phi", "<> (a && "));
    assertEquals(Outcome.INVALID, v.outcome());
    assertEquals(10, v.column(), v.reason());
    assertTrue(c.sentTasks.isEmpty());
  }

  @Test
  void badNumbersAndIdsAreRefusedBeforeSending() {
    CockpitFixture c = CockpitFixture.running("");
    assertEquals(Outcome.INVALID, c.client.submit(TaskSubmission.at("has space", 1, 1))
        .outcome());
    assertEquals(Outcome.INVALID, c.client.submit(TaskSubmission.at("t", Double.NaN, 1))
        .outcome());
    OperatorVerdict v = c.client.submit(TaskSubmission.at("t", 1, 1)
        .withTerms(0, 100, 0, 1, 0, 0, List.of()));
    assertTrue(v.reason().contains("robots must be within 1..1000"), v.reason());
    assertEquals(Outcome.INVALID, c.client.cancel("bad id!", "").outcome());
    assertEquals(Outcome.INVALID, c.client.pause("9lives", "").outcome());
    assertTrue(c.sentTasks.isEmpty());
    assertTrue(c.sentCommands.isEmpty());
  }

  @Test
  void anUnreachableFleetIsSaidSoAndNothingIsSent() {
    CockpitFixture c = new CockpitFixture();
    c.attach();
    OperatorVerdict v = c.client.submit(TaskSubmission.at("t1", 2, 3));
    assertEquals(Outcome.UNREACHABLE, v.outcome());
    assertTrue(v.reason().contains("nothing was sent"), v.reason());
    assertEquals(Outcome.UNREACHABLE, c.client.cancel("t1", "").outcome());
    assertTrue(c.sentTasks.isEmpty());
    assertTrue(c.sentCommands.isEmpty());
  }

  @Test
  void aFleetWithoutAPlannerGivesNoAnswer() {
    CockpitFixture c = new CockpitFixture();
    c.event(FleetEvent.ROBOT_JOINED, "r1", "");
    c.attach();
    OperatorVerdict v = c.client.submit(TaskSubmission.at("t1", 2, 3));
    assertEquals(Outcome.NO_ANSWER, v.outcome());
    assertTrue(v.reason().contains("no verdict"), v.reason());
  }

  @Test
  void aCancelledTaskLeavesThePlanAndIsNeverPlannedAgain() {
    CockpitFixture c = CockpitFixture.running("");
    assertTrue(c.client.submit(TaskSubmission.at("t1", 2, 3)).accepted());
    List<String> robots = c.robotsOf("t1");
    OperatorVerdict v = c.client.cancel("t1", "wrong site");
    assertEquals(Outcome.ACCEPTED, v.outcome(), v.reason());
    assertTrue(v.reason().contains("robots told: " + robots.get(0)), v.reason());
    FleetSnapshot s = c.observer.snapshot();
    assertEquals(TaskState.CANCELLED, s.task("t1").orElseThrow().state());
    assertTrue(s.plan().values().stream().flatMap(List::stream)
        .noneMatch(st -> st.taskId().equals("t1")));
    assertTrue(c.events.stream().anyMatch(e -> e.kind() == FleetEvent.TASK_CANCELLED
        && e.taskId().equals("t1") && e.source().equals("allocator")));
    // A robot joining re-plans everything: the cancelled task stays out.
    c.event(FleetEvent.ROBOT_FAILED, "r1", "");
    c.event(FleetEvent.ROBOT_RECOVERED, "r1", "");
    assertTrue(c.observer.snapshot().plan().values().stream().flatMap(List::stream)
        .noneMatch(st -> st.taskId().equals("t1")));
  }

  @Test
  void cancellingAnUnknownFinishedOrCancelledTaskIsANoOpWithItsReason() {
    CockpitFixture c = CockpitFixture.running("");
    OperatorVerdict unknown = c.client.cancel("ghost", "");
    assertEquals(Outcome.REJECTED, unknown.outcome());
    assertTrue(unknown.reason().contains("task 'ghost' is unknown"), unknown.reason());
    assertTrue(c.client.submit(TaskSubmission.at("t1", 2, 3)).accepted());
    String robot = c.robotsOf("t1").get(0);
    c.event(FleetEvent.TASK_COMPLETED, robot, "t1");
    OperatorVerdict done = c.client.cancel("t1", "");
    assertEquals(Outcome.REJECTED, done.outcome());
    assertTrue(done.reason().contains("already done"), done.reason());
    assertTrue(c.client.submit(TaskSubmission.at("t2", 2, 3)).accepted());
    assertTrue(c.client.cancel("t2", "").accepted());
    OperatorVerdict twice = c.client.cancel("t2", "");
    assertEquals(Outcome.REJECTED, twice.outcome());
    assertTrue(twice.reason().contains("already cancelled"), twice.reason());
    assertTrue(c.client.submit(TaskSubmission.inRegion("t3", "attic")).outcome()
        == Outcome.REJECTED);
    OperatorVerdict rejected = c.client.cancel("t3", "");
    assertTrue(rejected.reason().contains("never accepted it"), rejected.reason());
  }

  @Test
  void aPausedRobotsWorkIsReassignedAndItTakesNoneUntilResumed() {
    CockpitFixture c = CockpitFixture.running("");
    assertTrue(c.client.submit(TaskSubmission.at("t1", 0, 1)).accepted());
    String robot = c.robotsOf("t1").get(0);
    OperatorVerdict v = c.client.pause(robot, "new wheels");
    assertEquals(Outcome.ACCEPTED, v.outcome(), v.reason());
    assertTrue(v.reason().contains("[t1] reassigned"), v.reason());
    FleetSnapshot s = c.observer.snapshot();
    assertEquals(RobotState.PAUSED, s.robot(robot).orElseThrow().state());
    assertFalse(c.robotsOf("t1").contains(robot));
    assertEquals(1, c.robotsOf("t1").size());
    // Heard again (e.g. a recovery): still out of the pool.
    c.event(FleetEvent.ROBOT_RECOVERED, robot, "");
    assertTrue(c.client.submit(TaskSubmission.at("t2", 0, 1)
        .withTerms(3, 100, 0.01, 10, 0, 0, List.of())).accepted());
    assertEquals(TaskState.UNASSIGNABLE, c.observer.snapshot().task("t2").orElseThrow()
        .state(), "three robots needed, two in the pool");
    assertEquals(Outcome.REJECTED, c.client.pause(robot, "").outcome());
    OperatorVerdict back = c.client.resume(robot, "");
    assertEquals(Outcome.ACCEPTED, back.outcome(), back.reason());
    assertEquals(RobotState.ALIVE, c.observer.snapshot().robot(robot).orElseThrow().state());
    assertTrue(c.robotsOf("t2").contains(robot), "back in the pool: " + c.robotsOf("t2"));
    OperatorVerdict again = c.client.resume(robot, "");
    assertEquals(Outcome.REJECTED, again.outcome());
    assertTrue(again.reason().contains("is not paused"), again.reason());
  }

  @Test
  void pausingARobotOutsideTheFleetIsRefusedByThePlanner() {
    CockpitFixture c = CockpitFixture.running("");
    OperatorVerdict v = c.client.pause("r9", "");
    assertEquals(Outcome.REJECTED, v.outcome());
    assertTrue(v.reason().contains("robot 'r9' is not in the fleet"), v.reason());
  }

  @Test
  void anLtlTaskThePlannerCannotPlanIsRejectedWithItsReason() {
    CockpitFixture c = CockpitFixture.running("");
    // No ltl_scenario: the planner rejects LTL tasks, and a cancel then says it was rejected.
    OperatorVerdict v = c.client.submit(TaskSubmission.ltl("phi1", "<> a"));
    assertEquals(Outcome.REJECTED, v.outcome());
    assertTrue(v.reason().contains("LTL planning is disabled"), v.reason());
    OperatorVerdict cancel = c.client.cancel("phi1", "");
    assertEquals(Outcome.REJECTED, cancel.outcome());
    assertTrue(cancel.reason().contains("phi1"), cancel.reason());
  }
}
