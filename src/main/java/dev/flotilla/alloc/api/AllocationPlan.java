package dev.flotilla.alloc.api;

import java.util.List;
import java.util.Optional;

/**
 * The result of an allocation: every robot's ordered strategy, every covered task with its robots,
 * the uncovered tasks with their reasons and the expected global utility u_g^E of Eq. (8).
 *
 * @param schedules one per robot, in the problem's robot order
 * @param assignments one per covered task, by start time
 * @param unassigned tasks not covered, with reasons
 * @param expectedGlobalUtility Σ_j u_j^E over covered tasks (Eq. 8)
 * @param iterations pairwise comparisons the algorithm made (Figs. 6 and 9 of seed 001)
 */
public record AllocationPlan(
    List<RobotSchedule> schedules,
    List<TaskAssignment> assignments,
    List<UnassignedTask> unassigned,
    double expectedGlobalUtility,
    long iterations) {

  /** Copies the lists. */
  public AllocationPlan {
    schedules = List.copyOf(schedules);
    assignments = List.copyOf(assignments);
    unassigned = List.copyOf(unassigned);
  }

  /**
   * A robot's schedule.
   *
   * @param robotId the robot
   * @return its schedule, empty list of assignments if it has none
   */
  public RobotSchedule schedule(String robotId) {
    return schedules.stream()
        .filter(s -> s.robotId().equals(robotId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown robot id '" + robotId + "'."));
  }

  /**
   * A task's assignment.
   *
   * @param taskId the task
   * @return the assignment, empty when the task is unassigned
   */
  public Optional<TaskAssignment> assignment(String taskId) {
    return assignments.stream().filter(a -> a.taskId().equals(taskId)).findFirst();
  }

  /**
   * Why a task is unassigned.
   *
   * @param taskId the task
   * @return the entry, empty when the task is covered
   */
  public Optional<UnassignedTask> unassignedEntry(String taskId) {
    return unassigned.stream().filter(u -> u.taskId().equals(taskId)).findFirst();
  }
}
