package dev.flotilla.model;

import java.util.List;

/**
 * One step of a robot's plan: go to a goal and perform an action there.
 *
 * @param taskId the task this step serves
 * @param stepIndex position of the step in the robot's ordered plan, from 0
 * @param action action performed at the goal (e.g. {@code "sw"}); {@code "goto"} for navigation
 * @param region named region of the goal, or empty when only the position is given
 * @param goal goal position in the {@code map} frame, metres; null when the plan gave no finite
 *     goal (such a step is never driven to)
 * @param goalYaw goal heading about the {@code map} frame's z axis, radians (0 when the planner
 *     does not plan headings)
 * @param plannedStart planned start on the node clock, seconds
 * @param plannedFinish planned finish on the node clock, seconds
 * @param role the robot's part in the step
 * @param partners the other robots doing this step at the same time
 */
public record PlannedStep(String taskId, int stepIndex, String action, String region,
    Point3 goal, double goalYaw, double plannedStart, double plannedFinish, StepRole role,
    List<String> partners) {

  /** Copies the partner list, so the record stays immutable. */
  public PlannedStep {
    partners = List.copyOf(partners);
  }
}
