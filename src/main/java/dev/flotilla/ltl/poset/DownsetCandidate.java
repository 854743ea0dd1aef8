package dev.flotilla.ltl.poset;

import static dev.flotilla.ltl.poset.AutomatonEvents.propositions;

import dev.flotilla.ltl.automaton.Budget;
import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analysis of one candidate Ω of {@link DownsetPosetExtractor} with its witness run: relaxes
 * the witness order ≼, finds the conflict sets ≠ and the guards σ_ℓ, σ^s_ℓ by dynamic programming
 * over configurations (downset D of executed subtasks, automaton state). Bitmask loops over the
 * at most {@value DownsetPosetExtractor#MAX_ORDER_SUBTASKS} subtasks, memoised per configuration.
 */
final class DownsetCandidate {
  private final GoodPrefixAutomaton dfa;
  private final boolean anchored;
  private final Budget budget;
  private final int n;
  private final int full;
  private final int[] mask;
  private final int[] preds;
  private Set<Integer> conflicts = new HashSet<>();
  private final Map<Long, Boolean> linearMemo = new HashMap<>();
  private final Map<Long, Boolean> blockMemo = new HashMap<>();

  /**
   * @param dfa the good-prefix automaton
   * @param witness the letters (proposition masks) of the witness run, in its order
   * @param anchored no idle letter before the first instant and at least one between instants
   *     ({@link PosetExtraction.Posets#anchored()}); otherwise any number anywhere
   * @param budget time and memoised configurations allowed
   */
  DownsetCandidate(GoodPrefixAutomaton dfa, int[] witness, boolean anchored, Budget budget) {
    this.dfa = dfa;
    this.anchored = anchored;
    this.budget = budget;
    this.n = witness.length;
    this.full = (1 << n) - 1;
    this.mask = new int[n];
    this.preds = new int[n];
    for (int i = 0; i < n; i++) {
      mask[i] = witness[i];
      preds[i] = (1 << i) - 1;
    }
  }

  /** The R-poset, or null when even the witness order fails (possible for anchored words). */
  RPoset poset() {
    if (!linearGood(0, dfa.initial())) {
      return null;
    }
    linearMemo.clear();
    if (n <= DownsetPosetExtractor.MAX_ORDER_SUBTASKS) {
      relaxOrder();
    }
    if (n <= DownsetPosetExtractor.MAX_BLOCK_SUBTASKS) {
      findConflicts();
    } else {
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          conflicts.add((1 << a) | (1 << b));
        }
      }
    }
    List<Subtask> subtasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      subtasks.add(new Subtask(i, enabling(i), selfLoop(i)));
    }
    Set<Precedence> order = new HashSet<>();
    for (int b = 0; b < n; b++) {
      for (int a = 0; a < n; a++) {
        if ((preds[b] & (1 << a)) != 0) {
          order.add(new Precedence(a, b));
        }
      }
    }
    Set<Set<Integer>> conflictSets = new HashSet<>();
    for (int c : conflicts) {
      boolean implied = false;
      for (int d : conflicts) {
        implied |= d != c && (c & d) == d;
      }
      if (!implied) {
        // A superset of a conflict set cannot run all at once anyway.
        conflictSets.add(members(c));
      }
    }
    return new RPoset(subtasks, order, conflictSets);
  }

  /**
   * Drops witness-order pairs while all linear extensions pass. Only a covering pair can be
   * dropped from a transitively closed order, so passes repeat until nothing changes; a pair
   * that failed once fails for every smaller order too and is not tried again.
   */
  private void relaxOrder() {
    boolean[][] failed = new boolean[n][n];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int gap = 1; gap < n; gap++) {
        for (int a = 0; a + gap < n; a++) {
          int b = a + gap;
          if ((preds[b] & (1 << a)) == 0 || failed[a][b] || implied(a, b)) {
            continue;
          }
          preds[b] &= ~(1 << a);
          linearMemo.clear();
          if (linearGood(0, dfa.initial())) {
            changed = true;
          } else {
            preds[b] |= 1 << a;
            failed[a][b] = true;
          }
        }
      }
    }
    linearMemo.clear();
  }

  /** Whether a ≼ c ≼ b for some c, so (a, b) cannot be dropped alone. */
  private boolean implied(int a, int b) {
    for (int c = 0; c < n; c++) {
      if (c != a && c != b && (preds[c] & (1 << a)) != 0 && (preds[b] & (1 << c)) != 0) {
        return true;
      }
    }
    return false;
  }

  /** All completions from (done, q) one subtask at a time, any idle letters, are accepted. */
  private boolean linearGood(int done, int q) {
    if (done == full) {
      return dfa.isAccepting(q);
    }
    long key = ((long) done << 32) | q;
    Boolean cached = linearMemo.get(key);
    if (cached != null) {
      return cached;
    }
    boolean good = true;
    for (int s = 0; s < n && good; s++) {
      if ((done & (1 << s)) == 0 && (preds[s] & ~done) == 0) {
        for (int next : successors(done, q, mask[s])) {
          good &= linearGood(done | (1 << s), next);
        }
      }
    }
    linearMemo.put(key, good);
    budget.checkConfigurations(linearMemo.size());
    return good;
  }

  /**
   * States after idle letters then the letter: zero or more idle letters, or when anchored none
   * before the first instant ({@code done == 0}) and at least one between instants.
   */
  private Set<Integer> successors(int done, int q, int letter) {
    Set<Integer> out = new HashSet<>();
    if (anchored && done == 0) {
      out.add(dfa.successor(q, letter));
      return out;
    }
    Set<Integer> idle = new HashSet<>();
    int s = anchored ? dfa.successor(q, 0) : q;
    while (idle.add(s)) {
      out.add(dfa.successor(s, letter));
      s = dfa.successor(s, 0);
    }
    return out;
  }

  /** Adds conflict sets until every admitted block execution is accepted. */
  private void findConflicts() {
    while (true) {
      blockMemo.clear();
      if (blockGood(0, dfa.initial())) {
        return;
      }
      int culprit = blame(0, dfa.initial());
      conflicts.add(culprit);
    }
  }

  private boolean admitted(int done, int block) {
    for (int s = 0; s < n; s++) {
      if ((block & (1 << s)) != 0 && (preds[s] & ~(done | block)) != 0) {
        return false;
      }
    }
    for (int c : conflicts) {
      if ((block & c) == c) {
        return false;
      }
    }
    return true;
  }

  private int letter(int block) {
    int m = 0;
    for (int s = 0; s < n; s++) {
      if ((block & (1 << s)) != 0) {
        m |= mask[s];
      }
    }
    return m;
  }

  private boolean blockGood(int done, int q) {
    if (done == full) {
      return dfa.isAccepting(q);
    }
    long key = ((long) done << 32) | q;
    Boolean cached = blockMemo.get(key);
    if (cached != null) {
      return cached;
    }
    boolean good = true;
    int rest = full & ~done;
    for (int block = rest; block > 0 && good; block = (block - 1) & rest) {
      if (admitted(done, block)) {
        for (int next : successors(done, q, letter(block))) {
          good &= blockGood(done | block, next);
        }
      }
    }
    blockMemo.put(key, good);
    budget.checkConfigurations(blockMemo.size());
    return good;
  }

  /**
   * From a failing configuration that passes one subtask at a time, follows failing steps to a
   * block after which even one-at-a-time execution fails; that block is returned.
   */
  private int blame(int done, int q) {
    int rest = full & ~done;
    List<Integer> blocks = new ArrayList<>();
    for (int block = rest; block > 0; block = (block - 1) & rest) {
      if (admitted(done, block)) {
        blocks.add(block);
      }
    }
    // Smallest blocks first, so the conflict found is as small as possible.
    blocks.sort(Comparator.comparingInt(Integer::bitCount));
    for (int block : blocks) {
      for (int next : successors(done, q, letter(block))) {
        if (blockGood(done | block, next)) {
          continue;
        }
        if (Integer.bitCount(block) > 1 && !linearGood(done | block, next)) {
          return block;
        }
        return blame(done | block, next);
      }
    }
    throw new IllegalStateException("A failing configuration has no failing step.");
  }

  private Guard enabling(int s) {
    TreeSet<String> neg = new TreeSet<>();
    int bits = dfa.propositions().size();
    for (long key : reachable()) {
      int done = (int) (key >>> 32);
      int q = (int) key;
      if ((done & (1 << s)) != 0 || (preds[s] & ~done) != 0) {
        continue;
      }
      for (int p = 0; p < bits; p++) {
        if ((mask[s] & (1 << p)) == 0 && !neg.contains(dfa.propositions().get(p))) {
          for (int next : successors(done, q, mask[s] | (1 << p))) {
            if (!linearGood(done | (1 << s), next)) {
              neg.add(dfa.propositions().get(p));
            }
          }
        }
      }
    }
    return new Guard(propositions(dfa, mask[s]), neg);
  }

  private Guard selfLoop(int s) {
    TreeSet<String> neg = new TreeSet<>();
    int bits = dfa.propositions().size();
    for (long key : reachable()) {
      int done = (int) (key >>> 32);
      int q = (int) key;
      if ((done & (1 << s)) != 0) {
        continue;
      }
      for (int p = 0; p < bits; p++) {
        if (!neg.contains(dfa.propositions().get(p))
            && !linearGood(done, dfa.successor(q, 1 << p))) {
          neg.add(dfa.propositions().get(p));
        }
      }
    }
    return Guard.of(Set.of(), neg);
  }

  private Set<Long> reachableCache;

  /** Configurations reachable one subtask at a time (with idle letters) under ≼. */
  private Set<Long> reachable() {
    if (reachableCache != null) {
      return reachableCache;
    }
    Set<Long> seen = new HashSet<>();
    List<Long> stack = new ArrayList<>();
    if (anchored) {
      stack.add((long) dfa.initial());
    } else {
      for (int start : successors(0, dfa.initial(), 0)) {
        stack.add((long) start);
      }
    }
    while (!stack.isEmpty()) {
      long key = stack.remove(stack.size() - 1);
      if (!seen.add(key)) {
        continue;
      }
      budget.checkConfigurations(seen.size());
      int done = (int) (key >>> 32);
      int q = (int) key;
      for (int s = 0; s < n; s++) {
        if ((done & (1 << s)) == 0 && (preds[s] & ~done) == 0) {
          for (int next : successors(done, q, mask[s])) {
            stack.add(((long) (done | (1 << s)) << 32) | next);
          }
        }
      }
    }
    reachableCache = seen;
    return seen;
  }

  private static Set<Integer> members(int set) {
    Set<Integer> out = new TreeSet<>();
    for (int rest = set; rest != 0; rest &= rest - 1) {
      out.add(Integer.numberOfTrailingZeros(rest));
    }
    return out;
  }
}
