package dev.flotilla.plan;

/** Outcome of a planner: a plan, or the reason there is none. */
public sealed interface PlanResult {

  /**
   * Search statistics.
   *
   * @return the stats
   */
  SearchStats stats();

  /**
   * A feasible plan was found.
   *
   * @param plan the best plan found
   * @param stats search statistics
   */
  record Planned(Plan plan, SearchStats stats) implements PlanResult {}

  /**
   * No feasible plan exists (or none was found within the budget).
   *
   * @param reason a plain sentence
   * @param stats search statistics
   */
  record Infeasible(String reason, SearchStats stats) implements PlanResult {}
}
