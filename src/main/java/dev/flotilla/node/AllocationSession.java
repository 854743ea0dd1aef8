package dev.flotilla.node;

import dev.flotilla.alloc.GreedyAllocator;
import dev.flotilla.alloc.PotentialGameAllocator;
import dev.flotilla.alloc.PotentialGameReallocator;
import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.CapabilityModel;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.TaskAllocator;
import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.alloc.travel.StraightLineTravel;
import dev.flotilla.model.Point3;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The allocator's state and decisions, free of any transport: which robots are alive and where,
 * which tasks are open, the current plan, and how each event changes it. Times inside the plan are
 * seconds since {@code epoch} (the node clock when the session began), so task decay keeps
 * counting across replans. Not thread-safe: the allocator node drives it from one thread.
 */
final class AllocationSession {

  private final AllocatorNode.Params params;
  private final double epoch;
  private final TaskAllocator allocator;
  private final Map<String, Point3> positions = new LinkedHashMap<>();
  private final Set<String> alive = new LinkedHashSet<>();
  private final Map<String, Task> openTasks = new LinkedHashMap<>();
  private final Map<String, Set<String>> resumeCapabilities = new LinkedHashMap<>();
  private final Map<String, dev.flotilla.resume.RobotResume> resumes = new LinkedHashMap<>();
  private final CapabilityModel capability = new ResumeCapabilityModel(resumes);
  private long version;
  private Allocation current;
  private AllocationProblem lastProblem;
  private AllocationPlan lastPlan;

  AllocationSession(AllocatorNode.Params params, double epoch) {
    this.params = params;
    this.epoch = epoch;
    this.allocator = switch (params.algorithm()) {
      case "potential_game" -> new PotentialGameAllocator();
      default -> new GreedyAllocator();
    };
    for (RobotConfig r : params.fleet().robots()) {
      positions.put(r.id(), r.start());
    }
  }

  boolean isAlive(String robotId) {
    return alive.contains(robotId);
  }

  boolean knows(String robotId) {
    return positions.containsKey(robotId);
  }

  /**
   * Takes a robot's resume (seed 002): its capabilities join the configured ones, and λ_ij for
   * the allocator comes from it.
   */
  void setResume(dev.flotilla.resume.RobotResume resume) {
    resumes.put(resume.robotId(), resume);
    resumeCapabilities.put(resume.robotId(), Set.copyOf(resume.capabilities()));
  }

  void setPosition(String robotId, Point3 mapPosition) {
    positions.put(robotId, mapPosition);
  }

  Allocation current() {
    return current;
  }

  Set<String> openTaskIds() {
    return openTasks.keySet();
  }

  /** A robot joined or recovered: it may take work again. */
  PlanUpdate robotAvailable(String robotId, double now, boolean recovered) {
    positions.putIfAbsent(robotId, params.fleet().robot(robotId).start());
    if (!alive.add(robotId) || openTasks.isEmpty()) {
      return null;
    }
    return replan(recovered ? Reassignment.CAUSE_ROBOT_RECOVERED : Reassignment.CAUSE_REBALANCE,
        robotId, now);
  }

  /**
   * A robot failed permanently: its work moves to others. With the potential-game algorithm only
   * the affected part of the plan changes (seed 001 §3); the greedy baseline replans.
   */
  PlanUpdate robotFailed(String robotId, double now) {
    if (!alive.remove(robotId)) {
      return null;
    }
    if (lastPlan != null && params.algorithm().equals("potential_game")
        && lastProblem.robots().stream().anyMatch(r -> r.id().equals(robotId))) {
      double t = Math.max(0, now - epoch);
      AllocationPlan repaired = new PotentialGameReallocator()
          .reallocate(lastProblem, lastPlan, robotId, t).plan();
      return publish(repaired, lastProblem, Reassignment.CAUSE_ROBOT_FAILED, robotId, now);
    }
    return replan(Reassignment.CAUSE_ROBOT_FAILED, robotId, now);
  }

  PlanUpdate taskAdded(TaskRequest request, double now) {
    if (openTasks.containsKey(request.taskId())) {
      return null;
    }
    openTasks.put(request.taskId(), toTask(request, now));
    return replan(Reassignment.CAUSE_NEW_TASK, request.taskId(), now);
  }

  PlanUpdate taskDone(String taskId, double now) {
    if (openTasks.remove(taskId) == null) {
      return null;
    }
    return replan(Reassignment.CAUSE_TASK_DONE, taskId, now);
  }

  private Task toTask(TaskRequest r, double now) {
    double deadline = Stamps.seconds(r.deadline());
    var p = r.location();
    return new Task(r.taskId(), new Point3(p.x(), p.y(), p.z()), r.requiredRobots(),
        r.baseUtility(), r.decayRate(), r.duration(), Math.max(0, now - epoch),
        deadline > 0 ? OptionalDouble.of(deadline - epoch) : OptionalDouble.empty(),
        (int) Math.round(r.priority()), new LinkedHashSet<>(r.requiredCapabilities()));
  }

  private PlanUpdate replan(byte cause, String subject, double now) {
    double t = Math.max(0, now - epoch);
    List<Robot> robots = new ArrayList<>();
    for (String id : alive) {
      RobotConfig c = params.fleet().robot(id);
      Set<String> capabilities = new LinkedHashSet<>(c.capabilities());
      capabilities.addAll(resumeCapabilities.getOrDefault(id, Set.of()));
      robots.add(new Robot(id, positions.get(id), c.maxSpeed(), c.maxAcceleration(),
          c.reliability(), c.costRate(), t, capabilities));
    }
    AllocationProblem problem = new AllocationProblem(robots, List.copyOf(openTasks.values()), capability,
        new StraightLineTravel(), params.utility());
    return publish(allocator.allocate(problem), problem, cause, subject, now);
  }

  private PlanUpdate publish(AllocationPlan plan, AllocationProblem problem, byte cause,
      String subject, double now) {
    lastPlan = plan;
    lastProblem = problem;
    Map<String, Task> tasks = new LinkedHashMap<>();
    problem.tasks().forEach(task -> tasks.put(task.id(), task));
    List<String> robotIds = new ArrayList<>(positions.keySet());
    Allocation next = PlanMessages.allocation(plan, tasks, robotIds, epoch, ++version, cause, now);
    Reassignment diff = PlanMessages.diff(current, next, subject);
    current = next;
    return new PlanUpdate(next, diff);
  }
}
