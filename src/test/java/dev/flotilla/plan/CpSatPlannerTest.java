package dev.flotilla.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
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

/** The CP-SAT planner against exhaustive search, branch and bound and the validator. */
class CpSatPlannerTest {

  private static final Scenario MINI = Fixtures.mini();
  private static final String[][] PROPS = {
    {"sw", "r1"}, {"sw", "r2"}, {"dc", "t1"}, {"om", "t1"}, {"dc", "r1"}, {"sw", "t1"}
  };

  private static CpSatPlanner cpSat(PlanningProblem p) {
    return new CpSatPlanner(p, new CpSatPlanner.Config(30, 1, 1));
  }

  /** Random instances of 2-3 subtasks with orders and conflicts, as in BranchAndBoundPlannerTest. */
  private static List<PlanningProblem> smallInstances(long seed, int count) {
    Random rnd = new Random(seed);
    List<PlanningProblem> out = new ArrayList<>();
    for (int trial = 0; trial < count; trial++) {
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
      out.add(Fixtures.problem(MINI, counts, new TaskSpec(subs, order, conflicts), w));
    }
    return out;
  }

  @Test
  void cpSatBranchAndBoundAndExhaustiveSearchAgreeOnSmallSeededInstances() {
    int compared = 0;
    List<PlanningProblem> instances = smallInstances(20240816, 40);
    for (int trial = 0; trial < instances.size(); trial++) {
      PlanningProblem problem = instances.get(trial);
      String ctx = "trial " + trial + ": " + problem.tasks();
      assertTrue(CpSatPlanner.useExact(problem, List.of()), ctx + " uses the exact model");
      PlanResult exact = new ExhaustivePlanner(problem, 20_000_000).plan();
      CpSatPlanner planner = cpSat(problem);
      PlanResult found = planner.plan();
      PlanResult bnb =
          new BranchAndBoundPlanner(problem, new BranchAndBoundPlanner.Config(30, 5_000_000, true))
              .plan();
      if (exact instanceof PlanResult.Infeasible) {
        assertInstanceOf(PlanResult.Infeasible.class, found, ctx);
        continue;
      }
      double best = ((PlanResult.Planned) exact).plan().objective();
      PlanResult.Planned planned = assertInstanceOf(PlanResult.Planned.class, found, ctx);
      assertEquals(List.of(), new PlanValidator(problem).violations(planned.plan()), ctx);
      assertTrue(planned.plan().objective() >= best - 1e-6, ctx);
      assertTrue(planner.lowerBound() <= best + 1e-6, ctx + " bound " + planner.lowerBound());
      assertEquals(best, ((PlanResult.Planned) bnb).plan().objective(), 1e-6, ctx);
      // The exact model places collaborators: CP-SAT alone finds every optimum and proves it.
      assertEquals(best, planned.plan().objective(), 1e-6 * Math.max(1, best), ctx);
      assertTrue(planned.stats().optimal(), ctx + " best " + best + " bound " + planner.lowerBound());
      PlanResult.Planned seeded = assertInstanceOf(PlanResult.Planned.class,
          new CpSatBranchAndBoundPlanner(problem, 30, 1).plan(), ctx);
      assertTrue(seeded.stats().optimal(), ctx);
      assertEquals(best, seeded.plan().objective(), 1e-6 * Math.max(1, best), ctx);
      compared++;
    }
    assertTrue(compared >= 20, "too few feasible random instances: " + compared);
  }

  @Test
  void eachModelsBoundIsNeverAboveTheExhaustiveOptimumEvenWhenStoppedEarly() {
    CpSatPlanner.loadNatives().ifPresent(reason -> {
      throw new AssertionError(reason);
    });
    int compared = 0;
    for (PlanningProblem problem : smallInstances(77, 30)) {
      PlanResult exact = new ExhaustivePlanner(problem, 20_000_000).plan();
      if (!(exact instanceof PlanResult.Planned planned)) {
        continue;
      }
      double best = planned.plan().objective();
      String ctx = problem.tasks() + " " + problem.weights() + " optimum " + best;
      // Stopped early (tiny budget) and run to the end: a bound at any time is a bound.
      for (double budget : new double[] {0.02, 5}) {
        CpSatFormulation[] models = {new CpSatExactModel(problem, List.of(), 0),
            new CpSatModel(problem, List.of(), 0, true)};
        for (CpSatFormulation cp : models) {
          CpSolver solver = new CpSolver();
          solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(budget);
          CpSolverStatus status = solver.solve(cp.model());
          assertTrue(status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE
              || status == CpSolverStatus.UNKNOWN, ctx + " " + status);
          double bound = cp.realBound(solver.bestObjectiveBound());
          assertTrue(bound <= best + 1e-6, ctx + " exact=" + cp.exact() + " bound " + bound);
          if (cp.exact() && status == CpSolverStatus.OPTIMAL) {
            assertEquals(best, bound, 1e-6 + cp.roundingSlack(best), ctx);
          }
        }
      }
      compared++;
    }
    assertTrue(compared >= 15, "too few feasible instances: " + compared);
  }

  @Test
  void cpSatPlansTrackFieldCase1ValidlyWithABoundBelowItsCost() {
    // Validity and the bound only: how far CP-SAT gets in 3 s depends on the machine's load.
    Scenario tf = Fixtures.trackfield();
    var c = tf.cases().get("case1");
    PlanningSession session = new PlanningSession(tf, c.agentCounts(), c.weights(),
        BranchAndBoundPlanner.Config.defaults(), SimulatedAnnealingReplanner.Config.defaults());
    CpSatPlanner[] made = new CpSatPlanner[1];
    double[] dive = new double[1];
    // Hinted with branch and bound's first plan, so a plan exists however loaded the machine is.
    PlanResult r = session.planOffline(c.offlineFormulas(), p -> {
      Plan first = ((PlanResult.Planned) new BranchAndBoundPlanner(p,
          new BranchAndBoundPlanner.Config(0.01, Long.MAX_VALUE, true)).plan()).plan();
      dive[0] = first.objective();
      return made[0] = new CpSatPlanner(p, new CpSatPlanner.Config(3, 1, 1))
          .withHint(first.assignments());
    });
    Plan plan = assertInstanceOf(PlanResult.Planned.class, r).plan();
    assertTrue(plan.objective() <= dive[0] + 1e-9);
    assertEquals(List.of(), new PlanValidator(session.problem()).violations(plan));
    assertTrue(session.planSatisfiesFormulas());
    assertTrue(made[0].lowerBound() <= plan.objective() + 1e-6);
    assertTrue(made[0].lowerBound() >= session.problem().lowerBound() - 1e-6);
    assertEquals(plan.objective(), made[0].trace().objective(), 1e-6);
  }

  @Test
  void cpSatGivesALongActionACollaborator() {
    TaskSpec tasks = new TaskSpec(List.of(SubtaskSpec.of(0, "om", "t1")), Set.of(), List.of());
    PlanningProblem p = Fixtures.problem(MINI, Map.of("referee", 2), tasks, new Weights(1, 0, 0));
    CpSatPlanner planner = cpSat(p);
    Plan plan = ((PlanResult.Planned) planner.plan()).plan();
    assertEquals(45.0, plan.makespanS(), 1e-9);
    assertEquals(1, plan.collaborationCount());
    assertTrue(planner.lowerBound() <= 45.0 + 1e-9);
  }

  @Test
  void cpSatProvesTooManyWaterDeliveriesInfeasible() {
    List<SubtaskSpec> subs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      subs.add(SubtaskSpec.of(i, "sw", i % 2 == 0 ? "r1" : "r2"));
    }
    PlanningProblem p = Fixtures.problem(MINI, Map.of("volunteer", 2),
        new TaskSpec(subs, Set.of(), List.of()), new Weights(1, 1, 1));
    PlanResult.Infeasible inf = assertInstanceOf(PlanResult.Infeasible.class, cpSat(p).plan());
    assertTrue(inf.stats().optimal(), "proven, not timed out");
    assertTrue(inf.reason().contains("resource"), inf.reason());
  }

  @Test
  void aHintIsNeverLostAndSeedsTheSearch() {
    PlanningProblem p = smallInstances(5, 1).get(0);
    PlanResult.Planned bnb = (PlanResult.Planned) new BranchAndBoundPlanner(p,
        BranchAndBoundPlanner.Config.defaults()).plan();
    CpSatPlanner planner = cpSat(p).withHint(bnb.plan().assignments());
    PlanResult.Planned r = assertInstanceOf(PlanResult.Planned.class, planner.plan());
    assertTrue(r.plan().objective() <= bnb.plan().objective() + 1e-9);
    assertTrue(r.stats().firstObjective() <= bnb.plan().objective() + 1e-9);
  }
}
