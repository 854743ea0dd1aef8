package dev.flotilla.plan.sync;

import dev.flotilla.plan.PlanStep;

/**
 * One decision of the {@link SyncEngine} for one robot.
 *
 * @param agentId the robot
 * @param stepIndex index of the step in the robot's plan
 * @param step the step
 * @param command what to do
 * @param reason why, e.g. "waits for subtask 3 to start"
 */
public record SyncDecision(
    int agentId, int stepIndex, PlanStep step, SyncCommand command, String reason) {}
