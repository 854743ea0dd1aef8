package dev.flotilla.ltl.automaton;

import dev.flotilla.ltl.syntax.Formula;
import dev.flotilla.ltl.syntax.FormulaPrinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    List<String> props = new ArrayList<>(positiveNormalForm.propositions());
    if (props.size() > MAX_PROPOSITIONS) {
      throw new IllegalArgumentException(
          "The formula has " + props.size() + " propositions; at most " + MAX_PROPOSITIONS
              + " are supported.");
    }
    int letters = 1 << props.size();
    List<Set<String>> letterSets = new ArrayList<>();
    for (int m = 0; m < letters; m++) {
      Set<String> letter = new HashSet<>();
      for (int i = 0; i < props.size(); i++) {
        if ((m & (1 << i)) != 0) {
          letter.add(props.get(i));
        }
      }
      letterSets.add(letter);
    }
    List<Set<Set<Formula>>> states = new ArrayList<>();
    Map<Set<Set<Formula>>, Integer> index = new HashMap<>();
    List<int[]> edges = new ArrayList<>();
    Set<Set<Formula>> init = Progression.dnf(positiveNormalForm);
    states.add(init);
    index.put(init, 0);
    for (int s = 0; s < states.size(); s++) {
      int[] row = new int[letters];
      for (int m = 0; m < letters; m++) {
        Set<Set<Formula>> succ = Progression.progress(states.get(s), letterSets.get(m));
        Integer id = index.get(succ);
        if (id == null) {
          id = states.size();
          states.add(succ);
          index.put(succ, id);
        }
        row[m] = id;
      }
      edges.add(row);
    }
    boolean[] good = goodStates(states, edges);
    return collapse(FormulaPrinter.toText(positiveNormalForm), props, states, edges, good);
  }

  /** Greatest set of states from which every infinite path meets a {@code true} state. */
  private static boolean[] goodStates(List<Set<Set<Formula>>> states, List<int[]> edges) {
    int n = states.size();
    boolean[] good = new boolean[n];
    for (int s = 0; s < n; s++) {
      good[s] = states.get(s).contains(Set.of());
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
      String text, List<String> props, List<Set<Set<Formula>>> states, List<int[]> edges,
      boolean[] good) {
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
        labels.add(render(states.get(s)));
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

  private static String render(Set<Set<Formula>> dnf) {
    TreeSet<String> clauses = new TreeSet<>();
    for (Set<Formula> clause : dnf) {
      TreeSet<String> parts = new TreeSet<>();
      for (Formula f : clause) {
        parts.add(FormulaPrinter.toText(f));
      }
      String joined = String.join(" && ", parts);
      clauses.add(dnf.size() > 1 && parts.size() > 1 ? "(" + joined + ")" : joined);
    }
    return String.join(" || ", clauses);
  }
}
