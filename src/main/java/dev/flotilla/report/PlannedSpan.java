package dev.flotilla.report;

import dev.flotilla.model.StepRole;
import java.util.List;

/**
 * One step of one robot's plan.
 *
 * @param robot the robot that is to perform the step
 * @param taskId the task the step belongs to
 * @param action the action performed (e.g. "gw", "attack")
 * @param region the region where it is performed (may be empty)
 * @param startS planned start, seconds since the run's start
 * @param finishS planned finish, seconds since the run's start (not before {@code startS})
 * @param role the robot's part in the step
 * @param partners the other robots taking part (empty for a solo step)
 */
public record PlannedSpan(String robot, String taskId, String action, String region,
    double startS, double finishS, StepRole role, List<String> partners) {

  /** Copies the partners and rejects nulls, non-finite times and a finish before the start. */
  public PlannedSpan {
    RecordChecks.present(robot, "plannedStep.robot");
    RecordChecks.present(taskId, "plannedStep.taskId");
    RecordChecks.present(action, "plannedStep.action");
    RecordChecks.present(region, "plannedStep.region");
    RecordChecks.interval("plannedStep", "startS", startS, "finishS", finishS, taskId);
    RecordChecks.present(role, "plannedStep.role");
    partners = RecordChecks.list(partners, "plannedStep.partners");
  }

  /** The key under which the same step is recognised across plan versions. */
  String key() {
    return robot + '\u0000' + taskId + '\u0000' + action;
  }
}
