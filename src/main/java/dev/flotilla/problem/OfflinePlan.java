package dev.flotilla.problem;

import dev.flotilla.model.FleetPlan;
import java.util.List;

/**
 * The plan of a problem: every robot's steps with times and roles, the measures each planner
 * optimises, and what was left out with the reason.
 *
 * @param problem the problem planned
 * @param plan the final fleet plan; step times are seconds from plan time 0
 * @param expectedUtility expected global utility of the multi-robot tasks (seed 001 Eq. 8,
 *     dimensionless; 0 when there are none)
 * @param ltlCost the LTL plan's cost (seed 003 Eq. 2), or null when no LTL task was planned
 * @param unassigned tasks in no robot's plan, with the reason
 * @param decisions what happened to each task as it arrived, in time order
 */
public record OfflinePlan(Problem problem, FleetPlan plan, double expectedUtility,
    LtlCost ltlCost, List<Unassigned> unassigned, List<Decision> decisions) {

  /** Copies the lists. */
  public OfflinePlan {
    unassigned = List.copyOf(unassigned);
    decisions = List.copyOf(decisions);
  }

  /**
   * Seed 003's objective J = α·t_m + β·c_r + γ·c_t (Eq. 2), lower is better, with its terms.
   *
   * @param objective J
   * @param makespanS t_m, seconds
   * @param resourceCost c_r, cost units
   * @param travelM c_t, metres travelled by all agents
   * @param alpha weight of the makespan, per second
   * @param beta weight of the resource cost, per unit
   * @param gamma weight of the distance, per metre
   */
  public record LtlCost(double objective, double makespanS, double resourceCost, double travelM,
      double alpha, double beta, double gamma) {}

  /**
   * A task nobody does.
   *
   * @param taskId the task
   * @param reason a plain sentence
   */
  public record Unassigned(String taskId, String reason) {}

  /**
   * One task's arrival and its outcome.
   *
   * @param at seconds after plan time 0
   * @param taskId the task
   * @param kind {@code multi_robot} or {@code ltl}
   * @param accepted whether it is in the plan
   * @param detail how it was planned, or why not
   */
  public record Decision(double at, String taskId, String kind, boolean accepted,
      String detail) {}
}
