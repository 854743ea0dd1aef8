package dev.flotilla.fleet;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.Assignment;
import dev.flotilla.alloc.api.RobotSchedule;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.model.CrewChange;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlanCause;
import dev.flotilla.model.PlanChange;
import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.StepRole;
import dev.flotilla.model.UnplannedReason;
import dev.flotilla.model.UnplannedTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link AllocationPlan} into a {@link FleetPlan}, merges the LTL planner's steps into
 * it, and compares two plans into the {@link PlanChange} that names only what changed.
 */
public final class FleetPlans {
  private FleetPlans() {}

  /**
   * @param plan the allocator's plan, times in seconds since {@code epoch}
   * @param tasks the open tasks, by id; steps of other (completed) tasks are left out
   * @param robotIds every robot that gets a (possibly empty) plan, in fleet order
   * @param epoch node-clock time that plan time 0 stands for, in seconds
   * @param version plan version
   * @param cause what triggered it
   * @param now node-clock time of issue, in seconds
   * @return the fleet plan
   */
  public static FleetPlan of(AllocationPlan plan, Map<String, Task> tasks,
      List<String> robotIds, double epoch, long version, PlanCause cause, double now) {
    Map<String, TaskAssignment> crews = new LinkedHashMap<>();
    for (TaskAssignment a : plan.assignments()) {
      crews.put(a.taskId(), a);
    }
    List<RobotItinerary> plans = new ArrayList<>();
    for (String robotId : robotIds) {
      List<PlannedStep> steps = new ArrayList<>();
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
      plans.add(new RobotItinerary(robotId, steps));
    }
    List<UnplannedTask> unassigned = new ArrayList<>();
    for (var u : plan.unassigned()) {
      if (!tasks.containsKey(u.taskId())) {
        continue;
      }
      UnplannedReason reason = switch (u.reason()) {
        case NO_CAPABLE_ROBOT -> UnplannedReason.NO_CAPABLE_ROBOT;
        case NOT_ENOUGH_ROBOTS -> UnplannedReason.NOT_ENOUGH_ROBOTS;
        case DEADLINE_UNREACHABLE -> UnplannedReason.DEADLINE_UNREACHABLE;
        case DEFERRED -> UnplannedReason.DEFERRED;
      };
      unassigned.add(new UnplannedTask(u.taskId(), reason, u.detail()));
    }
    return new FleetPlan(version, now, cause, plans, unassigned, plan.expectedGlobalUtility());
  }

  private static PlannedStep step(Assignment a, Task task, TaskAssignment crew, String robotId,
      int index, double epoch) {
    List<String> partners = new ArrayList<>();
    StepRole role = StepRole.SOLO;
    if (crew != null && crew.robotIds().size() > 1) {
      role = crew.robotIds().get(0).equals(robotId) ? StepRole.MASTER : StepRole.COLLABORATOR;
      crew.robotIds().stream().filter(r -> !r.equals(robotId)).forEach(partners::add);
    }
    return new PlannedStep(a.taskId(), index, "goto", "", task.location(), 0,
        epoch + a.startTime(), epoch + a.finishTime(), role, partners);
  }

  /**
   * Puts the LTL planner's steps (seed 003) into a plan: a robot with LTL work follows those
   * steps, with their roles and partners, instead of multi-robot ones.
   *
   * @param plan the multi-robot plan
   * @param ltlSteps LTL steps per robot id
   * @return the merged plan
   */
  public static FleetPlan withLtlSteps(FleetPlan plan, Map<String, List<PlannedStep>> ltlSteps) {
    if (ltlSteps.isEmpty()) {
      return plan;
    }
    List<RobotItinerary> plans = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (RobotItinerary p : plan.itineraries()) {
      seen.add(p.robotId());
      plans.add(ltlSteps.containsKey(p.robotId())
          ? new RobotItinerary(p.robotId(), ltlSteps.get(p.robotId())) : p);
    }
    ltlSteps.forEach((robot, steps) -> {
      if (!seen.contains(robot)) {
        plans.add(new RobotItinerary(robot, steps));
      }
    });
    return new FleetPlan(plan.version(), plan.stamp(), plan.cause(), plans, plan.unplanned(),
        plan.expectedUtility());
  }

  /**
   * @param previous the last issued plan, or null before the first
   * @param next the new plan
   * @param subject robot or task that caused the change
   * @return the diff: robots whose ordered task lists differ, and per task the robots it lost and
   *     gained
   */
  public static PlanChange diff(FleetPlan previous, FleetPlan next, String subject) {
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
    List<CrewChange> moves = new ArrayList<>();
    for (String t : taskIds) {
      Set<String> b = crewsBefore.getOrDefault(t, Set.of());
      Set<String> a = crewsAfter.getOrDefault(t, Set.of());
      if (!a.equals(b)) {
        moves.add(new CrewChange(t, b.stream().filter(r -> !a.contains(r)).toList(),
            a.stream().filter(r -> !b.contains(r)).toList()));
      }
    }
    return new PlanChange(previous == null ? 0 : previous.version(), next.version(),
        next.stamp(), next.cause(), subject, affected, moves);
  }

  private static Map<String, List<String>> taskLists(FleetPlan a) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (a != null) {
      for (RobotItinerary p : a.itineraries()) {
        out.put(p.robotId(), p.steps().stream().map(PlannedStep::taskId).toList());
      }
    }
    return out;
  }

  private static Map<String, Set<String>> crews(FleetPlan a) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    if (a != null) {
      for (RobotItinerary p : a.itineraries()) {
        for (PlannedStep s : p.steps()) {
          out.computeIfAbsent(s.taskId(), k -> new LinkedHashSet<>()).add(p.robotId());
        }
      }
    }
    return out;
  }
}
