package dev.flotilla.ltl.poset;

import dev.flotilla.ltl.automaton.Budget;
import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The events of a good-prefix automaton that both R-poset extractors build subtasks from
 * (Definition 2 of seed 003): from a state q where the empty letter loops, an event is a minimal
 * letter m that leaves q for a live state where again the empty letter loops (or for acceptance);
 * minimal means m is not two events in one (see {@link #minimalLetters(GoodPrefixAutomaton, int,
 * boolean, Budget)}). O(3^P) per state for P propositions.
 */
final class AutomatonEvents {
  private AutomatonEvents() {}

  /** Whether nothing happening (the empty letter) keeps the automaton in {@code state}. */
  static boolean stable(GoodPrefixAutomaton dfa, int state) {
    return dfa.successor(state, 0) == state;
  }

  /** The event letters leaving {@code q}, as proposition masks in increasing order. */
  static List<Integer> minimalLetters(GoodPrefixAutomaton dfa, int q) {
    return minimalLetters(dfa, q, false, Budget.unlimited());
  }

  /**
   * The event letters leaving {@code q}: letters m whose target ({@link #target}) is a live state
   * other than q where nothing happening loops (or acceptance), and that are neither an event
   * with extra propositions nor two events in one: no proper non-empty part s of m leads to the
   * same target alone, or as s then m∖s. (The earlier
   * rule, every proper part loops at q, lost events whose parts move elsewhere: in {@code (<> (a
   * && b)) || (!a U c)} the letter {a, b} is one event although {a} alone leaves q.)
   *
   * @param anchored targets are read after the idle letters that follow every instant
   * @param budget time allowed (read every 256 letters)
   * @return masks in increasing order
   */
  static List<Integer> minimalLetters(
      GoodPrefixAutomaton dfa, int q, boolean anchored, Budget budget) {
    List<Integer> out = new ArrayList<>();
    int bits = dfa.propositions().size();
    for (int m = 1; m < 1 << bits; m++) {
      if ((m & 255) == 0) {
        budget.checkTime("extracting its R-posets");
      }
      int to = target(dfa, q, m, anchored);
      if (to < 0 || to == q || dfa.isDead(to) || !(dfa.isAccepting(to) || stable(dfa, to))) {
        continue;
      }
      boolean minimal = true;
      for (int sub = (m - 1) & m; sub > 0 && minimal; sub = (sub - 1) & m) {
        int mid = target(dfa, q, sub, anchored);
        minimal = mid != to && (mid < 0 || target(dfa, mid, m & ~sub, anchored) != to);
      }
      if (minimal) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The state after letter m at q; when {@code anchored}, followed by idle letters until the
   * empty letter loops.
   *
   * @return the state, or -1 when the idle letters never settle
   */
  static int target(GoodPrefixAutomaton dfa, int q, int m, boolean anchored) {
    int to = dfa.successor(q, m);
    return anchored ? settle(dfa, to) : to;
  }

  /** Follows the empty letter from q until it loops; -1 when it cycles through several states. */
  static int settle(GoodPrefixAutomaton dfa, int q) {
    int s = q;
    for (int i = 0; i <= dfa.stateCount(); i++) {
      int next = dfa.successor(s, 0);
      if (next == s) {
        return s;
      }
      s = next;
    }
    return -1;
  }

  /** The propositions whose bits are set in {@code mask}, sorted. */
  static TreeSet<String> propositions(GoodPrefixAutomaton dfa, int mask) {
    TreeSet<String> out = new TreeSet<>();
    for (int i = 0; i < dfa.propositions().size(); i++) {
      if ((mask & (1 << i)) != 0) {
        out.add(dfa.propositions().get(i));
      }
    }
    return out;
  }
}
