package dev.flotilla.plan;

import dev.flotilla.plan.chain.ActionPathChain;
import java.util.ArrayList;
import java.util.List;

/**
 * One action-path chain given to a master agent, with the collaborators helping on each of its
 * steps: the unit a plan J (Eq. (5) of seed 003) is made of. A plan is an ordered list of these;
 * the order is the assignment order, which respects the order relation and decides who waits for
 * whom on conflicts.
 *
 * @param subtaskId id of the subtask served
 * @param chain the chain, executed whole by the master
 * @param master id of the master agent
 * @param helpers per step, ids of the collaborating agents (in the order they were added)
 */
public record ChainAssignment(
    int subtaskId, ActionPathChain chain, int master, List<List<Integer>> helpers) {

  /** Copies the helper lists and checks there is one per step. */
  public ChainAssignment {
    if (helpers.size() != chain.steps().size()) {
      throw new IllegalArgumentException(
          "Need one helper list per chain step: " + helpers.size() + " for " + chain + ".");
    }
    helpers = helpers.stream().map(List::copyOf).toList();
  }

  /**
   * An assignment without collaborators.
   *
   * @param subtaskId subtask served
   * @param chain the chain
   * @param master master agent id
   * @return the assignment
   */
  public static ChainAssignment alone(int subtaskId, ActionPathChain chain, int master) {
    List<List<Integer>> empty = new ArrayList<>();
    for (int k = 0; k < chain.steps().size(); k++) {
      empty.add(List.of());
    }
    return new ChainAssignment(subtaskId, chain, master, empty);
  }

  /**
   * A copy with one more collaborator on a step.
   *
   * @param step index of the chain step
   * @param agent id of the collaborator
   * @return the new assignment
   */
  public ChainAssignment withHelper(int step, int agent) {
    List<List<Integer>> h = new ArrayList<>(helpers);
    List<Integer> at = new ArrayList<>(h.get(step));
    at.add(agent);
    h.set(step, at);
    return new ChainAssignment(subtaskId, chain, master, h);
  }

  /**
   * A copy without collaborators, keeping chain and master.
   *
   * @return the new assignment
   */
  public ChainAssignment withoutHelpers() {
    return alone(subtaskId, chain, master);
  }
}
