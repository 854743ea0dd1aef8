package dev.flotilla.plan;

/**
 * How a search went.
 *
 * @param nodes search nodes (or neighbours) evaluated
 * @param firstPlanS seconds until the first feasible plan (NaN if none)
 * @param bestPlanS seconds until the returned plan was found (NaN if none)
 * @param elapsedS total seconds spent
 * @param optimal whether the search finished, proving the plan optimal within its search space
 * @param firstObjective objective of the first plan found (NaN if none)
 */
public record SearchStats(
    long nodes,
    double firstPlanS,
    double bestPlanS,
    double elapsedS,
    boolean optimal,
    double firstObjective) {}
