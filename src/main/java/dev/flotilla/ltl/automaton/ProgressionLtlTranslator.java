package dev.flotilla.ltl.automaton;

import dev.flotilla.ltl.syntax.Formula;
import dev.flotilla.ltl.syntax.FormulaPrinter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Progression-based translation of sc-LTL into the deterministic good-prefix automaton (the
 * automaton B_φ of Definition 1 of seed 003, here deterministic): states are progressed formulas
 * in DNF ({@link Progression}), explored breadth-first over all 2^|AP| letters.
 *
 * <p>A state is then marked good when no infinite path from it avoids the states containing the
 * empty clause ({@code true}): this makes acceptance exact for good prefixes, including those that
 * progression alone does not simplify to {@code true} (e.g. after {@code X (a || !a)}). Good states
 * are merged into one accepting sink and states that cannot reach it into one rejecting sink.
 *
 * <p>Time: O(|S| · 2^|AP| · c) where c is the cost of progressing a DNF, |S| at most doubly
 * exponential in |φ| (in practice small for task formulas). At most {@value #MAX_PROPOSITIONS}
 * propositions are accepted.
 */
public final class ProgressionLtlTranslator implements LtlTranslator {

  /** The largest alphabet handled: 2^16 letters per state. */
  public static final int MAX_PROPOSITIONS = 16;

  @Override
  public GoodPrefixAutomaton translate(Formula positiveNormalForm) {
    return translate(positiveNormalForm, Budget.unlimited());
  }

  /**
   * {@inheritDoc} The states are counted as they are found and the clock is read every 1024
   * progressions, so an over-budget formula stops within about a millisecond of its deadline.
   */
  @Override
  public GoodPrefixAutomaton translate(Formula positiveNormalForm, Budget budget) {
    List<String> props = new ArrayList<>(positiveNormalForm.propositions());
    if (props.size() > MAX_PROPOSITIONS) {
      throw new IllegalArgumentException(
          "The formula has " + props.size() + " propositions; at most " + MAX_PROPOSITIONS
              + " are supported.");
    }
    int letters = 1 << props.size();
    Progression progression = new Progression(props);
    List<long[]> states = new ArrayList<>();
    Map<State, Integer> index = new HashMap<>();
    List<int[]> edges = new ArrayList<>();
    long[] init = progression.dnf(positiveNormalForm);
    states.add(init);
    index.put(new State(init), 0);
    for (int s = 0; s < states.size(); s++) {
      int[] row = new int[letters];
      for (int m = 0; m < letters; m++) {
        if ((m & 1023) == 1023) {
          budget.checkTime("building its automaton (" + states.size() + " states so far)");
        }
        long[] succ = progression.progress(states.get(s), m);
        Integer id = index.get(new State(succ));
        if (id == null) {
          id = states.size();
          states.add(succ);
          index.put(new State(succ), id);
          budget.checkStates(states.size(), letters);
        }
        row[m] = id;
      }
      edges.add(row);
      budget.checkTime("building its automaton (" + states.size() + " states so far)");
    }
    boolean[] good = goodStates(states, edges);
    return collapse(
        FormulaPrinter.toText(positiveNormalForm), props, progression, states, edges, good);
  }

  /** A DNF state as a hash key (sorted clause masks). */
  private record State(long[] clauses) {
    @Override
    public boolean equals(Object o) {
      return o instanceof State other && Arrays.equals(clauses, other.clauses);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(clauses);
    }

    @Override
    public String toString() {
      return Arrays.toString(clauses);
    }
  }

  /** Greatest set of states from which every infinite path meets a {@code true} state. */
  private static boolean[] goodStates(List<long[]> states, List<int[]> edges) {
    int n = states.size();
    boolean[] good = new boolean[n];
    for (int s = 0; s < n; s++) {
      good[s] = states.get(s).length > 0 && states.get(s)[0] == 0L;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int s = 0; s < n; s++) {
        if (!good[s]) {
          boolean all = true;
          for (int t : edges.get(s)) {
            all &= good[t];
          }
          if (all) {
            good[s] = true;
            changed = true;
          }
        }
      }
    }
    return good;
  }

  private static GoodPrefixAutomaton collapse(
      String text, List<String> props, Progression progression, List<long[]> states,
      List<int[]> edges, boolean[] good) {
    int n = states.size();
    boolean[] live = new boolean[n];
    System.arraycopy(good, 0, live, 0, n);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int s = 0; s < n; s++) {
        if (!live[s]) {
          for (int t : edges.get(s)) {
            if (live[t]) {
              live[s] = true;
              changed = true;
              break;
            }
          }
        }
      }
    }
    int[] remap = new int[n];
    List<String> labels = new ArrayList<>();
    List<Boolean> acc = new ArrayList<>();
    int sink = -1;
    int dead = -1;
    for (int s = 0; s < n; s++) {
      if (good[s]) {
        if (sink < 0) {
          sink = labels.size();
          labels.add("true");
          acc.add(true);
        }
        remap[s] = sink;
      } else if (!live[s]) {
        if (dead < 0) {
          dead = labels.size();
          labels.add("false");
          acc.add(false);
        }
        remap[s] = dead;
      } else {
        remap[s] = labels.size();
        labels.add(render(progression, states.get(s)));
        acc.add(false);
      }
    }
    int m = labels.size();
    int[][] next = new int[m][];
    for (int s = 0; s < n; s++) {
      int[] row = new int[edges.get(s).length];
      for (int l = 0; l < row.length; l++) {
        row[l] = remap[edges.get(s)[l]];
      }
      next[remap[s]] = row;
    }
    boolean[] accepting = new boolean[m];
    for (int s = 0; s < m; s++) {
      accepting[s] = acc.get(s);
    }
    return new GoodPrefixAutomaton(text, props, next, accepting, labels);
  }

  private static String render(Progression progression, long[] dnf) {
    TreeSet<String> clauses = new TreeSet<>();
    for (long clause : dnf) {
      TreeSet<String> parts = new TreeSet<>();
      for (long rest = clause; rest != 0; rest &= rest - 1) {
        parts.add(FormulaPrinter.toText(progression.obligation(Long.numberOfTrailingZeros(rest))));
      }
      String joined = String.join(" && ", parts);
      clauses.add(dnf.length > 1 && parts.size() > 1 ? "(" + joined + ")" : joined);
    }
    return String.join(" || ", clauses);
  }
}
