package dev.flotilla.ltl.automaton;

import java.util.List;
import java.util.Set;

/**
 * Something that decides whether a finite word is a good prefix of a formula: one {@link
 * GoodPrefixAutomaton}, or a {@link ConjunctionAutomaton} of several (a conjunction compiled
 * conjunct by conjunct). This is what a plan's word is replayed through.
 */
public interface GoodPrefixes {

  /**
   * The atomic propositions read; others in a word are ignored.
   *
   * @return proposition names
   */
  List<String> propositions();

  /**
   * The number of automaton states held (summed over the parts).
   *
   * @return states
   */
  int stateCount();

  /**
   * Whether a finite word is a good prefix of the formula.
   *
   * @param word letters, each the set of propositions true at that instant
   * @return true when every infinite continuation satisfies the formula
   */
  boolean accepts(List<? extends Set<String>> word);
}
