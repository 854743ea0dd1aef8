package dev.flotilla.cockpit;

/**
 * One fleet event, as {@code /flotilla/events} carried it.
 *
 * @param time stamp on the fleet's clock, seconds
 * @param kind e.g. {@code task_accepted}, {@code robot_paused}
 * @param robotId the robot it concerns, or empty
 * @param taskId the task it concerns, or empty
 * @param source the node or robot that reported it
 * @param reason plain-language detail
 */
public record EventView(double time, String kind, String robotId, String taskId, String source,
    String reason) {}
