package dev.flotilla.fleet.ltl;

import dev.flotilla.plan.BranchAndBoundPlanner;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import java.util.Map;

/**
 * How the {@link LtlTaskPlanner} plans (seed 003): the planner node builds this from its
 * {@code ltl_*} parameters.
 *
 * @param scenario the loaded scenario, or null when LTL planning is disabled
 * @param weights alpha, beta, gamma of Eq. (2)
 * @param offlineWindowS seconds between the first pending LTL task and the offline plan
 * @param offline branch-and-bound limits
 * @param online simulated-annealing settings
 * @param onlineResources resources by white-space-free formula text (region to kind to units)
 *     that an online formula brings (see {@link #normalize})
 */
public record LtlSettings(Scenario scenario, Weights weights, double offlineWindowS,
    BranchAndBoundPlanner.Config offline, SimulatedAnnealingReplanner.Config online,
    Map<String, Map<String, Map<String, Integer>>> onlineResources) {

  /** Copies the resource map. */
  public LtlSettings {
    onlineResources = Map.copyOf(onlineResources);
  }

  /** @return whether LTL planning is on (a scenario is loaded) */
  public boolean enabled() {
    return scenario != null;
  }

  /**
   * @param formula formula text
   * @return the text without white space, the key of {@link #onlineResources()}
   */
  public static String normalize(String formula) {
    return formula.replaceAll("\\s+", "");
  }
}
