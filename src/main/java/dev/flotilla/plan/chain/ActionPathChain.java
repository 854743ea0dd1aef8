package dev.flotilla.plan.chain;

import java.util.List;

/**
 * An action-path chain pi^mot (Definition 6 of seed 003) for one agent type: the action chain
 * pi^act with a region for every action. The master agent executes it whole, from its automaton's
 * initial state back to it.
 *
 * @param agentType name of the agent type whose model produced it
 * @param steps the (action, region) pairs, in execution order
 * @param coreIndex index of the step that satisfies the subtask's sigma
 */
public record ActionPathChain(String agentType, List<ChainStep> steps, int coreIndex) {

  /** Copies the steps and checks the core index. */
  public ActionPathChain {
    steps = List.copyOf(steps);
    if (coreIndex < 0 || coreIndex >= steps.size()) {
      throw new IllegalArgumentException("Core index " + coreIndex + " outside the chain.");
    }
  }

  /**
   * The action chain pi^act.
   *
   * @return action labels in order
   */
  public List<String> actions() {
    return steps.stream().map(ChainStep::action).toList();
  }

  @Override
  public String toString() {
    return agentType + steps;
  }
}
