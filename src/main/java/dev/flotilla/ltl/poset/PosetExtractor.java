package dev.flotilla.ltl.poset;

import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;

/** Extracts R-posets (Definition 2 of seed 003) from the automaton of a co-safe formula. */
public interface PosetExtractor {

  /**
   * Extracts the R-posets.
   *
   * @param automaton the good-prefix automaton of the formula
   * @return alternative R-posets, or the reason why none exists
   */
  PosetExtraction extract(GoodPrefixAutomaton automaton);
}
