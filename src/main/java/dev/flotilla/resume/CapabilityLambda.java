package dev.flotilla.resume;

/**
 * The default λ_ij as a plain function for allocators: {@code CapabilityScorer s =
 * CapabilityLambda::lambda}. See {@link GeometricCapabilityScorer} for the scores.
 */
public final class CapabilityLambda {

  private static final GeometricCapabilityScorer SCORER = new GeometricCapabilityScorer();

  private CapabilityLambda() {}

  /**
   * λ_ij in [0, 1]: 0 when robot i cannot meet a hard requirement of task j, else the product of
   * the documented requirement scores in (0, 1].
   *
   * @param robot resume of robot i
   * @param task requirements of task j
   * @return λ_ij
   */
  public static double lambda(RobotResume robot, TaskRequirements task) {
    return SCORER.lambda(robot, task);
  }

  /**
   * λ_ij with the reasons for a 0.
   *
   * @param robot resume of robot i
   * @param task requirements of task j
   * @return the assessment
   */
  public static Assessment assess(RobotResume robot, TaskRequirements task) {
    return SCORER.assess(robot, task);
  }
}
