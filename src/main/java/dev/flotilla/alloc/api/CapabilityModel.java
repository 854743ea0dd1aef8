package dev.flotilla.alloc.api;

import java.util.Map;

/**
 * The capability λ_ij ∈ [0, 1] of robot A_i for task T_j (seed 001 §1, Eq. 2); 0 means the robot
 * cannot do the task. This is the seam through which URDF-derived robot resumes plug in.
 */
@FunctionalInterface
public interface CapabilityModel {

  /**
   * Capability of a robot for a task.
   *
   * @param robot the robot
   * @param task the task
   * @return λ in [0, 1]
   */
  double capability(Robot robot, Task task);

  /** Every robot is fully capable of every task (λ = 1). */
  CapabilityModel UNIFORM = (robot, task) -> 1.0;

  /**
   * A table λ[robotId][taskId]; pairs missing from the table get 0.
   *
   * @param table robot id → (task id → λ)
   * @return the model
   */
  static CapabilityModel ofTable(Map<String, Map<String, Double>> table) {
    Map<String, Map<String, Double>> copy = Map.copyOf(table);
    for (var row : copy.entrySet()) {
      for (var cell : row.getValue().entrySet()) {
        double v = cell.getValue();
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException(
              "capability[" + row.getKey() + "][" + cell.getKey() + "] must be in [0, 1], got "
                  + v + ".");
        }
      }
    }
    return (robot, task) -> copy.getOrDefault(robot.id(), Map.of()).getOrDefault(task.id(), 0.0);
  }
}
