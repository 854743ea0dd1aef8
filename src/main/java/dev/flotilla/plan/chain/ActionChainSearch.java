package dev.flotilla.plan.chain;

import dev.flotilla.plan.model.AgentType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Action chains Pi^act (lines 1-9 of Algorithm 1, seed 003): every sequence of actions that takes
 * an agent model from s_0 back to s_0 and executes the action a subtask asks for. The search
 * follows the automaton's transitions, never revisits a state other than s_0 and stops at the first
 * return to s_0, so chains are simple cycles through s_0; with |E| states it runs in O(|E|^2) per
 * chain found, as stated in Section 4.3.
 */
public final class ActionChainSearch {

  private final AgentType type;

  /**
   * Prepares the search for one agent model.
   *
   * @param type the agent model E_n
   */
  public ActionChainSearch(AgentType type) {
    this.type = type;
  }

  /**
   * Action chains that contain a given action.
   *
   * @param coreAction label of the action the subtask needs
   * @return chains in discovery order (shortest first); empty if the type cannot do it
   */
  public List<List<String>> chainsFor(String coreAction) {
    List<List<String>> out = new ArrayList<>();
    // Breadth-first so that shorter chains come first, as the paper's queue q does.
    record Entry(String state, List<String> actions, Set<String> visited) {}
    List<Entry> queue = new ArrayList<>();
    queue.add(new Entry(type.initialState(), List.of(), Set.of(type.initialState())));
    for (int head = 0; head < queue.size(); head++) {
      Entry e = queue.get(head);
      for (AgentType.Transition t : type.outgoing(e.state())) {
        List<String> actions = new ArrayList<>(e.actions());
        actions.add(t.action());
        if (t.to().equals(type.initialState())) {
          if (actions.contains(coreAction)) {
            out.add(List.copyOf(actions));
          }
        } else if (!e.visited().contains(t.to())) {
          Set<String> visited = new HashSet<>(e.visited());
          visited.add(t.to());
          queue.add(new Entry(t.to(), List.copyOf(actions), visited));
        }
      }
    }
    return out;
  }
}
