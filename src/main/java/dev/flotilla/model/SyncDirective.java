package dev.flotilla.model;

import java.util.List;

/**
 * The synchronizer's order for one step of one robot.
 *
 * @param robotId the robot
 * @param planVersion the allocation version the order refers to; 0 when it refers to none
 * @param taskId the task of the step
 * @param stepIndex the step's index in the robot's plan
 * @param order go, wait or skip; null for an order this version does not know (it holds the
 *     robot like a wait)
 * @param waitingFor robots a wait waits for
 * @param reason plain-language reason
 */
public record SyncDirective(String robotId, long planVersion, String taskId, int stepIndex,
    SyncOrder order, List<String> waitingFor, String reason) {

  /** Copies the robot list, so the record stays immutable. */
  public SyncDirective {
    waitingFor = List.copyOf(waitingFor);
  }
}
