package dev.flotilla.ltl.automaton;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The good prefixes of φ_1 ∧ … ∧ φ_k kept as the automata of the φ_i, never multiplied out: a
 * finite word is a good prefix of the conjunction iff every infinite continuation satisfies every
 * φ_i iff it is a good prefix of every φ_i. So acceptance is exact with Σ|S_i| states instead of
 * Π|S_i| (2^16 for 16 eventualities) and 2^|AP_i| letters per part instead of 2^|AP|.
 */
public final class ConjunctionAutomaton implements GoodPrefixes {
  private final List<GoodPrefixAutomaton> parts;
  private final List<String> propositions;

  /**
   * @param parts the automata of the conjuncts, at least one
   */
  public ConjunctionAutomaton(List<GoodPrefixAutomaton> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("A conjunction needs at least one automaton.");
    }
    this.parts = List.copyOf(parts);
    List<String> props = new ArrayList<>();
    for (GoodPrefixAutomaton a : parts) {
      props.addAll(a.propositions());
    }
    this.propositions = List.copyOf(props);
  }

  /**
   * The automata of the conjuncts.
   *
   * @return the parts
   */
  public List<GoodPrefixAutomaton> parts() {
    return parts;
  }

  @Override
  public List<String> propositions() {
    return propositions;
  }

  @Override
  public int stateCount() {
    int n = 0;
    for (GoodPrefixAutomaton a : parts) {
      n += a.stateCount();
    }
    return n;
  }

  @Override
  public boolean accepts(List<? extends Set<String>> word) {
    for (GoodPrefixAutomaton a : parts) {
      if (!a.accepts(word)) {
        return false;
      }
    }
    return true;
  }
}
