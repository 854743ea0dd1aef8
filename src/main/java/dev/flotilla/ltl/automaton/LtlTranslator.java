package dev.flotilla.ltl.automaton;

import dev.flotilla.ltl.syntax.Formula;

/** Translates a co-safe LTL formula into an automaton of its good prefixes. */
public interface LtlTranslator {

  /**
   * Builds the automaton.
   *
   * @param positiveNormalForm a co-safe formula in positive normal form, as returned by
   *     {@link dev.flotilla.ltl.syntax.CoSafetyCheck#check}
   * @return the good-prefix automaton
   * @throws IllegalArgumentException when the formula is not co-safe positive normal form or has
   *     too many propositions
   */
  GoodPrefixAutomaton translate(Formula positiveNormalForm);

  /**
   * Builds the automaton within a budget. The default ignores the budget.
   *
   * @param positiveNormalForm a co-safe formula in positive normal form
   * @param budget states and time allowed
   * @return the good-prefix automaton
   * @throws BudgetExceededException over budget
   */
  default GoodPrefixAutomaton translate(Formula positiveNormalForm, Budget budget) {
    return translate(positiveNormalForm);
  }
}
