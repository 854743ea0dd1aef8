package dev.flotilla.alloc.api;

import java.util.List;
import java.util.Set;

/**
 * A repaired plan.
 *
 * @param plan the new plan (tasks already executed keep their times)
 * @param changedRobots robots whose not-yet-executed tasks or their planned times changed, plus the
 *     failed robot: exactly the robots that need a new plan message
 * @param resequencedRobots the subset whose task list (not only times) changed
 * @param reallocatedTasks ids of the tasks that were taken from the failed robot and re-inserted
 *     (or, failing that, listed as unassigned in the plan)
 */
public record Reallocation(
    AllocationPlan plan,
    Set<String> changedRobots,
    Set<String> resequencedRobots,
    List<String> reallocatedTasks) {

  /** Copies the collections. */
  public Reallocation {
    changedRobots = Set.copyOf(changedRobots);
    resequencedRobots = Set.copyOf(resequencedRobots);
    reallocatedTasks = List.copyOf(reallocatedTasks);
  }
}
