package dev.flotilla.alloc.api;

/** How a task's utility is scored. */
public enum UtilityMode {
  /** Expected utility u_j^E of Eq. (6) of seed 001 (contributions of Eq. 2, decay of Eq. 4). */
  EXPECTED_UTILITY,
  /**
   * Seed 000's u = q − c: the quality q is Eq. (6) and the cost c is Σ_i costRate_i × (finish of
   * the task − time robot i left its previous location), i.e. what the robot's engagement costs;
   * an infeasible assignment scores −∞.
   */
  QUALITY_MINUS_COST
}
