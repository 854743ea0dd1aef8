package dev.flotilla.cockpit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.flotilla_msgs.UnassignedTask;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable state behind {@link FleetObserver}: takes the fleet's messages one at a time and
 * builds {@link FleetSnapshot}s. Bounded: at most {@link FleetObserver#EVENTS_KEPT} events and
 * {@link #MAX_TASKS} tasks (the oldest finished ones go first). Not thread-safe; the observer
 * serialises access.
 */
final class FleetState {
  /** Tasks remembered; beyond this the oldest finished (done, cancelled, rejected) are dropped. */
  static final int MAX_TASKS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final class Robot {
    boolean heard;
    boolean failed;
    boolean paused;
    long heartbeatNanos = Long.MIN_VALUE;
    double battery = Double.NaN;
    String task = "";
    int step = -1;
    String resume = "";
  }

  private static final class Task {
    String kind = "";
    boolean accepted;
    String rejected;
    String cancelled;
    String failed;
    boolean started;
    boolean completed;
    Double acceptedAt;
    Double startedAt;
    Double finishedAt;
    final Set<String> workedBy = new LinkedHashSet<>();

    boolean finished() {
      return completed || cancelled != null || rejected != null && !accepted;
    }
  }

  private final Map<String, Robot> robots = new LinkedHashMap<>();
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Deque<EventView> events = new ArrayDeque<>();
  private Allocation plan;

  private Robot robot(String id) {
    return robots.computeIfAbsent(id, k -> new Robot());
  }

  private Task task(String id) {
    Task t = tasks.get(id);
    if (t == null) {
      if (tasks.size() >= MAX_TASKS) {
        tasks.entrySet().stream().filter(e -> e.getValue().finished()).findFirst()
            .ifPresent(e -> tasks.remove(e.getKey()));
      }
      t = new Task();
      tasks.put(id, t);
    }
    return t;
  }

  /** @return whether it is newer than the plan held (older versions are ignored) */
  boolean allocation(Allocation a) {
    if (plan != null && a.planVersion() <= plan.planVersion()) {
      return false;
    }
    plan = a;
    for (RobotPlan p : a.plans()) {
      robot(p.robotId());
      for (PlanStep s : p.steps()) {
        task(s.taskId());
      }
    }
    for (UnassignedTask u : a.unassigned()) {
      task(u.taskId());
    }
    return true;
  }

  void acceptedTask(TaskRequest r) {
    Task t = task(r.taskId());
    t.kind = r.kind() == TaskRequest.KIND_LTL ? "ltl" : "multi_robot";
  }

  void event(FleetEvent e) {
    double time = Stamps.seconds(e.stamp());
    events.addLast(new EventView(time, EventKinds.label(e.kind()), e.robotId(), e.taskId(),
        e.source(), e.reason()));
    while (events.size() > FleetObserver.EVENTS_KEPT) {
      events.removeFirst();
    }
    switch (e.kind()) {
      case FleetEvent.ROBOT_JOINED, FleetEvent.ROBOT_RECOVERED -> {
        Robot r = robot(e.robotId());
        r.heard = true;
        r.failed = false;
      }
      case FleetEvent.ROBOT_FAILED -> robot(e.robotId()).failed = true;
      case FleetEvent.ROBOT_PAUSED -> robot(e.robotId()).paused = true;
      case FleetEvent.ROBOT_RESUMED -> robot(e.robotId()).paused = false;
      case FleetEvent.TASK_ACCEPTED -> {
        Task t = task(e.taskId());
        t.accepted = true;
        t.rejected = null;
        t.acceptedAt = time;
        if (t.kind.isEmpty()) {
          // The planner accepts multi-robot tasks as "valid"; LTL ones with the plan's detail.
          t.kind = e.reason().equals("valid") ? "multi_robot" : "ltl";
        }
      }
      case FleetEvent.TASK_REJECTED -> {
        Task t = task(e.taskId());
        // A later request reusing a refused task's id is refused for the id alone: the task
        // keeps the reason it was refused for.
        if (!t.accepted && t.rejected == null) {
          t.rejected = e.reason();
          t.finishedAt = time;
        }
      }
      case FleetEvent.TASK_STARTED -> {
        Task t = task(e.taskId());
        t.started = true;
        t.workedBy.add(e.robotId());
        if (t.startedAt == null) {
          t.startedAt = time;
        }
      }
      case FleetEvent.TASK_COMPLETED -> {
        Task t = task(e.taskId());
        t.completed = true;
        t.workedBy.add(e.robotId());
        t.finishedAt = time;
      }
      case FleetEvent.TASK_FAILED -> task(e.taskId()).failed = e.robotId() + ": " + e.reason();
      case FleetEvent.TASK_CANCELLED -> {
        Task t = task(e.taskId());
        t.cancelled = e.reason();
        t.finishedAt = time;
      }
      default -> {
        // input_rejected, command_rejected: in the event log only.
      }
    }
  }

  /** @return whether the robot's visible state changed (task, step, state, battery) */
  boolean heartbeat(Heartbeat h, long nanos) {
    Robot r = robot(h.robotId());
    boolean changed = !r.heard || !r.task.equals(h.currentTaskId()) || r.step != h.currentStep()
        || Math.abs(r.battery - h.battery()) >= 0.01;
    r.heard = true;
    r.heartbeatNanos = nanos;
    r.battery = h.battery();
    r.task = h.currentTaskId();
    r.step = h.currentStep();
    return changed;
  }

  void resume(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      String id = n.path("robot_id").asText("");
      if (id.isEmpty()) {
        return;
      }
      List<String> caps = new ArrayList<>();
      n.path("capabilities").forEach(c -> caps.add(c.asText()));
      String type = n.path("robot_type").asText("");
      robot(id).resume = (type.isEmpty() ? "" : type + ": ") + String.join(", ", caps);
    } catch (Exception e) {
      // Not a resume we understand: the fleet table just shows none.
    }
  }

  FleetSnapshot snapshot(long nowNanos) {
    Map<String, List<StepView>> steps = new LinkedHashMap<>();
    Map<String, Set<String>> robotsOfTask = new LinkedHashMap<>();
    Map<String, String> unassigned = new LinkedHashMap<>();
    if (plan != null) {
      for (RobotPlan p : plan.plans()) {
        List<StepView> list = new ArrayList<>();
        for (PlanStep s : p.steps()) {
          list.add(new StepView(s.taskId(), (int) s.stepIndex(), s.action(), s.region(),
              s.goal().position().x(), s.goal().position().y(), Stamps.seconds(s.plannedStart()),
              Stamps.seconds(s.plannedFinish()), role(s.role()), s.partners()));
          robotsOfTask.computeIfAbsent(s.taskId(), k -> new LinkedHashSet<>()).add(p.robotId());
        }
        steps.put(p.robotId(), list);
      }
      for (UnassignedTask u : plan.unassigned()) {
        unassigned.put(u.taskId(), u.detail());
      }
    }
    List<RobotView> robotViews = new ArrayList<>();
    robots.forEach((id, r) -> robotViews.add(new RobotView(id, state(r),
        r.heartbeatNanos == Long.MIN_VALUE ? null : (nowNanos - r.heartbeatNanos) / 1e9,
        Double.isFinite(r.battery) ? r.battery : null, r.task, r.step, r.resume,
        steps.getOrDefault(id, List.of()).size())));
    List<TaskView> taskViews = new ArrayList<>();
    tasks.forEach((id, t) -> {
      Set<String> planned = robotsOfTask.get(id);
      TaskState state;
      String reason = "";
      if (t.cancelled != null) {
        state = TaskState.CANCELLED;
        reason = t.cancelled;
      } else if (t.rejected != null) {
        state = TaskState.REJECTED;
        reason = t.rejected;
      } else if (planned != null) {
        state = t.started ? TaskState.RUNNING : TaskState.ASSIGNED;
      } else if (unassigned.containsKey(id)) {
        state = TaskState.UNASSIGNABLE;
        reason = unassigned.get(id);
      } else if (t.completed) {
        state = TaskState.DONE;
      } else if (t.failed != null) {
        state = TaskState.FAILED;
        reason = t.failed;
      } else {
        state = TaskState.PENDING;
      }
      taskViews.add(new TaskView(id, t.kind, state, reason,
          List.copyOf(planned != null ? planned : t.workedBy), t.acceptedAt, t.startedAt,
          t.finishedAt));
    });
    return new FleetSnapshot(plan == null ? 0 : plan.planVersion(),
        plan == null ? 0 : plan.expectedUtility(), robotViews, taskViews, steps,
        List.copyOf(events));
  }

  private static RobotState state(Robot r) {
    if (r.paused) {
      return RobotState.PAUSED;
    }
    if (r.failed) {
      return RobotState.FAILED;
    }
    return r.heard ? RobotState.ALIVE : RobotState.UNKNOWN;
  }

  private static String role(byte role) {
    return switch (role) {
      case PlanStep.ROLE_MASTER -> "master";
      case PlanStep.ROLE_COLLABORATOR -> "collaborator";
      default -> "solo";
    };
  }
}
