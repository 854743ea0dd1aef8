package dev.flotilla.ltl.syntax;

/** The outcome of {@link CoSafetyCheck#check}: co-safe with its positive normal form, or not. */
public sealed interface CoSafetyVerdict {

  /**
   * The formula is syntactically co-safe.
   *
   * @param positiveNormalForm an equivalent formula with negation only on propositions and only the
   *     temporal operators X, U and F
   */
  record CoSafe(Formula positiveNormalForm) implements CoSafetyVerdict {}

  /**
   * The formula is outside sc-LTL.
   *
   * @param reason a plain sentence naming the operator and its column
   * @param column 1-based column of the offending operator
   */
  record NotCoSafe(String reason, int column) implements CoSafetyVerdict {}
}
