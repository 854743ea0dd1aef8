package dev.flotilla.model;

import java.util.List;

/**
 * How one task's robots changed between two plan versions.
 *
 * @param taskId the task
 * @param removedRobots robots that no longer do it, in their previous order
 * @param addedRobots robots that now do it, in their new order
 */
public record CrewChange(String taskId, List<String> removedRobots, List<String> addedRobots) {

  /** Copies the lists, so the record stays immutable. */
  public CrewChange {
    removedRobots = List.copyOf(removedRobots);
    addedRobots = List.copyOf(addedRobots);
  }
}
