package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.FaultReallocator;
import dev.flotilla.alloc.api.Reallocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Task reallocation after a permanent fault, §3 of seed 001. Tasks are ordered by execution time;
 * those started before t_f stay; the failed robot's open tasks (and a task it was executing) are
 * removed from every strategy so later tasks may move earlier; each is re-inserted at the best of
 * the p = m − m_r − c + 1 positions, scored by Δu_g^E (Eq. 22) through Algorithm 1 and §2.2, the
 * order of re-insertion chosen with Eq. (21). Only the affected part of the plan changes. Robots
 * still driving to an unchanged next task keep their planned arrival; diverted robots restart from
 * where they are at t_f (their velocity at t_f is not modelled, a small optimistic error).
 *
 * <p>Time: O(m_r² · p · s·N²·n · Σ|s_i|) with m_r re-inserted tasks, p positions, s game sweeps.
 */
public final class PotentialGameReallocator implements FaultReallocator {
  private final long seed;
  private final int maxConflictExpansions;

  /** Seed 1, at most 32 linear-table expansions. */
  public PotentialGameReallocator() {
    this(1, 32);
  }

  /**
   * @param seed seeds the random initial crews of Algorithm 1
   * @param maxConflictExpansions cap on the §2.2 linear-table walk (&ge; 1)
   */
  public PotentialGameReallocator(long seed, int maxConflictExpansions) {
    if (maxConflictExpansions < 1) {
      throw new IllegalArgumentException(
          "maxConflictExpansions must be >= 1, got " + maxConflictExpansions + ".");
    }
    this.seed = seed;
    this.maxConflictExpansions = maxConflictExpansions;
  }

  @Override
  public Reallocation reallocate(
      AllocationProblem problem, AllocationPlan plan, String failedRobotId, double failureTime) {
    problem.robotIndex(failedRobotId);
    if (!(failureTime >= 0)) {
      throw new IllegalArgumentException("failureTime must be >= 0 s, got " + failureTime + ".");
    }
    Instance in = new Instance(problem);
    PlanRepair repair = new PlanRepair(in, plan, failureTime, Set.of(failedRobotId), Map.of(),
        new Random(seed), maxConflictExpansions);
    List<String> moved = new ArrayList<>();
    for (int j : repair.orphaned) {
      moved.add(in.tasks[j].id());
    }
    repair.reinsertPending();
    AllocationPlan repaired = repair.toPlan();
    Set<String> changed = new java.util.HashSet<>(repair.changedRobots(repaired, false));
    changed.add(failedRobotId);
    return new Reallocation(repaired, changed, repair.changedRobots(repaired, true), moved);
  }
}
