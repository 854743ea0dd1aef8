package dev.flotilla.model;

/**
 * A task the plan leaves out, with the reason (an expected outcome, not an error).
 *
 * @param taskId the task
 * @param reason why it is not planned
 * @param detail plain-language explanation
 */
public record UnplannedTask(String taskId, UnplannedReason reason, String detail) {}
