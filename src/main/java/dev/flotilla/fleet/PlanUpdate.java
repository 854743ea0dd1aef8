package dev.flotilla.fleet;

import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlanChange;

/**
 * A new plan version as the allocator issues it.
 *
 * @param plan the full plan
 * @param change what changed from the previous version
 */
public record PlanUpdate(FleetPlan plan, PlanChange change) {}
