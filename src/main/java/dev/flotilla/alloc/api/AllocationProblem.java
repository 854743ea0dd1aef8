package dev.flotilla.alloc.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One allocation instance of seed 001 §1: robots, tasks, capability λ_ij, travel model and the
 * utility weights. Immutable; robots and tasks keep their input order (their indices i and j).
 *
 * @param robots the fleet A, unique ids
 * @param tasks the tasks T, unique ids
 * @param capability λ_ij; forced to 0 when the robot lacks one of the task's required capabilities
 * @param travel route lengths and τ_i
 * @param params α, β, σ_f, δ and the scoring mode
 */
public record AllocationProblem(
    List<Robot> robots,
    List<Task> tasks,
    CapabilityModel capability,
    TravelModel travel,
    UtilityParams params) {

  /** Copies the lists and rejects duplicate ids. */
  public AllocationProblem {
    robots = List.copyOf(ArgumentChecks.nonNull(robots, "robots"));
    tasks = List.copyOf(ArgumentChecks.nonNull(tasks, "tasks"));
    ArgumentChecks.nonNull(capability, "capability");
    ArgumentChecks.nonNull(travel, "travel");
    ArgumentChecks.nonNull(params, "params");
    Map<String, Integer> seen = new HashMap<>();
    for (Robot r : robots) {
      if (seen.put(r.id(), 0) != null) {
        throw new IllegalArgumentException("robots: duplicate robot id '" + r.id() + "'.");
      }
    }
    seen.clear();
    for (Task t : tasks) {
      if (seen.put(t.id(), 0) != null) {
        throw new IllegalArgumentException("tasks: duplicate task id '" + t.id() + "'.");
      }
    }
  }

  /**
   * Effective λ_ij: the capability model's value, or 0 when a required capability is missing.
   *
   * @param robot the robot
   * @param task the task
   * @return λ in [0, 1]
   */
  public double lambda(Robot robot, Task task) {
    if (!robot.capabilities().containsAll(task.requiredCapabilities())) {
      return 0;
    }
    double value = capability.capability(robot, task);
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "capability(" + robot.id() + ", " + task.id() + ") must be in [0, 1], got " + value
              + ".");
    }
    return value;
  }

  /**
   * Effective deadline: t_j^d of Eq. (3), t_j^0 + ln(r_j / δ) / μ_j, capped by the task's hard
   * deadline. A task whose base utility is already below δ gets a deadline before it appears.
   *
   * @param task the task
   * @return seconds on the plan clock (may be infinite)
   */
  public double deadline(Task task) {
    double decayDeadline;
    if (task.baseUtility() < params.delta()) {
      decayDeadline = Double.NEGATIVE_INFINITY;
    } else if (task.decay() == 0) {
      decayDeadline = Double.POSITIVE_INFINITY;
    } else {
      decayDeadline =
          task.appearanceTime() + Math.log(task.baseUtility() / params.delta()) / task.decay();
    }
    return task.deadline().isPresent()
        ? Math.min(decayDeadline, task.deadline().getAsDouble())
        : decayDeadline;
  }

  /**
   * Index of a robot.
   *
   * @param id robot id
   * @return its index in {@link #robots()}
   */
  public int robotIndex(String id) {
    for (int i = 0; i < robots.size(); i++) {
      if (robots.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("Unknown robot id '" + id + "'.");
  }

  /**
   * Index of a task.
   *
   * @param id task id
   * @return its index in {@link #tasks()}
   */
  public int taskIndex(String id) {
    for (int j = 0; j < tasks.size(); j++) {
      if (tasks.get(j).id().equals(id)) {
        return j;
      }
    }
    throw new IllegalArgumentException("Unknown task id '" + id + "'.");
  }

  /**
   * Same instance with other tasks.
   *
   * @param newTasks the tasks
   * @return the copy
   */
  public AllocationProblem withTasks(List<Task> newTasks) {
    return new AllocationProblem(robots, newTasks, capability, travel, params);
  }

  /**
   * Same instance with another fleet.
   *
   * @param newRobots the robots
   * @return the copy
   */
  public AllocationProblem withRobots(List<Robot> newRobots) {
    return new AllocationProblem(newRobots, tasks, capability, travel, params);
  }
}
