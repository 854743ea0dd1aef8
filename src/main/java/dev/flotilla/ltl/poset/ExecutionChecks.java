package dev.flotilla.ltl.poset;

import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verification step of {@link PathGroupingPosetExtractor} (soundness of Definition 2 of seed
 * 003): runs every execution an R-poset admits through the automaton, by enumerating the ordered
 * set partitions of its subtasks compatible with ≼ (singletons only for linear extensions). Costs
 * O(L!) automaton runs for the linear extensions and O(Fubini(L)) for the simultaneous
 * executions of L subtasks.
 */
final class ExecutionChecks {
  private ExecutionChecks() {}

  /** Whether every linear extension of ≼ is a good prefix, with and without idle letters. */
  static boolean allLinearExtensionsAccepted(GoodPrefixAutomaton dfa, RPoset p) {
    List<List<Set<Integer>>> orders = new ArrayList<>();
    orderedPartitions(predecessorMasks(p), (1 << p.size()) - 1, new ArrayList<>(), orders, true);
    for (List<Set<Integer>> blocks : orders) {
      if (!accepted(dfa, p, blocks)) {
        return false;
      }
    }
    return true;
  }

  /** Adds conflict sets until every admitted simultaneous execution is accepted. */
  static RPoset withConflicts(GoodPrefixAutomaton dfa, RPoset p) {
    List<List<Set<Integer>>> orders = new ArrayList<>();
    orderedPartitions(predecessorMasks(p), (1 << p.size()) - 1, new ArrayList<>(), orders, false);
    orders.sort(Comparator.comparingInt(blocks -> -blocks.size()));
    Set<Set<Integer>> conflicts = new HashSet<>();
    for (List<Set<Integer>> blocks : orders) {
      if (blocks.size() == p.size() || violates(blocks, conflicts)) {
        continue;
      }
      if (!accepted(dfa, p, blocks)) {
        for (Set<Integer> block : blocks) {
          if (block.size() > 1) {
            conflicts.add(Set.copyOf(block));
            break;
          }
        }
      }
    }
    return new RPoset(p.subtasks(), p.order(), conflicts);
  }

  private static boolean violates(List<Set<Integer>> blocks, Set<Set<Integer>> conflicts) {
    for (Set<Integer> block : blocks) {
      for (Set<Integer> c : conflicts) {
        if (block.containsAll(c)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the word of the blocks is a good prefix, with and without idle letters. */
  private static boolean accepted(GoodPrefixAutomaton dfa, RPoset p, List<Set<Integer>> blocks) {
    List<Set<String>> dense = new ArrayList<>();
    List<Set<String>> sparse = new ArrayList<>();
    for (Set<Integer> block : blocks) {
      Set<String> letter = new TreeSet<>();
      for (int s : block) {
        letter.addAll(p.subtask(s).propositions());
      }
      dense.add(letter);
      sparse.add(Set.of());
      sparse.add(letter);
    }
    return dfa.accepts(dense) && dfa.accepts(sparse);
  }

  private static int[] predecessorMasks(RPoset p) {
    int[] masks = new int[p.size()];
    for (Precedence pr : p.order()) {
      masks[pr.after()] |= 1 << pr.before();
    }
    return masks;
  }

  /**
   * Enumerates the ordered set partitions of {@code remaining} compatible with ≼ (a block may hold
   * a subtask only with or after all its predecessors); singleton blocks only if {@code linear}.
   */
  private static void orderedPartitions(
      int[] predecessors, int remaining, List<Set<Integer>> prefix, List<List<Set<Integer>>> out,
      boolean linear) {
    if (remaining == 0) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (int block = remaining; block > 0; block = (block - 1) & remaining) {
      if (linear && Integer.bitCount(block) != 1) {
        continue;
      }
      boolean ready = true;
      for (int rest = block; rest != 0 && ready; rest &= rest - 1) {
        int s = Integer.numberOfTrailingZeros(rest);
        ready = (predecessors[s] & remaining & ~block) == 0;
      }
      if (ready) {
        Set<Integer> members = new TreeSet<>();
        for (int rest = block; rest != 0; rest &= rest - 1) {
          members.add(Integer.numberOfTrailingZeros(rest));
        }
        prefix.add(members);
        orderedPartitions(predecessors, remaining & ~block, prefix, out, linear);
        prefix.remove(prefix.size() - 1);
      }
    }
  }
}
