package dev.flotilla.plan;

import java.util.List;

/**
 * One action an agent performs in a plan.
 *
 * @param action action label, e.g. {@code gw}
 * @param region region where it is performed
 * @param startS planned start of the agent's work on it, seconds from plan start
 * @param finishS planned end of the work, seconds from plan start
 * @param role master (executes the whole chain) or collaborator (helps on this action)
 * @param subtaskId id of the subtask whose chain this action belongs to
 * @param chainIndex position of that chain in the plan's assignment order
 * @param stepIndex position of the action in its chain
 * @param core whether this action is the one that satisfies the subtask's sigma
 * @param master id of the chain's master agent
 * @param partners ids of the other agents working on the same action
 */
public record PlanStep(
    String action,
    String region,
    double startS,
    double finishS,
    Role role,
    int subtaskId,
    int chainIndex,
    int stepIndex,
    boolean core,
    int master,
    List<Integer> partners) {

  /** Copies the partner list. */
  public PlanStep {
    partners = List.copyOf(partners);
  }

  /**
   * The proposition this action makes true.
   *
   * @return e.g. {@code sw_r1}
   */
  public String proposition() {
    return action + "_" + region;
  }
}
