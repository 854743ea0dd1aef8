package dev.flotilla.alloc.api;

import java.util.List;

/**
 * The robots a task got (χ_ij = 1) and when it runs.
 *
 * @param taskId the task
 * @param robotIds exactly N_j robots
 * @param startTime t_j of Eq. (1), seconds on the plan clock
 * @param finishTime start plus duration, seconds
 * @param expectedUtility u_j^E of Eq. (6) (minus the cost in quality − cost mode)
 */
public record TaskAssignment(
    String taskId, List<String> robotIds, double startTime, double finishTime,
    double expectedUtility) {

  /** Copies the list. */
  public TaskAssignment {
    robotIds = List.copyOf(robotIds);
  }
}
