package dev.flotilla.plan;

import java.util.List;

/**
 * The ordered steps J_n of one agent (Eq. (5) of seed 003).
 *
 * @param agentId agent id n
 * @param agentName readable name
 * @param agentType type name
 * @param steps steps in execution order
 */
public record AgentPlan(int agentId, String agentName, String agentType, List<PlanStep> steps) {

  /** Copies the steps. */
  public AgentPlan {
    steps = List.copyOf(steps);
  }
}
