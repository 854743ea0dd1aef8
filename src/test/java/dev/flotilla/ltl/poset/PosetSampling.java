package dev.flotilla.ltl.poset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Random assignments of instants admitted by an R-poset, for soundness checks. */
public final class PosetSampling {

  private PosetSampling() {}

  /**
   * A random admitted assignment: a random topological order of ≼, with each subtask sharing the
   * previous instant with probability 1/3; retried until the conflicts are respected.
   */
  public static double[] admitted(RPoset p, Random random) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      List<Integer> order = new ArrayList<>();
      boolean[] placed = new boolean[p.size()];
      while (order.size() < p.size()) {
        List<Integer> ready = new ArrayList<>();
        for (int s = 0; s < p.size(); s++) {
          if (!placed[s] && p.predecessors(s).stream().allMatch(x -> placed[x])) {
            ready.add(s);
          }
        }
        int pick = ready.get(random.nextInt(ready.size()));
        placed[pick] = true;
        order.add(pick);
      }
      double[] t = new double[p.size()];
      double now = 0;
      for (int k = 0; k < order.size(); k++) {
        if (k > 0 && random.nextInt(3) != 0) {
          now += 1 + random.nextInt(3);
        }
        t[order.get(k)] = now;
      }
      if (p.admits(t)) {
        return t;
      }
    }
    throw new AssertionError("no admitted assignment found for " + p);
  }

  /** The word of an assignment with idle (empty) letters at the unused integer instants. */
  public static List<Set<String>> sparseWord(RPoset p, double[] t) {
    double max = 0;
    for (double x : t) {
      max = Math.max(max, x);
    }
    List<Set<String>> word = new ArrayList<>();
    for (int k = 0; k <= (int) max; k++) {
      Set<String> letter = new TreeSet<>();
      for (int s = 0; s < p.size(); s++) {
        if (t[s] == k) {
          letter.addAll(p.subtask(s).propositions());
        }
      }
      word.add(letter);
    }
    return word;
  }

  /**
   * The anchored word of an assignment ({@link PosetExtraction.Posets#anchored()}): the letters of
   * the distinct instants with one idle letter between consecutive ones and none before the first.
   */
  public static List<Set<String>> anchoredWord(RPoset p, double[] t) {
    List<Set<String>> word = new ArrayList<>();
    for (Set<String> letter : p.word(t)) {
      if (!word.isEmpty()) {
        word.add(Set.of());
      }
      word.add(letter);
    }
    return word;
  }
}
