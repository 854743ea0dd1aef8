package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.FaultReallocator;
import dev.flotilla.alloc.api.Reallocation;
import java.util.HashSet;
import java.util.Map;
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
  private final PotentialGamePlanRepairer repairer;

  /** Seed 1, at most 32 linear-table expansions. */
  public PotentialGameReallocator() {
    this(1, 32);
  }

  /**
   * @param seed seeds the random initial crews of Algorithm 1
   * @param maxConflictExpansions cap on the §2.2 linear-table walk (&ge; 1)
   */
  public PotentialGameReallocator(long seed, int maxConflictExpansions) {
    this.repairer = new PotentialGamePlanRepairer(seed, maxConflictExpansions);
  }

  /** The local repair of {@link PotentialGamePlanRepairer} for one failed robot. */
  @Override
  public Reallocation reallocate(
      AllocationProblem problem, AllocationPlan plan, String failedRobotId, double failureTime) {
    problem.robotIndex(failedRobotId);
    if (!(failureTime >= 0)) {
      throw new IllegalArgumentException("failureTime must be >= 0 s, got " + failureTime + ".");
    }
    Reallocation local = repairer.repairLocally(problem, plan, failureTime,
        Set.of(failedRobotId), Map.of());
    Set<String> changed = new HashSet<>(local.changedRobots());
    changed.add(failedRobotId);
    return new Reallocation(local.plan(), changed, local.resequencedRobots(),
        local.reallocatedTasks());
  }
}
