package dev.flotilla.report;

import dev.flotilla.model.Point3;

/**
 * Where a task is performed.
 *
 * @param taskId the task's identifier (any text; it is escaped when drawn)
 * @param position where it is performed in the map frame (m); the map shows x and y
 * @param kind a free-form category such as "attack", "offline", "online"; sites of the same kind
 *     share a colour
 */
public record TaskSite(String taskId, Point3 position, String kind) {

  /** Rejects nulls. */
  public TaskSite {
    RecordChecks.present(taskId, "taskSite.taskId");
    RecordChecks.present(position, "taskSite.position");
    RecordChecks.present(kind, "taskSite.kind");
  }
}
