package dev.flotilla.ltl.automaton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A complete deterministic automaton over the letters 2^AP of a co-safe formula φ whose accepting
 * states are exactly the good prefixes: a finite word w reaches an accepting state iff every
 * infinite continuation of w satisfies φ. All accepting states are merged into one sink (state
 * label {@code true}) with a self-loop, so read as a Büchi automaton it also accepts exactly the
 * infinite words satisfying φ (this is the NBA of Definition 1 of seed 003, deterministic).
 *
 * <p>Letter {@code m} (a bit mask) sets proposition {@code propositions().get(i)} true iff bit i
 * of m is set. Propositions of a word that are not in {@code propositions()} are ignored.
 */
public final class GoodPrefixAutomaton implements GoodPrefixes {

  private final String formula;
  private final List<String> propositions;
  private final int[][] next;
  private final boolean[] accepting;
  private final List<String> labels;
  private final boolean[] live;

  GoodPrefixAutomaton(
      String formula, List<String> propositions, int[][] next, boolean[] accepting,
      List<String> labels) {
    this.formula = formula;
    this.propositions = List.copyOf(propositions);
    this.next = next;
    this.accepting = accepting;
    this.labels = List.copyOf(labels);
    this.live = computeLive();
  }

  private boolean[] computeLive() {
    int n = next.length;
    List<List<Integer>> reverse = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      reverse.add(new ArrayList<>());
    }
    for (int s = 0; s < n; s++) {
      for (int t : next[s]) {
        reverse.get(t).add(s);
      }
    }
    boolean[] out = new boolean[n];
    Deque<Integer> queue = new ArrayDeque<>();
    for (int s = 0; s < n; s++) {
      if (accepting[s]) {
        out[s] = true;
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      for (int p : reverse.get(queue.poll())) {
        if (!out[p]) {
          out[p] = true;
          queue.add(p);
        }
      }
    }
    return out;
  }

  /**
   * The formula this automaton was built from, in the syntax of the parser.
   *
   * @return the formula text
   */
  public String formula() {
    return formula;
  }

  /**
   * The atomic propositions AP, in bit order.
   *
   * @return proposition names
   */
  @Override
  public List<String> propositions() {
    return propositions;
  }

  /**
   * The number of states.
   *
   * @return |S|
   */
  @Override
  public int stateCount() {
    return next.length;
  }

  /**
   * The initial state, always 0.
   *
   * @return 0
   */
  public int initial() {
    return 0;
  }

  /**
   * Whether a state is accepting (the read prefix is good).
   *
   * @param state a state
   * @return true for the accepting sink
   */
  public boolean isAccepting(int state) {
    return accepting[state];
  }

  /**
   * Whether no continuation from a state can satisfy the formula any more.
   *
   * @param state a state
   * @return true when no accepting state is reachable
   */
  public boolean isDead(int state) {
    return !live[state];
  }

  /**
   * A human-readable description of a state (the progressed formula, in DNF).
   *
   * @param state a state
   * @return the label
   */
  public String stateLabel(int state) {
    return labels.get(state);
  }

  /**
   * The successor on a letter given as a bit mask.
   *
   * @param state a state
   * @param letterMask the letter as a bit mask over {@link #propositions()}
   * @return the successor state
   */
  public int successor(int state, int letterMask) {
    return next[state][letterMask];
  }

  /**
   * The successor on a letter given as a set of true propositions.
   *
   * @param state a state
   * @param letter the true propositions (others are false)
   * @return the successor state
   */
  public int step(int state, Set<String> letter) {
    return next[state][mask(letter)];
  }

  /**
   * The bit mask of a letter.
   *
   * @param letter the true propositions
   * @return the mask over {@link #propositions()}
   */
  public int mask(Set<String> letter) {
    int m = 0;
    for (int i = 0; i < propositions.size(); i++) {
      if (letter.contains(propositions.get(i))) {
        m |= 1 << i;
      }
    }
    return m;
  }

  /**
   * The state reached from the initial state after reading a finite word.
   *
   * @param word letters, each the set of propositions true at that instant
   * @return the state
   */
  public int run(List<? extends Set<String>> word) {
    int s = initial();
    for (Set<String> letter : word) {
      s = step(s, letter);
    }
    return s;
  }

  /**
   * Whether a finite word is a good prefix of the formula.
   *
   * @param word letters, each the set of propositions true at that instant
   * @return true when every infinite continuation satisfies the formula
   */
  @Override
  public boolean accepts(List<? extends Set<String>> word) {
    return isAccepting(run(word));
  }
}
