package dev.flotilla.fleet.ltl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.plan.AgentPlan;
import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.PlanValidator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LtlRobotPauseTest {

  private static List<PlanStep> stepsOf(LtlTaskPlanner p, String robot) {
    int agent = p.fleet().robotOfAgent().indexOf(robot);
    return p.plan().agents().stream().filter(a -> a.agentId() == agent)
        .flatMap(a -> a.steps().stream()).toList();
  }

  private static String busyVolunteer(LtlTaskPlanner p) {
    for (AgentPlan a : p.plan().agents()) {
      String robot = p.fleet().robotOfAgent().get(a.agentId());
      if (robot.startsWith("v") && !a.steps().isEmpty()) {
        return robot;
      }
    }
    throw new AssertionError("no volunteer has work");
  }

  @Test
  void pausingARobotMovesItsUnfinishedChainsToRobotsOfItsType() {
    LtlTaskPlanner p = LtlCancelFixture.planner(0, LtlCancelFixture.FLEET);
    assertInstanceOf(LtlTaskPlanner.Accepted.class,
        p.submit("phi1", LtlCancelFixture.PHI1, 100).get(0));
    String v = busyVolunteer(p);
    long version = p.version();
    LtlTaskPlanner.PauseResult r = p.pause(v, p.epoch());
    assertTrue(r.planChanged(), r.toString());
    assertEquals(List.of("phi1"), r.movedTasks());
    assertEquals(version + 1, p.version());
    assertEquals(List.of(), stepsOf(p, v), "nothing had started, so nothing stays on it");
    assertEquals(List.of(), new PlanValidator(p.problem()).violations(p.plan()));
    assertTrue(p.planSatisfiesFormulas());
    assertEquals(Set.of(v), p.paused());

    // Pausing it again changes nothing; a later formula gives it no work while it is paused.
    assertFalse(p.pause(v, p.epoch() + 1).planChanged());
    assertInstanceOf(LtlTaskPlanner.Accepted.class,
        p.submit("phi9", "<> sw_r4 && <> sw_r3 && <> gf_s1", p.epoch() + 2).get(0));
    assertEquals(List.of(), stepsOf(p, v));

    // Journaled: a restarted planner has the robot paused and the plan as it was.
    LtlTaskPlanner again = LtlCancelFixture.planner(0, LtlCancelFixture.FLEET);
    assertEquals(Optional.empty(),
        again.restore(LtlSessionRecord.fromJson(p.record().toJson())));
    assertEquals(p.plan(), again.plan());
    assertEquals(Set.of(v), again.paused());

    assertTrue(p.resume(v));
    assertFalse(p.resume(v), "resuming twice says it was not paused");
    assertEquals(Set.of(), p.paused());
  }

  @Test
  void workNoOtherRobotCanDoStaysWithTheReason() {
    LtlTaskPlanner p = LtlCancelFixture.planner(0, "v1:volunteer:-95:0", "d1:doctor:60:50");
    assertInstanceOf(LtlTaskPlanner.Accepted.class, p.submit("diag", "<> di_f1", 100).get(0));
    LtlTaskPlanner.PauseResult r = p.pause("d1", p.epoch());
    assertTrue(r.planChanged(), "published again, with the reason");
    assertEquals(Set.of("diag"), r.unassignable().keySet());
    assertTrue(r.unassignable().get("diag").contains("no other robot of type doctor"),
        r.unassignable().toString());
    assertFalse(stepsOf(p, "d1").isEmpty(), "its step waits for the resume");
  }

  @Test
  void aRobotThatIsNoLtlAgentOrHasNoWorkChangesNothing() {
    LtlTaskPlanner p = LtlCancelFixture.planner(0, LtlCancelFixture.FLEET);
    p.submit("diag", "<> di_f1", 100);
    assertFalse(p.pause("nobody", p.epoch()).planChanged());
    LtlTaskPlanner.PauseResult r = p.pause("j2", p.epoch());
    assertFalse(r.planChanged());
    assertEquals(List.of(), r.movedTasks());
  }
}
