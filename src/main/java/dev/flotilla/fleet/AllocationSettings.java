package dev.flotilla.fleet;

import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import java.util.Map;

/**
 * How an {@link AllocationSession} plans: the allocator node builds this from its parameters.
 *
 * @param roster the fleet's robots
 * @param eventTriggered whether events go through seed 000's event-triggered rebalancer over
 *     seed 001's potential game ({@code potential_game}); otherwise the greedy baseline re-plans
 *     everything at every event
 * @param utility α, β, σ_f, δ of seed 001 Eqs. (2)–(6)
 * @param rebalanceThreshold relative efficiency drop that triggers a global re-plan (seed 000),
 *     dimensionless in [0, 1]
 * @param deviationTolerance odometry deviation from the plan that is ignored, metres
 * @param replanPolicy event-triggered (seed 000) or a global re-plan at every event
 * @param lambda capabilities λ_ij in [0, 1] set by the operator per robot and task id; pairs not
 *     listed are scored from the robots' resumes
 * @param improvementPass whether the game is followed by {@code LocalSearch}'s improvement pass
 *     (moves, swaps, re-insertion; beyond seed 001)
 */
public record AllocationSettings(FleetRoster roster, boolean eventTriggered, UtilityParams utility,
    double rebalanceThreshold, double deviationTolerance,
    EventTriggeredRebalancer.Policy replanPolicy, Map<String, Map<String, Double>> lambda,
    boolean improvementPass) {

  /** Copies the λ table, so the record stays immutable. */
  public AllocationSettings {
    lambda = Map.copyOf(lambda);
  }

  /** The settings without the improvement pass (seed 001's game alone). */
  public AllocationSettings(FleetRoster roster, boolean eventTriggered, UtilityParams utility,
      double rebalanceThreshold, double deviationTolerance,
      EventTriggeredRebalancer.Policy replanPolicy, Map<String, Map<String, Double>> lambda) {
    this(roster, eventTriggered, utility, rebalanceThreshold, deviationTolerance, replanPolicy,
        lambda, false);
  }
}
