package dev.flotilla.problem;

import dev.flotilla.fleet.AllocationSettings;
import dev.flotilla.fleet.ltl.LtlSettings;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.model.TaskSpec;
import dev.flotilla.resume.RobotResume;
import java.util.List;
import java.util.Map;

/**
 * A validated planning problem: what {@link OfflinePlanner} plans. Times are seconds from the
 * plan's start (plan time 0).
 *
 * @param source the file it was read from, for the output's heading
 * @param robots the fleet, in file order
 * @param resumes resumes built from the robots' URDFs or read from their resume files, by id
 * @param tasks multi-robot tasks with their arrival times, in file order
 * @param ltlTasks LTL tasks with their arrival times, in file order
 * @param allocation the allocator's settings (seed 001 / seed 000)
 * @param ltl the planner's LTL settings (seed 003), or null when the problem has no scenario
 */
public record Problem(String source, List<RobotSpec> robots, Map<String, RobotResume> resumes,
    List<Arrival<TaskSpec>> tasks, List<Arrival<LtlTask>> ltlTasks,
    AllocationSettings allocation, LtlSettings ltl) {

  /** Copies the collections. */
  public Problem {
    robots = List.copyOf(robots);
    resumes = Map.copyOf(resumes);
    tasks = List.copyOf(tasks);
    ltlTasks = List.copyOf(ltlTasks);
  }

  /**
   * A task and when it arrives.
   *
   * @param at seconds after plan time 0; 0 = known from the start
   * @param task the task
   * @param <T> the task's type
   */
  public record Arrival<T>(double at, T task) {}

  /**
   * An LTL task (seed 003).
   *
   * @param id task id
   * @param formula a syntactically co-safe LTL formula over the scenario's propositions
   */
  public record LtlTask(String id, String formula) {}
}
