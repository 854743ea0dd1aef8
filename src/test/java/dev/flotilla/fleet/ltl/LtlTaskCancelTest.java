package dev.flotilla.fleet.ltl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.PlanValidator;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LtlTaskCancelTest {

  private LtlTaskPlanner planned() {
    LtlTaskPlanner p = LtlCancelFixture.planner(0, LtlCancelFixture.FLEET);
    List<LtlTaskPlanner.Outcome> out = p.submit("phi1", LtlCancelFixture.PHI1, 100);
    assertInstanceOf(LtlTaskPlanner.Accepted.class, out.get(0), out.toString());
    assertInstanceOf(LtlTaskPlanner.Accepted.class,
        p.submit("phi2", LtlCancelFixture.PHI2, 100).get(0));
    assertInstanceOf(LtlTaskPlanner.Accepted.class,
        p.submit("phi3", LtlCancelFixture.PHI3, 100).get(0));
    return p;
  }

  private static List<PlanStep> steps(LtlTaskPlanner p) {
    return p.plan().agents().stream().flatMap(a -> a.steps().stream()).toList();
  }

  private static void assertValid(LtlTaskPlanner p) {
    assertEquals(List.of(), new PlanValidator(p.problem()).violations(p.plan()));
    assertTrue(p.planSatisfiesFormulas(), "every remaining formula accepts the plan's word");
  }

  @Test
  void cancelTakesTheTaskOutAndKeepsTheOthersInAValidPlan() {
    LtlTaskPlanner p = planned();
    assertTrue(steps(p).stream().anyMatch(s -> LtlCancelFixture.PHI2_ONLY.contains(
        s.proposition())));
    long before = p.version();
    double now = p.epoch() + 5;
    var r = p.cancel("phi2", now);
    var yes = assertInstanceOf(LtlTaskPlanner.Cancelled.class, r, r.toString());
    assertTrue(yes.planChanged());
    assertFalse(yes.robots().isEmpty(), "phi2 had steps on robots");
    assertEquals(before + 1, p.version());
    assertEquals(List.of("phi1", "phi3"), p.acceptedTaskIds());
    assertEquals(Set.of("phi2"), p.cancelledTaskIds());
    assertTrue(steps(p).stream().noneMatch(s -> LtlCancelFixture.PHI2_ONLY.contains(
        s.proposition())), "no step of phi2 is left");
    assertTrue(p.problem().tasks().subtasks().stream().noneMatch(s ->
        LtlCancelFixture.PHI2_ONLY.contains(s.proposition())), "nor a subtask");
    assertValid(p);
    for (PlanStep s : steps(p)) {
      assertFalse(p.taskIdOf(s.subtaskId()).equals("phi2"));
    }
  }

  @Test
  void cancellingTwiceAnUnknownOrAFinishedTaskIsANoOpWithTheReason() {
    LtlTaskPlanner p = planned();
    assertInstanceOf(LtlTaskPlanner.Cancelled.class, p.cancel("phi2", p.epoch() + 1));
    long version = p.version();
    var twice = assertInstanceOf(LtlTaskPlanner.NotCancelled.class,
        p.cancel("phi2", p.epoch() + 2));
    assertTrue(twice.reason().contains("already cancelled"), twice.reason());
    var unknown = assertInstanceOf(LtlTaskPlanner.NotCancelled.class,
        p.cancel("nope", p.epoch() + 2));
    assertTrue(unknown.reason().contains("not in the LTL plan"), unknown.reason());
    // Long after every planned finish (no synchronizer: planned times stand in): finished.
    var done = assertInstanceOf(LtlTaskPlanner.NotCancelled.class,
        p.cancel("phi1", p.epoch() + 1e6));
    assertTrue(done.reason().contains("finished"), done.reason());
    assertEquals(version, p.version(), "no refusal changes the plan");
  }

  @Test
  void aTaskWaitingForTheOfflinePlanJustLeavesTheQueue() {
    LtlTaskPlanner p = LtlCancelFixture.planner(1, LtlCancelFixture.FLEET);
    assertEquals(List.of(), p.submit("phi1", LtlCancelFixture.PHI1, 0));
    assertEquals(List.of(), p.submit("phi2", LtlCancelFixture.PHI2, 0));
    var r = assertInstanceOf(LtlTaskPlanner.Cancelled.class, p.cancel("phi2", 0.5));
    assertFalse(r.planChanged());
    List<LtlTaskPlanner.Outcome> out = p.tick(2);
    assertEquals(List.of("phi1"), out.stream().map(LtlTaskPlanner.Outcome::taskId).toList());
    assertEquals(List.of("phi1"), p.acceptedTaskIds());
  }

  @Test
  void aStartedChainOfTheTaskIsStoppedAndTheRestIsRetimedFromNow() {
    LtlTaskPlanner p = planned();
    PlanStep first = steps(p).stream().filter(s -> LtlCancelFixture.PHI2_ONLY.contains(
        s.proposition()) && s.stepIndex() == 0).min((a, b) -> Double.compare(a.startS(),
        b.startS())).orElseThrow();
    double release = first.startS() + 1;
    var r = assertInstanceOf(LtlTaskPlanner.Cancelled.class,
        p.cancel("phi2", p.epoch() + release));
    assertTrue(r.detail().contains("re-timed"), r.detail());
    assertValid(p);
    Set<Integer> started = SimulatedAnnealingReplanner.startedBy(p.plan(),
        release);
    for (PlanStep s : steps(p)) {
      if (!started.contains(s.subtaskId())) {
        assertTrue(s.startS() >= release - 1e-6, "not started, so not before now: " + s);
      }
    }
  }

  @Test
  void aRestartedPlannerGetsThePlanWithoutTheCancelledTaskBack() {
    LtlTaskPlanner p = planned();
    p.cancel("phi2", p.epoch() + 3);
    LtlSessionRecord record = LtlSessionRecord.fromJson(p.record().toJson());
    LtlTaskPlanner again = LtlCancelFixture.planner(0, LtlCancelFixture.FLEET);
    assertEquals(Optional.empty(), again.restore(record));
    assertEquals(p.plan().assignments(), again.plan().assignments());
    assertEquals(p.plan(), again.plan());
    assertEquals(List.of("phi1", "phi3"), again.acceptedTaskIds());
    assertTrue(again.cancelledTaskIds().contains("phi2"));
    assertInstanceOf(LtlTaskPlanner.NotCancelled.class, again.cancel("phi2", again.epoch() + 4));
  }

  @Test
  void aLaterFormulaAskingForACancelledActionGetsItsOwnSubtask() {
    LtlTaskPlanner p = planned();
    p.cancel("phi2", p.epoch() + 3);
    var out = p.submit("phi8", "<> sf_r3", p.epoch() + 10);
    assertInstanceOf(LtlTaskPlanner.Accepted.class, out.get(0), out.toString());
    assertTrue(steps(p).stream().anyMatch(s -> s.proposition().equals("sf_r3")
        && p.taskIdOf(s.subtaskId()).equals("phi8")));
    assertTrue(steps(p).stream().noneMatch(s -> s.proposition().equals("dc_t4")));
    assertValid(p);
  }

  @Test
  void cancellingEveryTaskLeavesAnEmptyPlanThatStillTakesNewFormulas() {
    LtlTaskPlanner p = planned();
    for (String id : List.of("phi1", "phi2", "phi3")) {
      assertInstanceOf(LtlTaskPlanner.Cancelled.class, p.cancel(id, p.epoch() + 1));
    }
    assertTrue(steps(p).isEmpty());
    assertTrue(LtlPlans.fleetPlan(p, p.epoch() + 1).itineraries().isEmpty());
    var out = p.submit("phi9", "<> sw_r4", p.epoch() + 2);
    assertInstanceOf(LtlTaskPlanner.Accepted.class, out.get(0), out.toString());
    assertValid(p);
  }

  @Test
  void finishedChainsOfTheTaskStayAndEveryFinishedStepKeepsItsIndexAndTask() {
    LtlTaskPlanner p = planned();
    // The moment the first chain of phi2 ends: it is finished, the others are not.
    double release = steps(p).stream()
        .filter(s -> LtlCancelFixture.PHI2_ONLY.contains(s.proposition()))
        .collect(Collectors.groupingBy(PlanStep::subtaskId,
            Collectors.summarizingDouble(PlanStep::finishS)))
        .values().stream().mapToDouble(d -> d.getMax()).min().orElseThrow() + 1e-3;
    var before = p.plan();
    Map<Integer, List<String>> done = new HashMap<>();
    for (var a : before.agents()) {
      done.put(a.agentId(), a.steps().stream().filter(s -> s.finishS() <= release)
          .map(s -> p.taskIdOf(s.subtaskId()) + "/" + s.proposition()).toList());
    }
    var r = assertInstanceOf(LtlTaskPlanner.Cancelled.class,
        p.cancel("phi2", p.epoch() + release));
    assertTrue(r.planChanged());
    assertValid(p);
    for (var a : p.plan().agents()) {
      List<String> prefix = a.steps().stream().limit(done.get(a.agentId()).size())
          .map(s -> p.taskIdOf(s.subtaskId()) + "/" + s.proposition()).toList();
      assertEquals(done.get(a.agentId()), prefix, "agent " + a.agentId());
    }
    assertTrue(steps(p).stream().anyMatch(s -> p.taskIdOf(s.subtaskId()).equals("phi2")),
        "the finished chain stays under phi2");
    assertTrue(steps(p).stream().filter(s -> p.taskIdOf(s.subtaskId()).equals("phi2"))
        .allMatch(s -> s.finishS() <= release), "only finished steps of phi2 are left");
  }

  @Test
  void aChainARobotDidPartOfAndMovedOnFromStaysSoItsStepsKeepTheirIndices() {
    LtlTaskPlanner p = planned();
    String robot = null;
    int done = -1;
    int later = -1;
    for (var a : p.plan().agents()) {
      List<PlanStep> list = a.steps();
      for (int i = 0; i < list.size() && robot == null; i++) {
        if (!p.taskIdOf(list.get(i).subtaskId()).equals("phi2")) {
          continue;
        }
        for (int j = i + 1; j < list.size(); j++) {
          if (!p.taskIdOf(list.get(j).subtaskId()).equals("phi2")) {
            robot = p.fleet().robotOfAgent().get(a.agentId());
            done = i;
            later = j;
            break;
          }
        }
      }
    }
    assumeTrue(robot != null, "no robot has phi2 work first");
    int agent = p.fleet().robotOfAgent().indexOf(robot);
    PlanStep laterStep = p.plan().agents().get(agent).steps().get(later);
    int pinnedSubtask = p.plan().agents().get(agent).steps().get(done).subtaskId();
    for (int k = 0; k <= later; k++) {
      String task = p.taskIdOf(p.plan().agents().get(agent).steps().get(k).subtaskId());
      assertTrue(p.onStepReport(robot, task, k));
    }
    assertFalse(p.onStepReport(robot, "phi1", 999), "no such step");
    var r = assertInstanceOf(LtlTaskPlanner.Cancelled.class,
        p.cancel("phi2", p.epoch() + 1));
    assertTrue(r.detail().contains("stay"), r.detail());
    List<PlanStep> after = p.plan().agents().get(agent).steps();
    assertEquals(laterStep.subtaskId(), after.get(later).subtaskId(), "same index");
    assertTrue(steps(p).stream().anyMatch(s -> s.subtaskId() == pinnedSubtask));
    assertValid(p);
    // The restarted planner knows the reports too.
    LtlTaskPlanner again = LtlCancelFixture.planner(0, LtlCancelFixture.FLEET);
    again.restore(LtlSessionRecord.fromJson(p.record().toJson()));
    assertEquals(p.plan(), again.plan());
    assertEquals(p.record().reported(), again.record().reported());
  }

  @Test
  void aJournalRecordWrittenBeforeCancelAndPauseExistedStillRestores() throws Exception {
    LtlTaskPlanner p = planned();
    var json = (ObjectNode)
        new ObjectMapper().readTree(p.record().toJson());
    json.remove("paused");
    json.remove("reported");
    json.get("calls").forEach(c -> ((ObjectNode) c)
        .remove("change"));
    LtlSessionRecord old = LtlSessionRecord.fromJson(json.toString());
    assertEquals(Set.of(), old.paused());
    assertEquals("", old.calls().get(0).change());
    LtlTaskPlanner again = LtlCancelFixture.planner(0, LtlCancelFixture.FLEET);
    assertEquals(Optional.empty(), again.restore(old));
    assertEquals(p.plan(), again.plan());
  }
}
