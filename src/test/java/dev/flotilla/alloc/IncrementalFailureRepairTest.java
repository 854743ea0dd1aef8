package dev.flotilla.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Reallocation;
import dev.flotilla.alloc.api.RobotSchedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failure handling is incremental: repairs of one problem reuse its {@link Instance} (no O(n·m)
 * rebuild per failure event), and the repaired plans are the ones a fresh instance gives.
 */
class IncrementalFailureRepairTest {

  @Test
  void repairsOfOneProblemBuildItsInstanceOnce() {
    AllocationProblem p = RandomAllocationInstances.generate(5, 60, 30, 2, 20000);
    AllocationPlan plan = new PotentialGameAllocator().allocate(p);
    List<String> busy = new ArrayList<>();
    for (RobotSchedule s : plan.schedules()) {
      if (!s.assignments().isEmpty()) {
        busy.add(s.robotId());
      }
    }
    assertTrue(busy.size() >= 3);
    long before = Instance.BUILT.get()[0];
    List<Reallocation> repaired = new ArrayList<>();
    for (String robot : busy.subList(0, 3)) {
      repaired.add(new PotentialGameReallocator().reallocate(p, plan, robot, 1.0));
    }
    assertTrue(Instance.BUILT.get()[0] - before <= 1, "instances built: "
        + (Instance.BUILT.get()[0] - before));
    for (int k = 0; k < 3; k++) {
      AllocationProblem copy = new AllocationProblem(p.robots(), p.tasks(), p.capability(),
          p.travel(), p.params());
      Reallocation fresh =
          new PotentialGameReallocator().reallocate(copy, plan, busy.get(k), 1.0);
      assertEquals(fresh.plan(), repaired.get(k).plan());
      assertEquals(fresh.changedRobots(), repaired.get(k).changedRobots());
    }
  }
}
