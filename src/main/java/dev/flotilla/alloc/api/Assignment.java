package dev.flotilla.alloc.api;

/**
 * One entry of a robot's ordered plan.
 *
 * @param taskId the task
 * @param departureTime when the robot leaves its previous place, seconds on the plan clock
 * @param arrivalTime when it reaches the task, seconds
 * @param startTime when the task starts (all N_j robots present, Eq. 1), seconds
 * @param finishTime start plus the task's duration, seconds
 */
public record Assignment(
    String taskId, double departureTime, double arrivalTime, double startTime, double finishTime) {}
