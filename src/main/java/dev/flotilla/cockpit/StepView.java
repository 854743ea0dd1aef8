package dev.flotilla.cockpit;

import java.util.List;

/**
 * One step of a robot's plan.
 *
 * @param taskId the task it serves
 * @param index position in the robot's plan
 * @param action what is done at the goal ({@code goto}, an LTL action…)
 * @param region the goal's region, empty when only a pose is given
 * @param x goal x in map, metres
 * @param y goal y in map, metres
 * @param start planned start, seconds on the fleet's clock
 * @param finish planned finish, seconds on the fleet's clock
 * @param role {@code solo}, {@code master} or {@code collaborator}
 * @param partners the other robots of a shared step
 */
public record StepView(String taskId, int index, String action, String region, double x,
    double y, double start, double finish, String role, List<String> partners) {
  public StepView {
    partners = List.copyOf(partners);
  }
}
