package dev.flotilla.report;

/**
 * The cost of the fleet's LTL plan at one moment: seed 003's objective J = α·t_m + β·c_r + γ·c_t
 * (Eq. 2), lower is better. Seed 001's expected utility counts only multi-robot tasks, so it
 * says nothing about LTL work; this is the measure the LTL planner minimises.
 *
 * @param timeS seconds since the run's start
 * @param cost J of the LTL plan in force from then on, in Eq. 2's units
 */
public record LtlCostSample(double timeS, double cost) {

  /** Rejects non-finite values. */
  public LtlCostSample {
    RecordChecks.finite(timeS, "ltlCost.timeS");
    RecordChecks.finite(cost, "ltlCost.cost");
  }
}
