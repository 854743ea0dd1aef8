package dev.flotilla.alloc.api;

import java.util.List;

/**
 * A robot's strategy s_i of seed 001 §2.1 as an ordered, timed list of tasks.
 *
 * @param robotId the robot
 * @param assignments tasks in execution order
 */
public record RobotSchedule(String robotId, List<Assignment> assignments) {

  /** Copies the list. */
  public RobotSchedule {
    assignments = List.copyOf(assignments);
  }

  /**
   * The task ids in execution order.
   *
   * @return ids
   */
  public List<String> taskIds() {
    return assignments.stream().map(Assignment::taskId).toList();
  }
}
