package dev.flotilla.alloc.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.Instances;
import dev.flotilla.alloc.PaperScenario;
import dev.flotilla.alloc.PlanChecker;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.CapabilityModel;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.UnassignedReason;
import dev.flotilla.alloc.api.UtilityMode;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer.Policy;
import dev.flotilla.alloc.travel.StraightLineTravel;
import dev.flotilla.model.Point3;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTriggeredRebalancerTest {

  @Test
  void aNewTaskIsInsertedLocallyAndTouchesOnlyTheRobotsThatTakeIt() {
    AllocationProblem base = PaperScenario.problem();
    AllocationProblem p = new AllocationProblem(base.robots(), base.tasks(),
        (robot, task) -> task.id().equals("T5") ? 0.8 : base.capability().capability(robot, task),
        base.travel(), base.params());
    var r = new EventTriggeredRebalancer(p, 0.5, 1, Policy.EVENT_TRIGGERED);
    // T5 lies just past T4, where the plan ends: appending it there delays nobody else.
    Task t5 = Task.of("T5", Point3.of(2200, 4200), 1, 10, 5e-4).appearingAt(50);
    RebalanceOutcome o = r.onEvent(new RebalanceEvent.NewTask(t5, 50));
    assertFalse(o.globalReplan());
    var a = o.plan().assignment("T5").orElseThrow();
    assertTrue(o.robotsTouched().containsAll(a.robotIds()));
    assertEquals(Set.copyOf(a.robotIds()), o.robotsTouched());
    PlanChecker.check(r.problem(), o.plan(), false);
  }

  @Test
  void aFailureTriggersAGlobalReplanOnlyBelowTheThreshold() {
    var strict = new EventTriggeredRebalancer(PaperScenario.problem(), 0.0, 1,
        Policy.EVENT_TRIGGERED);
    RebalanceOutcome o = strict.onEvent(new RebalanceEvent.RobotFailed("A2", 300));
    assertTrue(o.localEfficiency() < o.referenceEfficiency());
    assertTrue(o.globalReplan(), "a zero threshold re-plans on any efficiency loss");
    assertTrue(o.plan().assignment("T1").isPresent());
    PlanChecker.check(strict.problem(), o.plan(), false);

    var lax = new EventTriggeredRebalancer(PaperScenario.problem(), 0.5, 1,
        Policy.EVENT_TRIGGERED);
    RebalanceOutcome p = lax.onEvent(new RebalanceEvent.RobotFailed("A2", 300));
    assertFalse(p.globalReplan());
    assertEquals(List.of("T3", "T4", "T1"), PlanChecker.strategy(p.plan(), "A1"));
  }

  /** A live parameter change ({@code ros2 param set}) acts on the very next event. */
  @Test
  void aRetunedThresholdDecidesTheNextEvent() {
    var r = new EventTriggeredRebalancer(PaperScenario.problem(), 0.5, 1,
        Policy.EVENT_TRIGGERED);
    r.retune(0.0, 1);
    assertTrue(r.onEvent(new RebalanceEvent.RobotFailed("A2", 300)).globalReplan(),
        "the retuned zero threshold re-plans on any efficiency loss");
    assertThrows(IllegalArgumentException.class, () -> r.retune(1.5, 1));
  }

  @Test
  void smallOdometryNoiseIsIgnoredAndLargeDeviationsRetimeTheRobot() {
    var r = new EventTriggeredRebalancer(PaperScenario.problem(), 0.5, 50, Policy.EVENT_TRIGGERED);
    // At 100 s A1 is on its way from (0,0) to T3 (0,2000): 100 s of a 240 s trapezoid.
    RebalanceOutcome quiet =
        r.onEvent(new RebalanceEvent.OdometryDeviation("A1", Point3.of(10, 790), 100));
    assertEquals(0, quiet.messages());
    double before = r.plan().assignment("T3").orElseThrow().startTime();
    RebalanceOutcome moved =
        r.onEvent(new RebalanceEvent.OdometryDeviation("A1", Point3.of(3000, -2000), 110));
    assertTrue(moved.robotsTouched().contains("A1"));
    assertTrue(moved.plan().assignment("T3").orElseThrow().startTime() > before);
    PlanChecker.check(r.problem(), moved.plan(), false);
  }

  @Test
  void aRecoveredRobotLetsAWaitingTaskBeServed() {
    List<Robot> robots = List.of(Robot.of("A", Point3.of(0, 0), 2, 1, 0.1),
        Robot.of("B", Point3.of(10, 0), 2, 1, 0.1), Robot.of("C", Point3.of(0, 10), 2, 1, 0.1));
    Task big = Task.of("big", Point3.of(500, 500), 3, 20, 1e-4);
    AllocationProblem p = new AllocationProblem(robots, List.of(big), CapabilityModel.UNIFORM,
        new StraightLineTravel(), Instances.PARAMS.withMode(UtilityMode.QUALITY_MINUS_COST));
    var r = new EventTriggeredRebalancer(p, 1.0, 1, Policy.EVENT_TRIGGERED);
    assertTrue(r.plan().assignment("big").isPresent());
    RebalanceOutcome down = r.onEvent(new RebalanceEvent.RobotFailed("C", 10));
    assertEquals(UnassignedReason.NOT_ENOUGH_ROBOTS,
        down.plan().unassignedEntry("big").orElseThrow().reason());
    RebalanceOutcome up =
        r.onEvent(new RebalanceEvent.RobotRecovered("C", Point3.of(5, 5), 20));
    assertEquals(3, up.plan().assignment("big").orElseThrow().robotIds().size());
    assertTrue(up.robotsTouched().containsAll(List.of("A", "B", "C")));
    PlanChecker.check(r.problem(), up.plan(), false);
  }

  @Test
  void eventTriggeredSendsFewerMessagesThanReplanningAtEveryEvent() {
    long[] messages = new long[2];
    long[] touched = new long[2];
    for (Policy policy : Policy.values()) {
      AllocationProblem p = Instances.random(5, 6, 6, 2);
      var r = new EventTriggeredRebalancer(p, 0.2, 5, policy);
      List<RebalanceEvent> events = List.of(
          new RebalanceEvent.NewTask(Task.of("N1", Point3.of(900, 900), 2, 15, 2e-4), 20),
          new RebalanceEvent.OdometryDeviation("A3", Point3.of(1000, 1000), 40),
          new RebalanceEvent.NewTask(Task.of("N2", Point3.of(100, 1800), 1, 12, 2e-4), 60),
          new RebalanceEvent.RobotFailed("A2", 80));
      for (RebalanceEvent e : events) {
        RebalanceOutcome o = r.onEvent(e);
        messages[policy.ordinal()] += o.messages();
        touched[policy.ordinal()] += o.robotsTouched().size();
        PlanChecker.check(r.problem(), o.plan(), false);
      }
    }
    assertTrue(messages[0] < messages[1], "event-triggered " + messages[0] + " vs full "
        + messages[1]);
    assertTrue(touched[0] <= touched[1], "robots touched " + touched[0] + " vs " + touched[1]);
  }

  @Test
  void misuseIsRejected() {
    var r = new EventTriggeredRebalancer(PaperScenario.problem(), 0.1, 1, Policy.EVENT_TRIGGERED);
    r.onEvent(new RebalanceEvent.RobotFailed("A4", 100));
    var late = assertThrows(IllegalArgumentException.class,
        () -> r.onEvent(new RebalanceEvent.RobotFailed("A3", 50)));
    assertTrue(late.getMessage().contains("time order"));
    var dup = assertThrows(IllegalArgumentException.class,
        () -> r.onEvent(new RebalanceEvent.NewTask(Task.of("T1", Point3.ORIGIN, 1, 1, 0), 200)));
    assertTrue(dup.getMessage().contains("'T1'"));
    assertThrows(IllegalArgumentException.class, () -> new EventTriggeredRebalancer(
        PaperScenario.problem(), 1.5, 1, Policy.EVENT_TRIGGERED));
  }

  /**
   * In a live fleet a failed robot's task is done only when reported: the plan believes A2 and A3
   * finished T2 before A2 fails at 300 s, but without a report T2 goes to live robots again.
   */
  @Test
  void withCompletionReportsAFailedRobotsUnreportedTaskIsReinsertedWhateverThePlanSays() {
    var late = new EventTriggeredRebalancer(PaperScenario.problem(), 0.5, 1,
        Policy.EVENT_TRIGGERED).reportingCompletions();
    assertTrue(late.plan().assignment("T2").orElseThrow().finishTime() < 300);
    RebalanceOutcome o = late.onEvent(new RebalanceEvent.RobotFailed("A2", 300));
    var t2 = o.plan().assignment("T2").orElseThrow();
    assertFalse(t2.robotIds().contains("A2"), t2.toString());
    assertTrue(t2.startTime() >= 300, t2.toString());
    PlanChecker.check(late.problem(), o.plan(), false);

    var reported = new EventTriggeredRebalancer(PaperScenario.problem(), 0.5, 1,
        Policy.EVENT_TRIGGERED).reportingCompletions();
    double done = reported.plan().assignment("T2").orElseThrow().finishTime();
    reported.onEvent(new RebalanceEvent.TaskCompleted("T2", done));
    RebalanceOutcome p = reported.onEvent(new RebalanceEvent.RobotFailed("A2", 300));
    assertEquals(List.of("T3", "T4", "T1"), PlanChecker.strategy(p.plan(), "A1"));
    assertTrue(p.plan().assignment("T2").orElseThrow().robotIds().contains("A2"),
        "reported done: T2 stays executed");
  }
}
