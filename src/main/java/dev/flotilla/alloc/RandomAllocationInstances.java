package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.CapabilityModel;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.alloc.travel.StraightLineTravel;
import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random instances in the setting of §4 of seed 001 (Tables 1–2 scaled up): robots and
 * tasks uniformly in a square, max speed 10 or 20 m/s, acceleration 0.25 m/s², λ_ij ∈ {0.5, 1}
 * (0 with probability 0.1), r_j ∈ [10, 20], μ_j = 5·10⁻⁴ /s, ω_i ∈ [0.5, 1.5], and the weights
 * α = 1, β = 10⁻³ /m, σ_f = 10⁻⁵, δ = 1 used by the §4 test; cost rates 0.001–0.01 /s for the
 * quality − cost mode. O(n·m).
 */
public final class RandomAllocationInstances {
  /** Weights shared by all generated instances. */
  public static final UtilityParams PARAMS = UtilityParams.of(1.0, 1e-3, 1e-5, 1.0);

  private RandomAllocationInstances() {}

  /**
   * Generates one instance.
   *
   * @param seed random seed
   * @param robots n
   * @param tasks m
   * @param need N_j of every task
   * @param side side of the square, metres
   * @return the problem
   */
  public static AllocationProblem generate(long seed, int robots, int tasks, int need,
      double side) {
    Random rng = new Random(seed);
    List<Robot> fleet = new ArrayList<>();
    for (int i = 0; i < robots; i++) {
      fleet.add(new Robot("A" + (i + 1), Point3.of(rng.nextDouble() * side,
          rng.nextDouble() * side), rng.nextBoolean() ? 10 : 20, 0.25,
          0.5 + rng.nextDouble(), 0.001 + 0.009 * rng.nextDouble(), 0, Set.of()));
    }
    List<Task> list = new ArrayList<>();
    for (int j = 0; j < tasks; j++) {
      list.add(Task.of("T" + (j + 1), Point3.of(rng.nextDouble() * side,
          rng.nextDouble() * side), need, 10 + 10 * rng.nextDouble(), 5e-4));
    }
    double[][] lambda = new double[robots][tasks];
    for (int i = 0; i < robots; i++) {
      for (int j = 0; j < tasks; j++) {
        double u = rng.nextDouble();
        lambda[i][j] = u < 0.1 ? 0 : u < 0.55 ? 0.5 : 1.0;
      }
    }
    Map<String, Integer> robotIndex = new HashMap<>();
    Map<String, Integer> taskIndex = new HashMap<>();
    for (int i = 0; i < robots; i++) {
      robotIndex.put(fleet.get(i).id(), i);
    }
    for (int j = 0; j < tasks; j++) {
      taskIndex.put(list.get(j).id(), j);
    }
    CapabilityModel capability = (robot, task) -> {
      Integer i = robotIndex.get(robot.id());
      Integer j = taskIndex.get(task.id());
      if (i != null && j != null) {
        return lambda[i][j];
      }
      // Tasks added later (rebalancing events) get a reproducible draw from the ids.
      double u = new Random((robot.id() + "/" + task.id()).hashCode() ^ seed).nextDouble();
      return u < 0.1 ? 0 : u < 0.55 ? 0.5 : 1.0;
    };
    return new AllocationProblem(fleet, list, capability, new StraightLineTravel(), PARAMS);
  }
}
