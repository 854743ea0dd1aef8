package dev.flotilla.report;

/**
 * Where a task is performed.
 *
 * @param taskId the task's identifier (any text; it is escaped when drawn)
 * @param x metres along the map frame's x axis
 * @param y metres along the map frame's y axis
 * @param kind a free-form category such as "attack", "offline", "online"; sites of the same kind
 *     share a colour
 */
public record TaskSite(String taskId, double x, double y, String kind) {

  /** Rejects null text and non-finite coordinates. */
  public TaskSite {
    Checks.text(taskId, "taskSite.taskId");
    Checks.finite(x, "taskSite.x");
    Checks.finite(y, "taskSite.y");
    Checks.text(kind, "taskSite.kind");
  }
}
