package dev.flotilla.report;

import dev.flotilla.model.StepRole;

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
public record ExecutedSpan(String robot, String taskId, String step, double startS, double endS,
    StepOutcome outcome, StepRole role) {

  /** Rejects nulls, non-finite times and an end before the start. */
  public ExecutedSpan {
    RecordChecks.present(robot, "executedStep.robot");
    RecordChecks.present(taskId, "executedStep.taskId");
    RecordChecks.present(step, "executedStep.step");
    RecordChecks.interval("executedStep", "startS", startS, "endS", endS, taskId);
    if (outcome == null || role == null) {
      throw new IllegalArgumentException(
          "Run record fields 'executedStep.outcome' and 'executedStep.role' must not be null.");
    }
  }
}
