package dev.flotilla.report;

/**
 * A step as it really happened.
 *
 * @param robot the robot that performed it
 * @param taskId the task it belongs to
 * @param step the step's name (usually the action)
 * @param startS actual start, seconds since the run's start
 * @param endS when it finished, failed, or the run ended, seconds since the run's start
 * @param outcome how it ended
 * @param role the robot's part in the step
 */
public record ExecutedStep(String robot, String taskId, String step, double startS, double endS,
    StepOutcome outcome, StepRole role) {

  /** Rejects nulls, non-finite times and an end before the start. */
  public ExecutedStep {
    Checks.text(robot, "executedStep.robot");
    Checks.text(taskId, "executedStep.taskId");
    Checks.text(step, "executedStep.step");
    Checks.finite(startS, "executedStep.startS");
    Checks.finite(endS, "executedStep.endS");
    if (endS < startS) {
      throw new IllegalArgumentException("Run record field 'executedStep.endS' (" + endS
          + ") is before 'executedStep.startS' (" + startS + ") for task " + taskId + ".");
    }
    if (outcome == null || role == null) {
      throw new IllegalArgumentException(
          "Run record fields 'executedStep.outcome' and 'executedStep.role' must not be null.");
    }
  }
}
