package dev.flotilla.report;

/**
 * Something that happened during the run.
 *
 * @param timeS seconds since the run's start
 * @param kind a category such as "task-arrived", "robot-failed", "replan"; events of one kind
 *     share a lane on the timeline
 * @param robot the robot concerned, or empty
 * @param taskId the task concerned, or empty
 * @param text a human-readable description
 */
public record RunEvent(double timeS, String kind, String robot, String taskId, String text) {

  /** Rejects nulls and a non-finite time. */
  public RunEvent {
    RecordChecks.finite(timeS, "event.timeS");
    RecordChecks.present(kind, "event.kind");
    RecordChecks.present(robot, "event.robot");
    RecordChecks.present(taskId, "event.taskId");
    RecordChecks.present(text, "event.text");
  }
}
