package dev.flotilla.alloc.api;

/**
 * A task the plan does not cover, with the reason (an expected outcome, not an error).
 *
 * @param taskId the task
 * @param reason why
 * @param detail one plain sentence for operators
 */
public record UnassignedTask(String taskId, UnassignedReason reason, String detail) {}
