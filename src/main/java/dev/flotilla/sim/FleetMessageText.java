package dev.flotilla.sim;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.UnassignedTask;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The demo's one-line renderings of the fleet's public messages — allocations, reassignments and
 * events, each prefixed by the seconds since the tasks were submitted — and the names of their
 * enumerated causes and kinds. O(message size) per line.
 */
final class FleetMessageText {

  private FleetMessageText() {}

  /**
   * @param t seconds since the tasks were submitted
   * @param m an {@link Allocation}, {@link Reassignment} or {@link FleetEvent}
   * @return the message's line, with its line break; empty for any other message
   */
  static String line(double t, Object m) {
    if (m instanceof Allocation a) {
      return String.format(Locale.ROOT, "%8.2f s  allocation v%d  utility %.1f  %s%s%n", t,
          a.planVersion(), a.expectedUtility(), plans(a),
          a.unassigned().isEmpty() ? "" : "  unassigned " + a.unassigned().stream()
              .map(UnassignedTask::taskId).toList());
    } else if (m instanceof Reassignment r) {
      return String.format(Locale.ROOT, "%8.2f s  reassignment v%d→v%d  cause %s (%s)  "
          + "affected %s  moves %s%n", t, r.previousVersion(), r.planVersion(), cause(r.cause()),
          r.subject(), r.affectedRobots(), r.moves().stream().map(mv -> mv.taskId() + ":"
              + mv.removedRobots() + "→" + mv.addedRobots()).toList());
    } else if (m instanceof FleetEvent e) {
      return String.format(Locale.ROOT, "%8.2f s  event %s %s%s  %s%n", t, kind(e.kind()),
          e.robotId(), e.taskId().isEmpty() ? "" : " " + e.taskId(), e.reason());
    }
    return "";
  }

  /** Each robot's steps, e.g. {@code r1=[carry(M), scan] r2=[carry(C)]}. */
  static String plans(Allocation a) {
    return a.plans().stream().map(p -> p.robotId() + "=" + p.steps().stream()
        .map(s -> s.taskId() + (s.role() == PlanStep.ROLE_MASTER ? "(M)"
            : s.role() == PlanStep.ROLE_COLLABORATOR ? "(C)" : ""))
        .collect(Collectors.toList())).collect(Collectors.joining(" "));
  }

  /** A reassignment's cause, e.g. {@code robot_failed}. */
  static String cause(byte c) {
    return switch (c) {
      case Reassignment.CAUSE_INITIAL -> "initial";
      case Reassignment.CAUSE_ROBOT_FAILED -> "robot_failed";
      case Reassignment.CAUSE_NEW_TASK -> "new_task";
      case Reassignment.CAUSE_TASK_DONE -> "task_done";
      case Reassignment.CAUSE_REBALANCE -> "rebalance";
      case Reassignment.CAUSE_ROBOT_RECOVERED -> "robot_recovered";
      default -> "cause_" + c;
    };
  }

  /** A fleet event's kind, e.g. {@code task_started}. */
  static String kind(byte k) {
    return switch (k) {
      case FleetEvent.ROBOT_FAILED -> "robot_failed";
      case FleetEvent.ROBOT_RECOVERED -> "robot_recovered";
      case FleetEvent.TASK_STARTED -> "task_started";
      case FleetEvent.TASK_COMPLETED -> "task_completed";
      case FleetEvent.TASK_FAILED -> "task_failed";
      case FleetEvent.TASK_REJECTED -> "task_rejected";
      default -> "event_" + k;
    };
  }
}
