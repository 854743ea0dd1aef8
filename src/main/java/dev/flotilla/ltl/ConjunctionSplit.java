package dev.flotilla.ltl;

import dev.flotilla.ltl.syntax.Formula;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a positive-normal-form formula φ_1 ∧ … ∧ φ_k at its top-level conjunctions into groups
 * of conjuncts connected by shared propositions (union-find over propositions).
 *
 * <p>Why shared propositions keep conjuncts together: for groups over disjoint propositions the
 * good prefixes of the conjunction are exactly the words whose projection on each group's
 * propositions is a good prefix of that group, and an R-poset of one group, sound with idle
 * letters anywhere, stays sound when the other groups' executions appear in its word (for it they
 * are idle letters or letters of propositions it ignores). So the disjoint poset product
 * (Definition 3 of seed 003, no merges and no cross constraints since no proposition is shared) is
 * sound, and any interleaving of the groups' R-posets is one of its words. Conjuncts sharing a
 * proposition constrain each other's letters (e.g. {@code <> a && (!a U b)} orders b before a),
 * which the product only approximates; they are compiled as one automaton. O(n) in the formula.
 */
final class ConjunctionSplit {
  private ConjunctionSplit() {}

  /**
   * The groups, each the conjunction of its conjuncts in source order.
   *
   * @param pnf a positive-normal-form formula
   * @return one formula per group; a single element when the formula does not split
   */
  static List<Formula> groups(Formula pnf) {
    List<Formula> conjuncts = conjuncts(pnf);
    Map<String, Integer> owner = new HashMap<>();
    int[] parent = new int[conjuncts.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      for (String p : conjuncts.get(i).propositions()) {
        Integer j = owner.putIfAbsent(p, i);
        if (j != null) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, Formula> groups = new LinkedHashMap<>();
    for (int i = 0; i < parent.length; i++) {
      groups.merge(find(parent, i), conjuncts.get(i), Formula.And::new);
    }
    return List.copyOf(groups.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The top-level conjuncts, left to right, without recursion (the tree may be deep). */
  static List<Formula> conjuncts(Formula f) {
    List<Formula> out = new ArrayList<>();
    Deque<Formula> stack = new ArrayDeque<>();
    stack.push(f);
    while (!stack.isEmpty()) {
      Formula g = stack.pop();
      if (g instanceof Formula.And a) {
        stack.push(a.right());
        stack.push(a.left());
      } else {
        out.add(g);
      }
    }
    return out;
  }
}
