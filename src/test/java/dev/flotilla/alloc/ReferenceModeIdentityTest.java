package dev.flotilla.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.UtilityMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast mode of {@link PotentialGameAllocator} (pruning, skipped and memoised games of
 * Algorithm 2) must give the allocation of the reference mode — same crews, orders, times,
 * utilities and comparison count — on every seeded instance: the paper's random setting at
 * several sizes and N_j, tight deadlines with late tasks, user priorities, and quality − cost.
 */
class ReferenceModeIdentityTest {

  @Test
  void fastModeEqualsReferenceOn240SeededInstances() {
    int compared = 0;
    for (int s = 0; s < 240; s++) {
      AllocationProblem p = instance(s);
      AllocationPlan reference = PotentialGameAllocator.reference(s, 32).allocate(p);
      AllocationPlan fast = new PotentialGameAllocator(s, 32).allocate(p);
      assertEquals(reference, fast, "instance " + s + " (" + p.robots().size() + " robots, "
          + p.tasks().size() + " tasks)");
      compared++;
    }
    assertEquals(240, compared);
  }

  @Test
  void fastModeEqualsReferenceOnALargerFleet() {
    AllocationProblem p = RandomAllocationInstances.generate(77, 120, 40, 2, 20000);
    assertEquals(PotentialGameAllocator.reference(3, 32).allocate(p),
        new PotentialGameAllocator(3, 32).allocate(p));
  }

  /** Instance s: one of four families, sizes drawn from s. */
  static AllocationProblem instance(int s) {
    Random r = new Random(s);
    int n = 2 + r.nextInt(30);
    int m = 1 + r.nextInt(20);
    switch (s % 4) {
      case 0:
        return RandomAllocationInstances.generate(s, n, m, 1 + r.nextInt(3),
            2000 + r.nextInt(30000));
      case 1:
        return TightDeadlineInstances.generate(s, n, m);
      case 2: {
        AllocationProblem p = TightDeadlineInstances.generate(s, n, m);
        List<Task> tasks = new ArrayList<>();
        for (Task t : p.tasks()) {
          tasks.add(new Task(t.id(), t.location(), t.requiredRobots(), t.baseUtility(),
              t.decay(), t.duration(), t.appearanceTime(), t.deadline(), r.nextInt(3),
              t.requiredCapabilities()));
        }
        return p.withTasks(tasks);
      }
      default: {
        AllocationProblem p = RandomAllocationInstances.generate(s, n, m, 1 + r.nextInt(3),
            2000 + r.nextInt(30000));
        return new AllocationProblem(p.robots(), p.tasks(), p.capability(), p.travel(),
            p.params().withMode(UtilityMode.QUALITY_MINUS_COST));
      }
    }
  }
}
