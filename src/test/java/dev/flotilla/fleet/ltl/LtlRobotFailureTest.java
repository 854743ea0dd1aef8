package dev.flotilla.fleet.ltl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.plan.AgentPlan;
import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.PlanValidator;
import dev.flotilla.plan.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A robot declared failed (no heartbeat) loses its unfinished LTL chains as a paused one does. */
class LtlRobotFailureTest {

  private static List<PlanStep> stepsOf(LtlTaskPlanner p, String robot) {
    int agent = p.fleet().robotOfAgent().indexOf(robot);
    return p.plan().agents().stream().filter(a -> a.agentId() == agent)
        .flatMap(a -> a.steps().stream()).toList();
  }

  /** A volunteer whose first step is a master step (its chain starts with the GO of it). */
  private static String leadingVolunteer(LtlTaskPlanner p) {
    for (AgentPlan a : p.plan().agents()) {
      String robot = p.fleet().robotOfAgent().get(a.agentId());
      if (robot.startsWith("v") && !a.steps().isEmpty()
          && a.steps().get(0).role() == Role.MASTER) {
        return robot;
      }
    }
    throw new AssertionError("no volunteer leads a chain");
  }

  private static double lastFinish(LtlTaskPlanner p, int subtaskId) {
    return p.plan().agents().stream().flatMap(a -> a.steps().stream())
        .filter(s -> s.subtaskId() == subtaskId).mapToDouble(PlanStep::finishS).max()
        .orElseThrow();
  }

  private static LtlTaskPlanner planned() {
    LtlTaskPlanner p = LtlCancelFixture.planner(0, LtlCancelFixture.FLEET);
    assertInstanceOf(LtlTaskPlanner.Accepted.class,
        p.submit("phi1", LtlCancelFixture.PHI1, 100).get(0));
    return p;
  }

  @Test
  void aFailureMovesTheChainsNotStartedAndADuplicateFailureIsANoOp() {
    LtlTaskPlanner p = planned();
    String v = leadingVolunteer(p);
    long version = p.version();
    LtlTaskPlanner.PauseResult r = p.fail(v, p.epoch());
    assertTrue(r.planChanged(), r.toString());
    assertEquals(List.of("phi1"), r.movedTasks());
    assertEquals(version + 1, p.version());
    assertEquals(List.of(), stepsOf(p, v), "nothing had started, so nothing stays on it");
    assertEquals(List.of(), new PlanValidator(p.problem()).violations(p.plan()));
    assertTrue(p.planSatisfiesFormulas());
    assertEquals(Set.of(v), p.failed());
    assertEquals(Set.of(), p.paused());

    // The synchronizer and another node both report it: the second report moves nothing.
    var plan = p.plan();
    LtlTaskPlanner.PauseResult again = p.fail(v, p.epoch() + 1);
    assertFalse(again.planChanged());
    assertEquals(List.of(), again.movedTasks());
    assertEquals(version + 1, p.version());
    assertEquals(plan, p.plan());

    // Journaled: a restarted planner has the robot failed and the plan as it was.
    LtlTaskPlanner restarted = LtlCancelFixture.planner(0, LtlCancelFixture.FLEET);
    assertEquals(Optional.empty(),
        restarted.restore(LtlSessionRecord.fromJson(p.record().toJson())));
    assertEquals(p.plan(), restarted.plan());
    assertEquals(Set.of(v), restarted.failed());

    // A later formula gives it no work while it is failed.
    assertInstanceOf(LtlTaskPlanner.Accepted.class,
        p.submit("phi9", "<> sw_r4 && <> sw_r3 && <> gf_s1", p.epoch() + 2).get(0));
    assertEquals(List.of(), stepsOf(p, v));
  }

  @Test
  void theChainARobotWasInTheMiddleOfMovesEvenPastItsPlannedEnd() {
    LtlTaskPlanner paused = planned();
    LtlTaskPlanner failed = planned();
    assertEquals(paused.plan(), failed.plan(), "the same offline plan (seeded search)");
    String v = leadingVolunteer(failed);
    PlanStep first = stepsOf(failed, v).get(0);
    String task = failed.taskIdOf(first.subtaskId());
    double afterItsEnd = failed.epoch() + lastFinish(failed, first.subtaskId()) + 1;
    for (LtlTaskPlanner p : List.of(paused, failed)) {
      assertTrue(p.onGo(v, task, 0));
      assertTrue(p.onStepReport(v, task, 0));
    }
    // By the plan's times the chain is done: a pause leaves it (the robot is alive and on it).
    paused.pause(v, afterItsEnd);
    assertTrue(stepsOf(paused, v).stream().anyMatch(s -> s.subtaskId() == first.subtaskId()));
    // A failed robot finishes nothing: the chain it started and never reported done moves.
    LtlTaskPlanner.PauseResult r = failed.fail(v, afterItsEnd);
    assertTrue(r.planChanged(), r.toString());
    assertEquals(List.of(), stepsOf(failed, v), r.toString());
    assertTrue(failed.plan().agents().stream().flatMap(a -> a.steps().stream())
        .anyMatch(s -> s.subtaskId() == first.subtaskId()), "its chain is on another robot");
    assertEquals(List.of(), new PlanValidator(failed.problem()).violations(failed.plan()));
    assertTrue(failed.planSatisfiesFormulas());
  }

  @Test
  void aChainTheFailedRobotReportedFinishedStaysAtItsIndices() {
    LtlTaskPlanner p = planned();
    String v = leadingVolunteer(p);
    List<PlanStep> before = stepsOf(p, v);
    int chain = before.get(0).subtaskId();
    String task = p.taskIdOf(chain);
    assertTrue(p.onGo(v, task, 0));
    int done = 0;
    while (done < before.size() && before.get(done).subtaskId() == chain) {
      assertTrue(p.onStepReport(v, task, done, false));
      assertTrue(p.onStepReport(v, task, done, true));
      done++;
    }
    p.fail(v, p.epoch() + lastFinish(p, chain) + 1);
    List<PlanStep> after = stepsOf(p, v);
    assertEquals(done, after.size(), "the finished chain stays, the rest moved: " + after);
    for (int i = 0; i < done; i++) {
      assertEquals(chain, after.get(i).subtaskId());
      assertEquals(before.get(i).stepIndex(), after.get(i).stepIndex());
    }
    assertEquals(List.of(), new PlanValidator(p.problem()).violations(p.plan()));
  }

  @Test
  void workNoOtherRobotCanDoStaysWithTheReasonAndIsRepublishedOnRecovery() {
    LtlTaskPlanner p = LtlCancelFixture.planner(0, "v1:volunteer:-95:0", "d1:doctor:60:50");
    assertInstanceOf(LtlTaskPlanner.Accepted.class, p.submit("diag", "<> di_f1", 100).get(0));
    LtlTaskPlanner.PauseResult r = p.fail("d1", p.epoch());
    assertTrue(r.planChanged(), "published again, with the reason");
    assertEquals(Set.of("diag"), r.unassignable().keySet());
    assertTrue(r.unassignable().get("diag").contains("no other robot of type doctor"),
        r.unassignable().toString());
    assertFalse(stepsOf(p, "d1").isEmpty(), "its step waits for the recovery");

    long version = p.version();
    var plan = p.plan();
    LtlTaskPlanner.Recovery back = p.recover("d1");
    assertTrue(back.recovered());
    assertTrue(back.planChanged(), "it dropped its plan when declared failed: a newer version");
    assertEquals(version + 1, p.version());
    assertEquals(plan, p.plan(), "the same plan");
    assertEquals(Set.of(), p.failed());
    LtlTaskPlanner.Recovery twice = p.recover("d1");
    assertFalse(twice.recovered());
    assertFalse(twice.planChanged());
    assertEquals(version + 1, p.version());
  }

  @Test
  void aRecoveredRobotIsBackInThePoolAndWhatMovedStaysMoved() {
    LtlTaskPlanner p = planned();
    String v = leadingVolunteer(p);
    p.fail(v, p.epoch());
    var plan = p.plan();
    long version = p.version();
    LtlTaskPlanner.Recovery back = p.recover(v);
    assertTrue(back.recovered());
    assertFalse(back.planChanged(), "it holds no LTL step: nothing to publish");
    assertEquals(version, p.version());
    assertEquals(plan, p.plan());
    assertEquals(List.of(), stepsOf(p, v));
    assertEquals(Set.of(), p.failed());
    assertFalse(p.fail("nobody", p.epoch()).planChanged(), "no LTL agent");
  }
}
