package dev.flotilla.ltl.poset;

import java.util.List;

/** The outcome of {@link PosetExtractor#extract}: alternative R-posets, or why there are none. */
public sealed interface PosetExtraction {

  /**
   * R-posets whose languages are all contained in the formula's good prefixes; a plan may follow
   * any one of them.
   *
   * @param alternatives non-empty, fewest subtasks first, then fewest order pairs
   */
  record Posets(List<RPoset> alternatives) implements PosetExtraction {

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
