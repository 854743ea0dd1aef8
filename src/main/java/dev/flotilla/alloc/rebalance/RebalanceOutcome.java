package dev.flotilla.alloc.rebalance;

import dev.flotilla.alloc.api.AllocationPlan;
import java.util.Set;

/**
 * What one event did to the plan.
 *
 * @param event the event
 * @param globalReplan whether a global re-plan was run (and adopted or not, see efficiency)
 * @param localEfficiency efficiency after local repair (see {@link
 *     EventTriggeredRebalancer#efficiency}), NaN when no repair was needed
 * @param referenceEfficiency the last global plan's efficiency the local one was compared with
 * @param efficiency efficiency of the adopted plan, utility per second
 * @param robotsTouched robots whose open plan changed (each gets one plan message)
 * @param negotiationMessages messages of the potential game: two per pairwise comparison
 * @param plan the adopted plan
 */
public record RebalanceOutcome(
    RebalanceEvent event,
    boolean globalReplan,
    double localEfficiency,
    double referenceEfficiency,
    double efficiency,
    Set<String> robotsTouched,
    long negotiationMessages,
    AllocationPlan plan) {

  /** Copies the set. */
  public RebalanceOutcome {
    robotsTouched = Set.copyOf(robotsTouched);
  }

  /**
   * Plan messages plus negotiation messages.
   *
   * @return total messages for this event
   */
  public long messages() {
    return robotsTouched.size() + negotiationMessages;
  }
}
