package dev.flotilla.node;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.Assignment;
import dev.flotilla.alloc.api.RobotSchedule;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskMove;
import dev.flotilla.msgs.flotilla_msgs.UnassignedTask;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link AllocationPlan} into the {@code Allocation} message, and two allocations into
 * the {@code Reassignment} that names only what changed.
 */
final class PlanMessages {
  private PlanMessages() {}

  /**
   * @param plan the allocator's plan, times in seconds since {@code epoch}
   * @param tasks the open tasks, by id; steps of other (completed) tasks are left out
   * @param robotIds every robot that gets a (possibly empty) plan, in fleet order
   * @param epoch node-clock time that plan time 0 stands for, in seconds
   * @param version plan version
   * @param cause one of {@code Reassignment.CAUSE_*}
   * @param now node-clock time of publication, in seconds
   * @return the message
   */
  static Allocation allocation(AllocationPlan plan, Map<String, Task> tasks,
      List<String> robotIds, double epoch, long version, byte cause, double now) {
    Map<String, TaskAssignment> crews = new LinkedHashMap<>();
    for (TaskAssignment a : plan.assignments()) {
      crews.put(a.taskId(), a);
    }
    List<RobotPlan> plans = new ArrayList<>();
    for (String robotId : robotIds) {
      List<PlanStep> steps = new ArrayList<>();
      RobotSchedule schedule = plan.schedules().stream()
          .filter(s -> s.robotId().equals(robotId)).findFirst().orElse(null);
      if (schedule != null) {
        for (Assignment a : schedule.assignments()) {
          if (!tasks.containsKey(a.taskId())) {
            continue;
          }
          steps.add(step(a, tasks.get(a.taskId()), crews.get(a.taskId()), robotId, steps.size(),
              epoch));
        }
      }
      plans.add(new RobotPlan(robotId, steps));
    }
    List<UnassignedTask> unassigned = new ArrayList<>();
    for (var u : plan.unassigned()) {
      if (!tasks.containsKey(u.taskId())) {
        continue;
      }
      byte reason = switch (u.reason()) {
        case NO_CAPABLE_ROBOT -> UnassignedTask.REASON_NO_CAPABLE_ROBOT;
        case NOT_ENOUGH_ROBOTS -> UnassignedTask.REASON_NOT_ENOUGH_ROBOTS;
        case DEADLINE_UNREACHABLE -> UnassignedTask.REASON_DEADLINE_UNREACHABLE;
        case DEFERRED -> UnassignedTask.REASON_DEFERRED;
      };
      unassigned.add(new UnassignedTask(u.taskId(), reason, u.detail()));
    }
    return new Allocation(version, Stamps.time(now), cause, plans, unassigned,
        plan.expectedGlobalUtility());
  }

  private static PlanStep step(Assignment a, Task task, TaskAssignment crew, String robotId,
      int index, double epoch) {
    List<String> partners = new ArrayList<>();
    byte role = PlanStep.ROLE_SOLO;
    if (crew != null && crew.robotIds().size() > 1) {
      role = crew.robotIds().get(0).equals(robotId) ? PlanStep.ROLE_MASTER
          : PlanStep.ROLE_COLLABORATOR;
      crew.robotIds().stream().filter(r -> !r.equals(robotId)).forEach(partners::add);
    }
    var p = task.location();
    return PlanStep.builder().taskId(a.taskId()).stepIndex(index).action("goto")
        .goal(new Pose(new Point(p.x(), p.y(), p.z()), new Quaternion(0, 0, 0, 1)))
        .plannedStart(Stamps.time(epoch + a.startTime()))
        .plannedFinish(Stamps.time(epoch + a.finishTime()))
        .role(role).partners(partners).build();
  }

  /**
   * Puts the LTL planner's steps (seed 003) into an allocation: a robot with LTL work follows
   * those steps, with their roles and partners, instead of multi-robot ones.
   *
   * @param allocation the multi-robot allocation
   * @param ltlSteps LTL steps per robot id
   * @return the merged allocation
   */
  static Allocation withLtlSteps(Allocation allocation, Map<String, List<PlanStep>> ltlSteps) {
    if (ltlSteps.isEmpty()) {
      return allocation;
    }
    List<RobotPlan> plans = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (RobotPlan p : allocation.plans()) {
      seen.add(p.robotId());
      plans.add(ltlSteps.containsKey(p.robotId())
          ? new RobotPlan(p.robotId(), ltlSteps.get(p.robotId())) : p);
    }
    ltlSteps.forEach((robot, steps) -> {
      if (!seen.contains(robot)) {
        plans.add(new RobotPlan(robot, steps));
      }
    });
    return allocation.toBuilder().plans(plans).build();
  }

  /**
   * @param previous the last published allocation, or null before the first
   * @param next the new allocation
   * @param subject robot or task that caused the change
   * @return the diff: robots whose ordered task lists differ, and per task the robots it lost and
   *     gained
   */
  static Reassignment diff(Allocation previous, Allocation next, String subject) {
    Map<String, List<String>> before = taskLists(previous);
    Map<String, List<String>> after = taskLists(next);
    Set<String> robots = new LinkedHashSet<>(before.keySet());
    robots.addAll(after.keySet());
    List<String> affected = new ArrayList<>();
    for (String r : robots) {
      if (!before.getOrDefault(r, List.of()).equals(after.getOrDefault(r, List.of()))) {
        affected.add(r);
      }
    }
    Map<String, Set<String>> crewsBefore = crews(previous);
    Map<String, Set<String>> crewsAfter = crews(next);
    Set<String> taskIds = new LinkedHashSet<>(crewsBefore.keySet());
    taskIds.addAll(crewsAfter.keySet());
    List<TaskMove> moves = new ArrayList<>();
    for (String t : taskIds) {
      Set<String> b = crewsBefore.getOrDefault(t, Set.of());
      Set<String> a = crewsAfter.getOrDefault(t, Set.of());
      if (!a.equals(b)) {
        moves.add(new TaskMove(t, b.stream().filter(r -> !a.contains(r)).toList(),
            a.stream().filter(r -> !b.contains(r)).toList()));
      }
    }
    return new Reassignment(previous == null ? 0 : previous.planVersion(), next.planVersion(),
        next.stamp(), next.cause(), subject, affected, moves);
  }

  private static Map<String, List<String>> taskLists(Allocation a) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (a != null) {
      for (RobotPlan p : a.plans()) {
        out.put(p.robotId(), p.steps().stream().map(PlanStep::taskId).toList());
      }
    }
    return out;
  }

  private static Map<String, Set<String>> crews(Allocation a) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    if (a != null) {
      for (RobotPlan p : a.plans()) {
        for (PlanStep s : p.steps()) {
          out.computeIfAbsent(s.taskId(), k -> new LinkedHashSet<>()).add(p.robotId());
        }
      }
    }
    return out;
  }
}
