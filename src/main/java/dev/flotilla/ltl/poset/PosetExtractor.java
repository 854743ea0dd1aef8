package dev.flotilla.ltl.poset;

import dev.flotilla.ltl.automaton.Budget;
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

  /**
   * Extracts the R-posets within a time budget. The default ignores the budget.
   *
   * @param automaton the good-prefix automaton of the formula
   * @param budget time allowed
   * @return alternative R-posets, or the reason why none exists
   * @throws dev.flotilla.ltl.automaton.BudgetExceededException over budget
   */
  default PosetExtraction extract(GoodPrefixAutomaton automaton, Budget budget) {
    return extract(automaton);
  }
}
