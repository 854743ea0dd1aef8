package dev.flotilla.ltl.poset;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A conjunction of literals over atomic propositions: every proposition in {@code positive} must
 * be true and every proposition in {@code negative} must be false. This is how the conditions
 * σ_ℓ and σ^s_ℓ of Definition 2 of seed 003 are represented.
 *
 * @param positive propositions that must hold, e.g. {@code sw_r1}
 * @param negative propositions that must not hold, e.g. {@code Do_f4}
 */
public record Guard(SortedSet<String> positive, SortedSet<String> negative) {

  /** The guard that every letter satisfies. */
  public static final Guard TRUE = new Guard(new TreeSet<>(), new TreeSet<>());

  /** Copies both sets into immutable sorted sets. */
  public Guard {
    positive = Collections.unmodifiableSortedSet(new TreeSet<>(positive));
    negative = Collections.unmodifiableSortedSet(new TreeSet<>(negative));
  }

  /**
   * Builds a guard from two collections.
   *
   * @param positive propositions that must hold
   * @param negative propositions that must not hold
   * @return the guard
   */
  public static Guard of(Collection<String> positive, Collection<String> negative) {
    return new Guard(new TreeSet<>(positive), new TreeSet<>(negative));
  }

  /**
   * A guard that only requires propositions to hold.
   *
   * @param positive propositions that must hold
   * @return the guard
   */
  public static Guard require(String... positive) {
    return of(Set.of(positive), Set.of());
  }

  /**
   * Whether a letter (the set of propositions that are true at one instant) satisfies the guard.
   *
   * @param letter the true propositions
   * @return true when all positive literals are in the letter and no negative one is
   */
  public boolean satisfiedBy(Set<String> letter) {
    return letter.containsAll(positive) && Collections.disjoint(letter, negative);
  }

  /**
   * The conjunction of this guard and another one.
   *
   * @param other the other guard
   * @return a guard requiring both
   */
  public Guard and(Guard other) {
    TreeSet<String> pos = new TreeSet<>(positive);
    pos.addAll(other.positive);
    TreeSet<String> neg = new TreeSet<>(negative);
    neg.addAll(other.negative);
    return new Guard(pos, neg);
  }

  /**
   * Whether some letter satisfies the guard.
   *
   * @return false when a proposition is required both true and false
   */
  public boolean isSatisfiable() {
    return Collections.disjoint(positive, negative);
  }

  /**
   * Whether this guard is {@link #TRUE}.
   *
   * @return true when it has no literal
   */
  public boolean isTrue() {
    return positive.isEmpty() && negative.isEmpty();
  }

  /** Renders the guard in the LTL syntax of this package, e.g. {@code dc_t4 && !om_t4}. */
  @Override
  public String toString() {
    if (isTrue()) {
      return "true";
    }
    StringBuilder out = new StringBuilder();
    for (String p : positive) {
      out.append(out.length() == 0 ? "" : " && ").append(p);
    }
    for (String p : negative) {
      out.append(out.length() == 0 ? "" : " && ").append('!').append(p);
    }
    return out.toString();
  }
}
