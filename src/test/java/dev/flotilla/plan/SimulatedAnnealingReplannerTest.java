package dev.flotilla.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Algorithm 2 of seed 003 on the mini world. */
class SimulatedAnnealingReplannerTest {

  private static final Scenario MINI = Fixtures.mini();

  private static Map<String, Integer> fleet() {
    Map<String, Integer> c = new LinkedHashMap<>();
    c.put("volunteer", 2);
    c.put("referee", 2);
    return c;
  }

  @Test
  void newSubtasksAreInsertedAfterTheirPredecessorsWithoutTouchingStartedChains() {
    List<SubtaskSpec> offline =
        List.of(SubtaskSpec.of(0, "dc", "t1"), SubtaskSpec.of(1, "om", "t1"),
            SubtaskSpec.of(2, "sw", "r1"));
    TaskSpec before = new TaskSpec(offline, Set.of(new TaskSpec.Order(0, 1)), List.of());
    Weights w = new Weights(1, 1, 0.5);
    PlanningProblem p0 = Fixtures.problem(MINI, fleet(), before, w);
    Plan plan0 =
        ((PlanResult.Planned)
                new BranchAndBoundPlanner(p0, BranchAndBoundPlanner.Config.defaults()).plan())
            .plan();
    double release = 40;
    Set<Integer> started = SimulatedAnnealingReplanner.startedBy(plan0, release);
    // Online: sw_r2 (3) must follow om_t1 (1) and conflicts with sw_r1 (2).
    List<SubtaskSpec> all = new ArrayList<>(offline);
    all.add(SubtaskSpec.of(3, "sw", "r2"));
    TaskSpec after =
        new TaskSpec(
            all, Set.of(new TaskSpec.Order(0, 1), new TaskSpec.Order(1, 3)), List.of(Set.of(2, 3)));
    PlanningProblem p1 = Fixtures.problem(MINI, fleet(), after, w);
    PlanResult r =
        new SimulatedAnnealingReplanner(
                p1,
                plan0.assignments(),
                started,
                release,
                new SimulatedAnnealingReplanner.Config(0.5, 0.05, 100, 3))
            .plan();
    Plan plan1 = assertInstanceOf(PlanResult.Planned.class, r).plan();
    assertEquals(List.of(), new PlanValidator(p1).violations(plan1));
    assertEquals(4, plan1.assignments().size());
    for (ChainAssignment a : plan0.assignments()) {
      if (started.contains(a.subtaskId())) {
        assertTrue(plan1.assignments().contains(a), "started chain changed: " + a);
      }
    }
    assertTrue(r.stats().bestPlanS() >= r.stats().firstPlanS());
    assertTrue(r.stats().firstObjective() >= plan1.objective() - 1e-9);
  }

  @Test
  void annealingNeverReturnsWorseThanItsFirstPlan() {
    List<SubtaskSpec> subs = new ArrayList<>();
    String[][] props = {{"dc", "t1"}, {"sw", "r1"}, {"om", "t1"}, {"sw", "r2"}, {"dc", "r1"}};
    for (int i = 0; i < props.length; i++) {
      subs.add(SubtaskSpec.of(i, props[i][0], props[i][1]));
    }
    TaskSpec tasks = new TaskSpec(subs, Set.of(new TaskSpec.Order(0, 2)), List.of());
    PlanningProblem p = Fixtures.problem(MINI, fleet(), tasks, new Weights(1, 1, 1));
    for (long seed = 0; seed < 5; seed++) {
      PlanResult r =
          new SimulatedAnnealingReplanner(
                  p,
                  List.of(),
                  Set.of(),
                  0,
                  new SimulatedAnnealingReplanner.Config(0.2, 0.1, 300, seed))
              .plan();
      PlanResult.Planned planned = assertInstanceOf(PlanResult.Planned.class, r);
      assertTrue(planned.plan().objective() <= r.stats().firstObjective() + 1e-9);
      assertEquals(List.of(), new PlanValidator(p).violations(planned.plan()));
    }
  }
}
