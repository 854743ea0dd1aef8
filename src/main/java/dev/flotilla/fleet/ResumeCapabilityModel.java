package dev.flotilla.fleet;

import dev.flotilla.alloc.api.CapabilityModel;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.resume.CapabilityLambda;
import dev.flotilla.resume.Requirement;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.resume.TaskRequirements;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * λ_ij for the allocator from robot resumes (seed 002): a robot with a resume is scored by
 * {@link CapabilityLambda#lambda} against the task's named capabilities; a robot without one
 * (its {@code robot_description} has not arrived) counts as fully capable of what its configured
 * capabilities allow, which {@code AllocationProblem} checks before calling this.
 */
final class ResumeCapabilityModel implements CapabilityModel {
  private final Map<String, RobotResume> resumes;
  private final Set<String> failedPairs;

  /** @param resumes resumes by robot id, read at each call (the map may grow) */
  ResumeCapabilityModel(Map<String, RobotResume> resumes) {
    this(resumes, Set.of());
  }

  /**
   * @param resumes resumes by robot id, read at each call (the map may grow)
   * @param failedPairs "robot|task" pairs where the robot reported the task failed: λ = 0
   */
  ResumeCapabilityModel(Map<String, RobotResume> resumes, Set<String> failedPairs) {
    this.resumes = resumes;
    this.failedPairs = failedPairs;
  }

  @Override
  public double capability(Robot robot, Task task) {
    if (failedPairs.contains(robot.id() + "|" + task.id())) {
      return 0;
    }
    RobotResume resume = resumes.get(robot.id());
    if (resume == null) {
      return 1.0;
    }
    List<Requirement> needs = task.requiredCapabilities().stream().sorted()
        .<Requirement>map(Requirement.Named::new).toList();
    return CapabilityLambda.lambda(resume,
        new TaskRequirements(task.id(), needs));
  }
}
