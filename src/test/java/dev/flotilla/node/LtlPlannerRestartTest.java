package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.journal.StateJournal;
import dev.flotilla.fleet.ltl.LtlPlanDocument;
import dev.flotilla.fleet.ltl.LtlSessionRecord;
import dev.flotilla.plan.ChainAssignment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planner killed mid-plan and started again on its journal gets the LTL plan back exactly:
 * robots, steps, step indices and times relative to the original epoch, at a higher version.
 */
class LtlPlannerRestartTest {

  @TempDir Path dir;

  /** One planner process: its own bus and clock, the journal shared through {@link #dir}. */
  private final class Run {
    final NodeFixture f = new NodeFixture();
    final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
    final List<Allocation> plans = f.record("/flotilla/ltl_plan", Allocation.TYPE);
    final List<dev.flotilla.msgs.std_msgs.String> details =
        f.record("/flotilla/ltl_plan_detail", dev.flotilla.msgs.std_msgs.String.TYPE);
    final dev.flotilla.ros.Bus.Publisher<TaskRequest> tasks =
        f.publisher("/flotilla/tasks", TaskRequest.TYPE);
    final PlannerNode node;

    Run(double now) {
      f.now = now;
      node = new PlannerNode(f.context("planner"), PlannerParams.read(
          NodeFixture.params(LtlFixture.params(LtlFixture.FLEET,
              LtlFixture.BUDGETS + "state_dir: \"" + dir + "\"\n")).forNode("/", "planner")));
      node.start();
    }

    void submit(String id, String formula) {
      tasks.publish(TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_LTL)
          .ltlFormula(formula).build());
    }

    void go(RobotPlan robot, int step) {
      f.publisher("/flotilla/sync", SyncCommand.TYPE).publish(SyncCommand.builder()
          .planVersion(1).robotId(robot.robotId()).taskId(robot.steps().get(step).taskId())
          .stepIndex(step).command(SyncCommand.GO).build());
    }

    Allocation last() {
      return plans.get(plans.size() - 1);
    }

    LtlPlanDocument lastDetail() {
      return LtlPlanDocument.fromJson(details.get(details.size() - 1).data());
    }
  }

  /** Offline phi1 and phi2, a GO, online phi6 100 s later: the plan a crash interrupts. */
  private Run planned() {
    Run r = new Run(1000);
    r.submit("phi1", LtlFixture.PHI1);
    r.submit("phi2", LtlFixture.PHI2);
    r.f.now += 1.5;
    r.node.tick();
    r.go(r.last().plans().get(0), 0);
    r.f.now += 100;
    r.submit("phi6", LtlFixture.PHI6);
    assertEquals(2, r.last().planVersion());
    return r;
  }

  @Test
  void theRestoredPlanIsThePlanBeforeTheCrashAtAHigherVersion() {
    Run before = planned();
    Allocation crashed = before.last();
    LtlPlanDocument crashedDetail = before.lastDetail();

    Run after = new Run(before.f.now + 7);
    assertEquals(1, after.plans.size(), "the restored plan is published at once");
    Allocation restored = after.last();
    assertEquals(3, restored.planVersion());
    assertSameSteps(crashed, restored);
    LtlPlanDocument detail = after.lastDetail();
    assertEquals(crashedDetail.epoch(), detail.epoch());
    assertEquals(crashedDetail.plan(), detail.plan());
    assertEquals(crashedDetail.taskIds(), detail.taskIds());
    assertEquals(crashedDetail.addedResources(), detail.addedResources());
    assertEquals(List.of("phi1", "phi2", "phi6"), after.node.ltl().acceptedTaskIds());
    assertEquals(before.node.ltl().startedChains(), after.node.ltl().startedChains());
    assertTrue(after.node.ltl().planSatisfiesFormulas());
    assertTrue(after.events.stream().noneMatch(e -> e.kind() == FleetEvent.TASK_REJECTED));

    // Ids stay taken; a new online formula is planned on top of the restored plan.
    after.submit("phi1", LtlFixture.PHI1);
    assertEquals(1, after.plans.size());
    after.f.now += 20;
    after.submit("phi3", LtlFixture.PHI3);
    assertEquals(4, after.last().planVersion());
    assertEquals(Set.of("phi1", "phi2", "phi3", "phi6"), taskIds(after.last()));
    assertTrue(after.node.ltl().planSatisfiesFormulas());
    RobotPlan first = crashed.plans().get(0);
    PlanStep started = first.steps().get(0);
    assertTrue(after.last().plans().stream().filter(p -> p.robotId().equals(first.robotId()))
        .flatMap(p -> p.steps().stream()).anyMatch(s -> s.taskId().equals(started.taskId())
            && s.action().equals(started.action()) && s.region().equals(started.region())
            && s.plannedStart().equals(started.plannedStart())),
        "the chain started before the crash stays with its robot and its time");

    // A second crash restores the plan with phi3 as well.
    Run again = new Run(after.f.now + 3);
    assertEquals(5, again.last().planVersion());
    assertSameSteps(after.last(), again.last());
  }

  @Test
  void aRecordThatNoLongerFitsIsPlannedAgainWithAWarning() {
    Run before = planned();
    try (StateJournal j = StateJournal.open(dir, "planner")) {
      LtlSessionRecord r = LtlSessionRecord.fromJson(j.meta("ltl_session").orElseThrow());
      // As if the scenario had changed: the first chain now names an agent that cannot run it.
      List<LtlSessionRecord.Call> calls = new ArrayList<>(r.calls());
      LtlSessionRecord.Call c = calls.get(0);
      List<ChainAssignment> as = new ArrayList<>(c.assignments());
      ChainAssignment a = as.get(0);
      as.set(0, new ChainAssignment(a.subtaskId(), a.chain(), 99, a.helpers()));
      calls.set(0, new LtlSessionRecord.Call(c.taskIds(), c.formulas(), c.online(),
          c.releaseS(), c.resources(), c.started(), as));
      j.put("ltl_session", new LtlSessionRecord(r.epoch(), calls, r.startedChains(),
          r.goSeen()).toJson());
    }
    Run after = new Run(before.f.now + 5);
    assertTrue(after.plans.isEmpty(), "planned again offline after the window, not restored");
    after.f.now += 1.5;
    after.node.tick();
    assertFalse(after.plans.isEmpty());
    assertEquals(3, after.last().planVersion());
    assertEquals(Set.of("phi1", "phi2", "phi6"), taskIds(after.last()));
    assertTrue(after.node.ltl().planSatisfiesFormulas());
  }

  private static void assertSameSteps(Allocation expected, Allocation actual) {
    assertEquals(expected.plans(), actual.plans());
    assertEquals(expected.expectedUtility(), actual.expectedUtility());
  }

  private static Set<String> taskIds(Allocation a) {
    Set<String> out = new java.util.TreeSet<>();
    a.plans().forEach(p -> p.steps().forEach(s -> out.add(s.taskId())));
    return out;
  }
}
