package dev.flotilla.resume;

/**
 * λ_ij: how well robot i can do task j, in [0, 1], 0 meaning "cannot". Functional so allocators
 * (e.g. the potential-game allocator of seed 001) can take any scorer; the default is
 * {@link CapabilityLambda#lambda}.
 */
@FunctionalInterface
public interface CapabilityScorer {

  /**
   * Scores a robot for a task.
   *
   * @param robot the robot's resume
   * @param task the task's requirements
   * @return λ in [0, 1]; 0 when a hard requirement cannot be met
   */
  double lambda(RobotResume robot, TaskRequirements task);
}
