package dev.flotilla.model;

import java.util.List;

/**
 * One version of the fleet's plan: every robot's steps, and the tasks left out.
 *
 * @param version plan version, increasing with each change
 * @param stamp time of issue on the node clock, seconds
 * @param cause what triggered this version
 * @param itineraries one per robot in the plan, in fleet order
 * @param unplanned tasks in no robot's plan, with the reason
 * @param expectedUtility expected global utility (seed 001 Eq. 8), dimensionless
 */
public record FleetPlan(long version, double stamp, PlanCause cause,
    List<RobotItinerary> itineraries, List<UnplannedTask> unplanned, double expectedUtility) {

  /** Copies the lists, so the record stays immutable. */
  public FleetPlan {
    itineraries = List.copyOf(itineraries);
    unplanned = List.copyOf(unplanned);
  }
}
