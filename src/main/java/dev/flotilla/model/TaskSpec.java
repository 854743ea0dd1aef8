package dev.flotilla.model;

import java.util.List;

/**
 * A multi-robot task as an operator requests it (seed 001 §2): where, how many robots at once,
 * what it is worth and how fast that value decays.
 *
 * @param id unique, non-empty task id
 * @param region named region of the task, or empty when only {@code location} is given
 * @param location task location in the {@code map} frame, metres
 * @param requiredRobots robots needed at the same time (N_j ≥ 1)
 * @param baseUtility base utility r_j (seed 001 Eq. 2), dimensionless, &gt; 0
 * @param decayRate exponential time-decay rate μ_j (seed 001 Eq. 3), 1/s, ≥ 0
 * @param duration execution time once all robots are present, seconds, ≥ 0
 * @param deadline absolute deadline on the node clock, seconds; 0 means none given
 * @param priority priority weight, dimensionless; larger is more urgent, 0 = default
 * @param requiredCapabilities named capabilities every assigned robot must have
 */
public record TaskSpec(String id, String region, Point3 location, int requiredRobots,
    double baseUtility, double decayRate, double duration, double deadline, double priority,
    List<String> requiredCapabilities) {

  /** Copies the capability list, so the record stays immutable. */
  public TaskSpec {
    requiredCapabilities = List.copyOf(requiredCapabilities);
  }
}
