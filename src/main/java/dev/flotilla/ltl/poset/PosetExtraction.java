package dev.flotilla.ltl.poset;

import java.util.List;

/** The outcome of {@link PosetExtractor#extract}: alternative R-posets, or why there are none. */
public sealed interface PosetExtraction {

  /**
   * R-posets whose languages are all contained in the formula's good prefixes; a plan may follow
   * any one of them.
   *
   * @param alternatives non-empty, fewest subtasks first, then fewest order pairs
   * @param anchored false: every admitted word is a good prefix with or without idle letters
   *     (instants where none of the formula's propositions hold) anywhere; true: only words that
   *     start at the first execution and have an idle letter between any two execution instants
   *     (formulas that constrain the first instant, or need an instant without p between two p)
   */
  record Posets(List<RPoset> alternatives, boolean anchored) implements PosetExtraction {

    /**
     * R-posets sound with or without idle letters.
     *
     * @param alternatives non-empty
     */
    public Posets(List<RPoset> alternatives) {
      this(alternatives, false);
    }

    /** Copies the list and checks it is not empty. */
    public Posets {
      alternatives = List.copyOf(alternatives);
      if (alternatives.isEmpty()) {
        throw new IllegalArgumentException("Posets needs at least one R-poset.");
      }
    }
  }

  /**
   * No R-poset could be extracted.
   *
   * @param reason a plain sentence, e.g. the formula is unsatisfiable or needs an event at a fixed
   *     instant (X)
   */
  record NoPoset(String reason) implements PosetExtraction {}
}
