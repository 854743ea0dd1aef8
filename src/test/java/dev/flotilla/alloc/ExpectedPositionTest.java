package dev.flotilla.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.model.Point3;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PotentialGamePlanRepairer#expectedPosition} reads one robot's schedule; it must agree
 * with where a full repair anchors that robot (the definition it replaced, which built the whole
 * robots × tasks instance per call).
 */
class ExpectedPositionTest {

  @Test
  void agreesWithTheRepairAnchorOfEveryRobotAtEveryTime() {
    PotentialGamePlanRepairer repairer = new PotentialGamePlanRepairer(7, 1000);
    int checked = 0;
    for (long seed = 1; seed <= 12; seed++) {
      AllocationProblem problem = Instances.random(seed, 6, 9, 3);
      AllocationPlan plan = new PotentialGameAllocator(seed, 1000).allocate(problem);
      double end = plan.assignments().stream().mapToDouble(TaskAssignment::finishTime).max()
          .orElse(100);
      Random rng = new Random(seed);
      for (int k = 0; k < 25; k++) {
        double now = k == 0 ? 0 : rng.nextDouble() * end * 1.1;
        Point3[] anchors = new PlanRepair(new Instance(problem), plan, now, Set.of(), Map.of(),
            new Random(7), 1000).place;
        for (int i = 0; i < problem.robots().size(); i++) {
          Robot r = problem.robots().get(i);
          Point3 fast = repairer.expectedPosition(problem, plan, r.id(), now);
          assertEquals(anchors[i].x(), fast.x(), 1e-9, r.id() + " at " + now);
          assertEquals(anchors[i].y(), fast.y(), 1e-9, r.id() + " at " + now);
          assertEquals(anchors[i].z(), fast.z(), 1e-9, r.id() + " at " + now);
          checked++;
        }
      }
    }
    assertEquals(12 * 25 * 6, checked);
  }

  @Test
  void rejectsUnknownRobotsAndNegativeTimes() {
    AllocationProblem problem = Instances.random(3, 3, 4, 2);
    AllocationPlan plan = new PotentialGameAllocator(3, 1000).allocate(problem);
    PotentialGamePlanRepairer repairer = new PotentialGamePlanRepairer(7, 1000);
    assertThrows(IllegalArgumentException.class,
        () -> repairer.expectedPosition(problem, plan, "nobody", 1));
    assertThrows(IllegalArgumentException.class,
        () -> repairer.expectedPosition(problem, plan, "A1", -1));
  }
}
