package dev.flotilla.cockpit;

import java.util.List;

/**
 * One task in a {@link FleetSnapshot}. Times are on the fleet's clock, in seconds; null when the
 * moment has not come (or was not seen).
 *
 * @param id task id
 * @param kind {@code multi_robot}, {@code ltl}, or empty when only events named it
 * @param state where it stands
 * @param reason why it was rejected, unassignable, failed or cancelled; empty otherwise
 * @param robots robots the current plan gives it (or that worked on it)
 * @param acceptedAt when the planner accepted it
 * @param startedAt when a robot first reported arrival
 * @param finishedAt when it was completed, cancelled or rejected
 */
public record TaskView(String id, String kind, TaskState state, String reason,
    List<String> robots, Double acceptedAt, Double startedAt, Double finishedAt) {
  public TaskView {
    robots = List.copyOf(robots);
  }
}
