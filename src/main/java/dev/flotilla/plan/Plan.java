package dev.flotilla.plan;

import java.util.List;

/**
 * A timed multi-agent plan J = (J_1, ..., J_N) (Eq. (1) of seed 003) with the terms of Eq. (2).
 *
 * @param assignments chain assignments in assignment order (the plan's structure)
 * @param agents per agent its ordered steps, one entry per agent of the fleet
 * @param makespanS t_m, seconds
 * @param resourceCost c_r, cost units
 * @param travelM c_t, metres travelled by all agents
 * @param objective alpha t_m + beta c_r + gamma c_t
 */
public record Plan(
    List<ChainAssignment> assignments,
    List<AgentPlan> agents,
    double makespanS,
    double resourceCost,
    double travelM,
    double objective) {

  /** Copies the lists. */
  public Plan {
    assignments = List.copyOf(assignments);
    agents = List.copyOf(agents);
  }

  /**
   * Number of action executions (chain steps) in the plan, collaborations not counted.
   *
   * @return the count
   */
  public int actionCount() {
    return assignments.stream().mapToInt(a -> a.chain().steps().size()).sum();
  }

  /**
   * Number of collaborator contributions.
   *
   * @return the count
   */
  public int collaborationCount() {
    return assignments.stream()
        .mapToInt(a -> a.helpers().stream().mapToInt(List::size).sum())
        .sum();
  }
}
