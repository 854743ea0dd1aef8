package dev.flotilla.cockpit;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;

/** Labels of {@code FleetEvent} kinds, as the README and the event log spell them. */
public final class EventKinds {
  private EventKinds() {}

  /**
   * @param kind a {@code FleetEvent} constant
   * @return its label, e.g. {@code task_cancelled}; {@code event_N} for an unknown one
   */
  public static String label(byte kind) {
    return switch (kind) {
      case FleetEvent.ROBOT_JOINED -> "robot_joined";
      case FleetEvent.ROBOT_FAILED -> "robot_failed";
      case FleetEvent.ROBOT_RECOVERED -> "robot_recovered";
      case FleetEvent.TASK_STARTED -> "task_started";
      case FleetEvent.TASK_COMPLETED -> "task_completed";
      case FleetEvent.TASK_FAILED -> "task_failed";
      case FleetEvent.TASK_ACCEPTED -> "task_accepted";
      case FleetEvent.TASK_REJECTED -> "task_rejected";
      case FleetEvent.INPUT_REJECTED -> "input_rejected";
      case FleetEvent.TASK_CANCELLED -> "task_cancelled";
      case FleetEvent.ROBOT_PAUSED -> "robot_paused";
      case FleetEvent.ROBOT_RESUMED -> "robot_resumed";
      case FleetEvent.COMMAND_REJECTED -> "command_rejected";
      default -> "event_" + Byte.toUnsignedInt(kind);
    };
  }
}
