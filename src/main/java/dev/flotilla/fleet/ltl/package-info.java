/**
 * The LTL side of the fleet layer (seed 003): the planner's session over formulas
 * ({@link dev.flotilla.fleet.ltl.LtlTaskPlanner}), the synchronizer's step tracking
 * ({@link dev.flotilla.fleet.ltl.LtlSyncTracker}), and the documents they exchange and journal.
 *
 * <p>May depend on {@code model}, {@code plan} and {@code ltl}; never on messages, transport,
 * nodes or apps.
 */
package dev.flotilla.fleet.ltl;
