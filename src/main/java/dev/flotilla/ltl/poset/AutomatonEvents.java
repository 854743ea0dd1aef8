package dev.flotilla.ltl.poset;

import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The events of a good-prefix automaton that both R-poset extractors build subtasks from
 * (Definition 2 of seed 003): from a state q where the empty letter loops, an event is a minimal
 * letter m that leaves q for a live state where again the empty letter loops (or for acceptance);
 * minimal means every proper non-empty subset of m loops at q. O(2^P · 2^|m|) per state for P
 * propositions.
 */
final class AutomatonEvents {
  private AutomatonEvents() {}

  /** Whether nothing happening (the empty letter) keeps the automaton in {@code state}. */
  static boolean stable(GoodPrefixAutomaton dfa, int state) {
    return dfa.successor(state, 0) == state;
  }

  /** The event letters leaving {@code q}, as proposition masks in increasing order. */
  static List<Integer> minimalLetters(GoodPrefixAutomaton dfa, int q) {
    List<Integer> out = new ArrayList<>();
    int bits = dfa.propositions().size();
    for (int m = 1; m < 1 << bits; m++) {
      int to = dfa.successor(q, m);
      if (to == q || dfa.isDead(to) || !(dfa.isAccepting(to) || stable(dfa, to))) {
        continue;
      }
      boolean minimal = true;
      for (int sub = (m - 1) & m; sub > 0 && minimal; sub = (sub - 1) & m) {
        minimal = dfa.successor(q, sub) == q;
      }
      if (minimal) {
        out.add(m);
      }
    }
    return out;
  }

  /** The propositions whose bits are set in {@code mask}, sorted. */
  static TreeSet<String> propositions(GoodPrefixAutomaton dfa, int mask) {
    TreeSet<String> out = new TreeSet<>();
    for (int i = 0; i < dfa.propositions().size(); i++) {
      if ((mask & (1 << i)) != 0) {
        out.add(dfa.propositions().get(i));
      }
    }
    return out;
  }
}
