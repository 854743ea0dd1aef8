package dev.flotilla.ltl;

import dev.flotilla.ltl.automaton.GoodPrefixes;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.ltl.syntax.Formula;
import java.util.List;

/** The outcome of {@link LtlCompiler#compile}: a task ready for planning, or a rejection. */
public sealed interface LtlCompilation {

  /** Why a formula was rejected. */
  enum Problem {
    /** The text does not parse. */
    SYNTAX,
    /** The formula is outside sc-LTL. */
    NOT_CO_SAFE,
    /** The formula has too many propositions for the automaton. */
    TOO_LARGE,
    /** No finite word satisfies the formula. */
    UNSATISFIABLE,
    /** The formula is satisfiable but has no R-poset (it fixes instants, e.g. with X). */
    NO_POSET,
    /** Compiling the formula would exceed the budget of states or time ({@link CompileLimits}). */
    OVER_BUDGET
  }

  /**
   * A compiled task.
   *
   * @param text the formula as given
   * @param formula the syntax tree
   * @param positiveNormalForm the equivalent co-safe formula the automaton was built from
   * @param automaton the good prefixes (replay a plan's word through it): one automaton, or one
   *     per group of a split conjunction
   * @param posets alternative R-posets, fewest subtasks first, at least one
   * @param anchored whether the R-posets hold only for anchored words (see {@link
   *     dev.flotilla.ltl.poset.PosetExtraction.Posets#anchored()})
   */
  record Compiled(
      String text, Formula formula, Formula positiveNormalForm, GoodPrefixes automaton,
      List<RPoset> posets, boolean anchored) implements LtlCompilation {

    /** Copies the list. */
    public Compiled {
      posets = List.copyOf(posets);
    }
  }

  /**
   * A rejected formula.
   *
   * @param text the formula as given
   * @param problem the kind of problem
   * @param reason a plain sentence; for syntax and co-safety problems it names the column
   */
  record Rejected(String text, Problem problem, String reason) implements LtlCompilation {}
}
