package dev.flotilla.plan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent model E_n (Definition 5 of seed 003), shared by all agents of one type: an automaton
 * over actions with initial state s_0, action transitions and the type label used in propositions
 * such as {@code Do_f4}.
 *
 * @param name type name, e.g. {@code volunteer}
 * @param label type label of Table A1, e.g. {@code Vo}
 * @param speedMps travel speed in metres per second
 * @param initialState s_0
 * @param transitions action transitions (s, a, s'); the action set A_n is their labels
 * @param startRegions regions where agents of this type start, assigned round-robin
 */
public record AgentType(
    String name,
    String label,
    double speedMps,
    String initialState,
    List<Transition> transitions,
    List<String> startRegions) {

  /**
   * One action transition of the agent automaton.
   *
   * @param from source state
   * @param action action label
   * @param to target state
   */
  public record Transition(String from, String action, String to) {}

  /** Validates the speed and copies the lists. */
  public AgentType {
    Objects.requireNonNull(name, "An agent type needs a name.");
    if (!(speedMps > 0) || !Double.isFinite(speedMps)) {
      throw new IllegalArgumentException(
          "Agent type " + name + " needs a positive speed, got " + speedMps + " m/s.");
    }
    transitions = List.copyOf(transitions);
    startRegions = List.copyOf(startRegions);
    if (startRegions.isEmpty()) {
      throw new IllegalArgumentException("Agent type " + name + " needs a start region.");
    }
  }

  /**
   * The action set A_n of this type.
   *
   * @return action labels, sorted
   */
  public Set<String> actions() {
    Set<String> out = new TreeSet<>();
    transitions.forEach(t -> out.add(t.action()));
    return out;
  }

  /**
   * Whether this type can take part in an action (as master or collaborator).
   *
   * @param action action label
   * @return true if some transition carries it
   */
  public boolean canPerform(String action) {
    return transitions.stream().anyMatch(t -> t.action().equals(action));
  }

  /**
   * Transitions leaving a state.
   *
   * @param state a state of the automaton
   * @return the outgoing transitions, in declaration order
   */
  public List<Transition> outgoing(String state) {
    List<Transition> out = new ArrayList<>();
    for (Transition t : transitions) {
      if (t.from().equals(state)) {
        out.add(t);
      }
    }
    return out;
  }
}
