package dev.flotilla.resume;

import java.util.List;

/**
 * What a task j demands of a robot i; {@link CapabilityLambda#lambda} turns it into λ_ij.
 *
 * @param taskId identifier of the task
 * @param requirements hard requirements, all of which must be met
 */
public record TaskRequirements(String taskId, List<Requirement> requirements) {

  /** Defensive copy. */
  public TaskRequirements {
    requirements = List.copyOf(requirements);
  }

  /**
   * Convenience factory.
   *
   * @param taskId identifier of the task
   * @param requirements hard requirements
   * @return the task requirements
   */
  public static TaskRequirements of(String taskId, Requirement... requirements) {
    return new TaskRequirements(taskId, List.of(requirements));
  }
}
