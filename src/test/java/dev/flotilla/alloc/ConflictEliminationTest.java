package dev.flotilla.alloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.CapabilityModel;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.travel.StraightLineTravel;
import dev.flotilla.model.Point3;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** §2.2 (the linear table of Fig. 1) and §2.3's priorities, on hand-made cases. */
class ConflictEliminationTest {

  /** Crew value = sum of per-robot values; robot 0 is the best and robot 1 the second best. */
  private static final double[] VALUE = {10, 8, 3, 2, 1};

  private static CrewScorer scorer() {
    return new CrewScorer() {
      @Override
      public int[] candidates() {
        return new int[] {0, 1, 2, 3, 4};
      }

      @Override
      public double score(int[] crew) {
        double s = 0;
        for (int i : crew) {
          s += VALUE[i];
        }
        return s;
      }
    };
  }

  @Test
  void walksTheSubOptimalSolutionsUntilOneIsConflictFree() {
    SingleTaskGame.Outcome best = SingleTaskGame.play(2, scorer(), new Random(3), true);
    assertArrayEquals(new int[] {0, 1}, best.crew(), "the game finds the optimum first");
    // Any crew with robot 0 starves another task: the next best crew without it is {1, 2}.
    var r = ConflictElimination.resolve(best, scorer(), crew -> crew[0] == 0, 32);
    assertArrayEquals(new int[] {1, 2}, r.outcome().crew());
    assertEquals(11, r.outcome().utility(), 1e-12);
    // Forbidding robots 0 and 1 goes one level deeper in the table.
    var deeper = ConflictElimination.resolve(best, scorer(), crew -> crew[0] <= 1, 32);
    assertArrayEquals(new int[] {2, 3}, deeper.outcome().crew());
  }

  @Test
  void aTaskWhoseEveryCrewConflictsIsDeferred() {
    SingleTaskGame.Outcome best = SingleTaskGame.play(2, scorer(), new Random(3), true);
    var r = ConflictElimination.resolve(best, scorer(), crew -> true, 1000);
    assertFalse(r.outcome().found(), "empty table: deferred to the next round");
    assertTrue(r.iterations() > 0);
  }

  @Test
  void aTaskThatWouldStarveAnotherOneGivesUpItsBestRobot() {
    // "fast" is best for both tasks; "urgent" can only be reached in time by "fast", so the
    // allocator must keep "fast" for it and serve "easy" with "slow". fast reaches it in 15.5 s,
    // slow in 22 s, fast via easy in 16.2 + 19.9 s: only fast-first meets the 20 s deadline.
    List<Robot> robots = List.of(
        Robot.of("fast", Point3.of(0, 0), 10, 1, 0),
        Robot.of("slow", Point3.of(-100, 0), 2, 1, 0));
    Task easy = Task.of("easy", Point3.of(50, 0), 1, 20, 1e-4);
    Task urgent = new Task("urgent", Point3.of(-60, 0), 1, 10, 1e-4, 0, 0,
        OptionalDouble.of(20), 0, Set.of());
    AllocationProblem p = new AllocationProblem(robots, List.of(easy, urgent),
        CapabilityModel.UNIFORM, new StraightLineTravel(), Instances.PARAMS);
    AllocationPlan plan = new PotentialGameAllocator().allocate(p);
    PlanChecker.check(p, plan);
    assertTrue(plan.unassigned().isEmpty(), plan.unassigned().toString());
    assertEquals(List.of("fast"), plan.assignment("urgent").orElseThrow().robotIds());
  }

  @Test
  void higherUserPriorityIsServedFirst() {
    List<Robot> robots = List.of(Robot.of("solo", Point3.of(0, 0), 5, 1, 0));
    Task near = Task.of("near", Point3.of(10, 0), 1, 20, 1e-3);
    Task far = new Task("far", Point3.of(-500, 0), 1, 20, 1e-3, 0, 0, OptionalDouble.empty(), 5,
        Set.of());
    AllocationProblem p = new AllocationProblem(robots, List.of(near, far),
        CapabilityModel.UNIFORM, new StraightLineTravel(), Instances.PARAMS);
    AllocationPlan plan = new PotentialGameAllocator().allocate(p);
    assertEquals(List.of("far", "near"), PlanChecker.strategy(plan, "solo"));
    AllocationPlan plain = new PotentialGameAllocator().allocate(p.withTasks(
        List.of(near, Task.of("far", Point3.of(-500, 0), 1, 20, 1e-3))));
    assertEquals(List.of("near", "far"), PlanChecker.strategy(plain, "solo"));
  }
}
