package dev.flotilla.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Assignment;
import dev.flotilla.alloc.api.FaultReallocator;
import dev.flotilla.alloc.api.Reallocation;
import dev.flotilla.alloc.api.RobotSchedule;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.alloc.api.UnassignedReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link FaultReallocator} must guarantee, on seeded random plans and fault times. */
class FaultReallocatorContractTest {

  private final FaultReallocator reallocator = new PotentialGameReallocator();

  @Test
  void repairsKeepThePastFreeTheFailedRobotAndReportEveryChange() {
    int checked = 0;
    for (long seed = 1; seed <= 12; seed++) {
      AllocationProblem p = Instances.random(seed, 5, 6, 2);
      AllocationPlan plan = new PotentialGameAllocator().allocate(p);
      for (RobotSchedule victim : plan.schedules()) {
        if (victim.assignments().size() < 2) {
          continue;
        }
        double tf = victim.assignments().get(0).startTime() + 1;
        Reallocation r = reallocator.reallocate(p, plan, victim.robotId(), tf);
        verify(p, plan, victim.robotId(), tf, r);
        checked++;
      }
    }
    assertTrue(checked >= 10, "enough faults exercised: " + checked);
  }

  @Test
  void aFaultBeforeAnythingStartedStillCoversOrReportsEveryTask() {
    AllocationProblem p = Instances.withTrouble(3, 4, 3);
    AllocationPlan plan = new PotentialGameAllocator().allocate(p);
    Reallocation r = reallocator.reallocate(p, plan, "A1", 0);
    verify(p, plan, "A1", 0, r);
    assertTrue(r.plan().unassignedEntry("tooMany").isPresent());
    // "lift" needs two robots offering 'lift'; only A1 and A2 do, and A1 is gone.
    assertEquals(UnassignedReason.NOT_ENOUGH_ROBOTS,
        r.plan().unassignedEntry("lift").orElseThrow().reason());
  }

  @Test
  void misuseIsRejectedWithASentence() {
    AllocationProblem p = Instances.random(1, 3, 2, 2);
    AllocationPlan plan = new PotentialGameAllocator().allocate(p);
    var e = assertThrows(IllegalArgumentException.class,
        () -> reallocator.reallocate(p, plan, "nobody", 10));
    assertTrue(e.getMessage().contains("nobody"));
  }

  private static void verify(AllocationProblem p, AllocationPlan before, String failed,
      double tf, Reallocation r) {
    AllocationPlan after = r.plan();
    PlanChecker.check(p, after, false);
    for (TaskAssignment a : before.assignments()) {
      if (a.startTime() <= tf) {
        assertEquals(a, after.assignment(a.taskId()).orElseThrow(), "executed task kept");
      }
    }
    for (Assignment a : after.schedule(failed).assignments()) {
      assertTrue(a.startTime() <= tf, failed + " has nothing left after it failed");
    }
    for (String id : r.reallocatedTasks()) {
      boolean covered = after.assignment(id).isPresent();
      assertTrue(covered ^ after.unassignedEntry(id).isPresent(), id + " covered or reported");
      if (covered) {
        assertFalse(after.assignment(id).orElseThrow().robotIds().contains(failed));
      }
    }
    for (TaskAssignment a : after.assignments()) {
      if (before.assignment(a.taskId()).map(b -> b.startTime() > tf).orElse(true)) {
        assertTrue(a.startTime() >= tf - 1e-9, a.taskId() + " cannot start in the past");
      }
    }
    assertTrue(r.changedRobots().contains(failed));
    assertTrue(r.changedRobots().containsAll(r.resequencedRobots()));
    for (RobotSchedule s : before.schedules()) {
      if (!r.changedRobots().contains(s.robotId())) {
        assertEquals(open(s, tf), open(after.schedule(s.robotId()), tf),
            s.robotId() + " is reported unchanged, so its plan must be identical");
      }
    }
  }

  private static List<String> open(RobotSchedule s, double tf) {
    return s.assignments().stream()
        .filter(a -> a.startTime() > tf)
        .map(a -> a.taskId() + "@" + Math.round(a.startTime() * 1e6))
        .toList();
  }
}
