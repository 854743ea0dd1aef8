package dev.flotilla.ltl.poset;

import dev.flotilla.ltl.automaton.Budget;
import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The frame both R-poset extractors share (Definition 2 of seed 003): formulas that are already
 * satisfied, unsatisfiable or that constrain the first instant are answered here; a subclass
 * turns runs of events ({@link AutomatonEvents}) into R-posets; the R-posets found are ranked
 * (fewest subtasks, then order pairs, then conflict sets) and the best are returned.
 */
abstract class EventRunPosetExtractor implements PosetExtractor {
  private static final Comparator<RPoset> RANK =
      Comparator.comparingInt(RPoset::size)
          .thenComparingInt((RPoset p) -> p.order().size())
          .thenComparingInt(p -> p.conflicts().size())
          .thenComparing(RPoset::toString);

  /** How many R-posets to return at most. */
  final int maxAlternatives;

  EventRunPosetExtractor(int maxAlternatives) {
    if (maxAlternatives < 1) {
      throw new IllegalArgumentException("maxAlternatives must be >= 1, got " + maxAlternatives);
    }
    this.maxAlternatives = maxAlternatives;
  }

  /**
   * The R-posets of the runs of events from the (stable, live, non-accepting) initial state to
   * acceptance.
   *
   * @param anchored whether to build R-posets for anchored words ({@link
   *     PosetExtraction.Posets#anchored()}); an extractor that cannot returns nothing
   * @param budget time allowed
   * @return the R-posets, empty when no run of events reaches acceptance
   */
  abstract Set<RPoset> posetsOfEventRuns(GoodPrefixAutomaton dfa, boolean anchored, Budget budget);

  @Override
  public final PosetExtraction extract(GoodPrefixAutomaton dfa) {
    return extract(dfa, Budget.unlimited());
  }

  /**
   * {@inheritDoc}
   *
   * <p>R-posets sound with or without idle letters are preferred; only when there is none (the
   * formula constrains the first instant, as {@code (a U b) && <> c}, or needs an instant without
   * p between two p, as {@code <> (a && <> (!a && <> a))}) are anchored ones built.
   */
  @Override
  public final PosetExtraction extract(GoodPrefixAutomaton dfa, Budget budget) {
    if (dfa.isAccepting(dfa.initial())) {
      return new PosetExtraction.Posets(List.of(new RPoset(List.of(), Set.of(), Set.of())));
    }
    if (dfa.isDead(dfa.initial())) {
      return new PosetExtraction.NoPoset(
          "The formula is unsatisfiable: no finite word is a good prefix of it.");
    }
    boolean stable = AutomatonEvents.stable(dfa, dfa.initial());
    Set<RPoset> found = stable ? posetsOfEventRuns(dfa, false, budget) : Set.of();
    boolean anchored = false;
    if (found.isEmpty()) {
      found = posetsOfEventRuns(dfa, true, budget);
      anchored = true;
    }
    if (found.isEmpty() && !stable) {
      return new PosetExtraction.NoPoset(
          "The formula requires something at the first instant (a proposition outside F/U, or X)"
              + " that no run of events from the first execution provides.");
    }
    if (found.isEmpty()) {
      return new PosetExtraction.NoPoset(
          "Every accepting run needs an event at the instant right after another one (as X does,"
              + " or a U b once a holds without b); R-posets cannot express that.");
    }
    List<RPoset> sorted = new ArrayList<>(found);
    sorted.sort(RANK);
    return new PosetExtraction.Posets(
        sorted.subList(0, Math.min(maxAlternatives, sorted.size())), anchored);
  }
}
