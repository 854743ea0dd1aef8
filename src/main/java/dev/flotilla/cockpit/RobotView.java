package dev.flotilla.cockpit;

/**
 * One robot in a {@link FleetSnapshot}.
 *
 * @param id robot id
 * @param state alive, failed, paused or unknown
 * @param heartbeatAge seconds since its last heartbeat reached this observer, null when none did
 * @param battery state of charge in [0, 1], null when unknown
 * @param currentTask the task its last heartbeat named, empty when idle
 * @param currentStep the step index its last heartbeat named, -1 when idle
 * @param resume a one-line summary of its resume (seed 002), empty before one is published
 * @param steps steps of the current plan assigned to it
 */
public record RobotView(String id, RobotState state, Double heartbeatAge, Double battery,
    String currentTask, int currentStep, String resume, int steps) {}
