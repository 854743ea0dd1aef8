package dev.flotilla.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Branch and bound of Section 3.2 of seed 003 against exhaustive search and the validator. */
class BranchAndBoundPlannerTest {

  private static final Scenario MINI = Fixtures.mini();
  private static final String[][] PROPS = {
    {"sw", "r1"}, {"sw", "r2"}, {"dc", "t1"}, {"om", "t1"}, {"dc", "r1"}, {"sw", "t1"}
  };

  private static PlanResult bnb(PlanningProblem p) {
    return new BranchAndBoundPlanner(p, new BranchAndBoundPlanner.Config(30, 5_000_000, true))
        .plan();
  }

  @Test
  void branchAndBoundMatchesExhaustiveSearchOnRandomSmallInstances() {
    Random rnd = new Random(20240816);
    int compared = 0;
    for (int trial = 0; trial < 40; trial++) {
      int m = 2 + rnd.nextInt(2);
      List<SubtaskSpec> subs = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        String[] p = PROPS[rnd.nextInt(PROPS.length)];
        subs.add(SubtaskSpec.of(i, p[0], p[1]));
      }
      Set<TaskSpec.Order> order = new HashSet<>();
      List<Set<Integer>> conflicts = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          int r = rnd.nextInt(4);
          if (r == 0) {
            order.add(new TaskSpec.Order(i, j));
          } else if (r == 1) {
            conflicts.add(Set.of(i, j));
          }
        }
      }
      Map<String, Integer> counts = new LinkedHashMap<>();
      counts.put("volunteer", 1 + rnd.nextInt(2));
      counts.put("referee", m == 3 ? 1 : 1 + rnd.nextInt(2));
      Weights w = new Weights(rnd.nextDouble(), rnd.nextDouble() * 5, rnd.nextDouble());
      PlanningProblem problem =
          Fixtures.problem(MINI, counts, new TaskSpec(subs, order, conflicts), w);
      PlanResult exact = new ExhaustivePlanner(problem, 20_000_000).plan();
      PlanResult found = bnb(problem);
      String ctx = "trial " + trial + ": " + subs + " order " + order + " conflicts " + conflicts;
      if (exact instanceof PlanResult.Infeasible) {
        assertInstanceOf(PlanResult.Infeasible.class, found, ctx);
        continue;
      }
      Plan best = ((PlanResult.Planned) exact).plan();
      PlanResult.Planned planned = assertInstanceOf(PlanResult.Planned.class, found, ctx);
      assertTrue(planned.stats().optimal(), ctx);
      assertEquals(best.objective(), planned.plan().objective(), 1e-6, ctx);
      assertEquals(List.of(), new PlanValidator(problem).violations(planned.plan()), ctx);
      assertEquals(List.of(), new PlanValidator(problem).violations(best), ctx);
      compared++;
    }
    assertTrue(compared >= 20, "too few feasible random instances: " + compared);
  }

  @Test
  void twinVolunteersMatchExhaustiveSearch() {
    // Volunteers 0 and 2 start together at s1: interchangeable until one of them helps.
    Random rnd = new Random(7);
    for (int trial = 0; trial < 6; trial++) {
      List<SubtaskSpec> subs =
          List.of(SubtaskSpec.of(0, "sw", trial % 2 == 0 ? "r1" : "t1"),
              SubtaskSpec.of(1, "dc", "t1"));
      Map<String, Integer> counts = new LinkedHashMap<>();
      counts.put("volunteer", 3);
      counts.put("referee", 1);
      Weights w = new Weights(1 + rnd.nextDouble(), rnd.nextDouble(), 0.05 * rnd.nextDouble());
      PlanningProblem p =
          Fixtures.problem(MINI, counts, new TaskSpec(subs, Set.of(), List.of()), w);
      Plan exact = ((PlanResult.Planned) new ExhaustivePlanner(p, 20_000_000).plan()).plan();
      PlanResult.Planned found = (PlanResult.Planned) bnb(p);
      assertTrue(found.stats().optimal());
      assertEquals(exact.objective(), found.plan().objective(), 1e-6, "trial " + trial);
    }
  }

  @Test
  void symmetryBreakingDoesNotChangeTheOptimum() {
    TaskSpec tasks =
        new TaskSpec(
            List.of(
                SubtaskSpec.of(0, "dc", "t1"), SubtaskSpec.of(1, "om", "t1"),
                    SubtaskSpec.of(2, "sw", "r1")),
            Set.of(new TaskSpec.Order(0, 1)),
            List.of());
    PlanningProblem p =
        Fixtures.problem(MINI, Map.of("volunteer", 2, "referee", 2), tasks, new Weights(1, 1, 0.1));
    PlanResult.Planned with = (PlanResult.Planned) bnb(p);
    PlanResult.Planned without =
        (PlanResult.Planned)
            new BranchAndBoundPlanner(p, new BranchAndBoundPlanner.Config(30, 5_000_000, false))
                .plan();
    assertTrue(with.stats().optimal() && without.stats().optimal());
    assertEquals(without.plan().objective(), with.plan().objective(), 1e-6);
    assertTrue(with.stats().nodes() < without.stats().nodes());
  }

  @Test
  void collaboratorsShortenALongAction() {
    // One om of 90 s; with two referees at t1 the optimum under a makespan-only objective splits
    // it.
    TaskSpec tasks = new TaskSpec(List.of(SubtaskSpec.of(0, "om", "t1")), Set.of(), List.of());
    PlanningProblem p = Fixtures.problem(MINI, Map.of("referee", 2), tasks, new Weights(1, 0, 0));
    Plan plan = ((PlanResult.Planned) bnb(p)).plan();
    assertEquals(45.0, plan.makespanS(), 1e-9);
    assertEquals(1, plan.collaborationCount());
    PlanStep helper =
        plan.agents().get(1).steps().isEmpty()
            ? plan.agents().get(0).steps().get(0)
            : plan.agents().get(1).steps().get(0);
    assertEquals(1, helper.partners().size());
  }

  @Test
  void resourceLimitOfEq8MakesTooManyWaterDeliveriesInfeasible() {
    // Only 3 units of water exist (s1: 2, s2: 1); four deliveries cannot all be served.
    List<SubtaskSpec> subs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      subs.add(SubtaskSpec.of(i, "sw", i % 2 == 0 ? "r1" : "r2"));
    }
    PlanningProblem p =
        Fixtures.problem(
            MINI,
            Map.of("volunteer", 2),
            new TaskSpec(subs, Set.of(), List.of()),
            new Weights(1, 1, 1));
    PlanResult r = bnb(p);
    PlanResult.Infeasible inf = assertInstanceOf(PlanResult.Infeasible.class, r);
    assertTrue(r.stats().optimal(), "the whole tree was searched");
    assertTrue(inf.reason().contains("resource"), inf.reason());
    // Three deliveries fit, and the third must use s2's single unit.
    PlanningProblem three =
        Fixtures.problem(
            MINI,
            Map.of("volunteer", 2),
            new TaskSpec(subs.subList(0, 3), Set.of(), List.of()),
            new Weights(1, 1, 1));
    Plan plan = ((PlanResult.Planned) bnb(three)).plan();
    assertEquals(List.of(), new PlanValidator(three).violations(plan));
    assertEquals(6.0, plan.resourceCost(), 1e-9);
  }

  @Test
  void subtaskNoTypeCanServeIsRejectedWithAReason() {
    TaskSpec tasks = new TaskSpec(List.of(SubtaskSpec.of(7, "om", "r1")), Set.of(), List.of());
    PlanningProblem p = Fixtures.problem(MINI, Map.of("volunteer", 1), tasks, new Weights(1, 1, 1));
    PlanResult.Infeasible inf = assertInstanceOf(PlanResult.Infeasible.class, bnb(p));
    assertTrue(inf.reason().contains("subtask 7 (om_r1)"), inf.reason());
  }

  @Test
  void selfLoopForbidsVolunteersAtTheRegionUntilTheSubtaskIsDone() {
    // sigma^s of subtask 0 forbids Vo_r1 until om... here: dc_t1 by a referee must come first.
    TaskSpec tasks =
        new TaskSpec(
            List.of(
                new SubtaskSpec(0, "dc", "t1", Set.of(), Set.of("Vo_r1")),
                    SubtaskSpec.of(1, "sw", "r1")),
            Set.of(),
            List.of());
    PlanningProblem p =
        Fixtures.problem(MINI, Map.of("volunteer", 1, "referee", 1), tasks, new Weights(1, 0, 0));
    Plan plan = ((PlanResult.Planned) bnb(p)).plan();
    assertEquals(List.of(), new PlanValidator(p).violations(plan));
    double dcEnd = Double.NaN;
    double swStart = Double.NaN;
    for (AgentPlan a : plan.agents()) {
      for (PlanStep s : a.steps()) {
        if (s.proposition().equals("dc_t1") && s.role() == Role.MASTER) {
          dcEnd = s.finishS();
        }
        if (s.proposition().equals("sw_r1") && s.role() == Role.MASTER) {
          swStart = s.startS();
        }
      }
    }
    assertTrue(swStart >= dcEnd, swStart + " < " + dcEnd);
  }
}
