package dev.flotilla.ltl.poset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The product of R-posets, Definition 3 of seed 003 (following its reference [27]), offline (empty
 * executed prefix w_0) and online (a formula arriving while P_1 is partly executed).
 *
 * <p>For P_1 ⊗ P_2 two members are produced: the disjoint product and, when P_2 has subtasks
 * whose σ has the same propositions as a not yet executed subtask of P_1, the merged product
 * where one execution serves both (σ and σ^s become conjunctions). In both, ≼ and ≠ are the unions
 * of the operands' relations plus cross constraints derived from the literals: if ω_a makes true a
 * proposition that σ^s_b forbids, then b ≼ a; if ω_a makes true a proposition that σ_b forbids,
 * {a, b} conflict. A member whose order becomes cyclic is dropped. Every word admitted by a member
 * is admitted by both operands, so each member is a sound under-approximation of the conjunction;
 * the set is not claimed to be complete (the merged and disjoint extremes are kept, not every
 * partial merging).
 *
 * <p>Subtasks of P_1 in {@code executed} belong to w_0: P_2 subtasks are never merged into them and
 * no cross constraint involves them, since P_2 only constrains the word after w_0.
 *
 * <p>Time: O((|Ω_1| + |Ω_2|)^3) per member for the transitive closure.
 */
public final class PosetProduct {

  private final int maxAlternatives;

  /**
   * Creates a product operator.
   *
   * @param maxAlternatives how many product members {@link #productAll} keeps after each step,
   *     smallest |Ω| first (at least 1)
   */
  public PosetProduct(int maxAlternatives) {
    if (maxAlternatives < 1) {
      throw new IllegalArgumentException("maxAlternatives must be >= 1, got " + maxAlternatives);
    }
    this.maxAlternatives = maxAlternatives;
  }

  /**
   * P_1 ⊗ P_2 with an empty executed prefix.
   *
   * @param left P_1
   * @param right P_2
   * @return the product members, possibly empty when every combination is contradictory
   */
  public List<ProductPoset> product(RPoset left, RPoset right) {
    return product(left, Set.of(), right);
  }

  /**
   * P_1 ⊗ P_2 where the subtasks {@code executed} of P_1 are already done (the prefix w_0), as
   * needed when a formula arrives online.
   *
   * @param left P_1, typically the product the running plan executes
   * @param executed ids of P_1 subtasks already executed
   * @param right P_2, the R-poset of the new formula
   * @return the product members, merged one first when it exists; possibly empty
   */
  public List<ProductPoset> product(RPoset left, Set<Integer> executed, RPoset right) {
    List<ProductPoset> out = new ArrayList<>();
    List<Integer> merged = greedyMerge(left, executed, right);
    boolean anyMerge = false;
    for (int j = 0; j < merged.size(); j++) {
      anyMerge |= merged.get(j) >= 0;
    }
    if (anyMerge) {
      build(left, executed, right, merged).ifPresent(out::add);
    }
    List<Integer> none = new ArrayList<>(Collections.nCopies(right.size(), -1));
    build(left, executed, right, none).ifPresent(out::add);
    return out;
  }

  /**
   * The product of the R-posets of several formulas (each formula has a list of alternative
   * R-posets whose languages are united), folding {@link #product(RPoset, RPoset)} from the left
   * and keeping at most {@code maxAlternatives} members per step, fewest subtasks first.
   *
   * @param perFormula for every formula its alternative R-posets
   * @return the members of the final product; empty when some step has no member
   */
  public List<RPoset> productAll(List<List<RPoset>> perFormula) {
    List<RPoset> current = List.of(new RPoset(List.of(), Set.of(), Set.of()));
    for (List<RPoset> alternatives : perFormula) {
      List<RPoset> next = new ArrayList<>();
      for (RPoset left : current) {
        for (RPoset right : alternatives) {
          for (ProductPoset p : product(left, right)) {
            next.add(p.poset());
          }
        }
      }
      next.sort(Comparator.comparingInt(RPoset::size).thenComparingInt(p -> p.order().size()));
      current = next.subList(0, Math.min(maxAlternatives, next.size()));
    }
    return List.copyOf(current);
  }

  private static List<Integer> greedyMerge(RPoset left, Set<Integer> executed, RPoset right) {
    List<Integer> map = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    for (Subtask b : right.subtasks()) {
      int target = -1;
      for (Subtask a : left.subtasks()) {
        if (!executed.contains(a.id())
            && !used.contains(a.id())
            && !b.propositions().isEmpty()
            && a.propositions().equals(b.propositions())
            && a.enabling().and(b.enabling()).isSatisfiable()) {
          target = a.id();
          break;
        }
      }
      if (target >= 0) {
        used.add(target);
      }
      map.add(target);
    }
    return map;
  }

  /** Builds one member; {@code merge.get(j)} is the P_1 id subtask j merges into, or -1. */
  private static Optional<ProductPoset> build(
      RPoset left, Set<Integer> executed, RPoset right, List<Integer> merge) {
    List<Subtask> subtasks = new ArrayList<>(left.subtasks());
    List<Integer> rightIds = new ArrayList<>();
    for (Subtask b : right.subtasks()) {
      int target = merge.get(b.id());
      if (target >= 0) {
        Subtask a = subtasks.get(target);
        subtasks.set(
            target,
            new Subtask(target, a.enabling().and(b.enabling()), a.selfLoop().and(b.selfLoop())));
        rightIds.add(target);
      } else {
        rightIds.add(subtasks.size());
        subtasks.add(b.withId(subtasks.size()));
      }
    }
    Set<Precedence> order = new HashSet<>(left.order());
    for (Precedence p : right.order()) {
      int before = rightIds.get(p.before());
      int after = rightIds.get(p.after());
      if (before == after) {
        return Optional.empty();
      }
      order.add(new Precedence(before, after));
    }
    Set<Set<Integer>> conflicts = new HashSet<>(left.conflicts());
    for (Set<Integer> c : right.conflicts()) {
      Set<Integer> mapped = new TreeSet<>();
      for (int id : c) {
        mapped.add(rightIds.get(id));
      }
      if (mapped.size() < 2) {
        return Optional.empty();
      }
      conflicts.add(mapped);
    }
    for (Subtask a : left.subtasks()) {
      if (executed.contains(a.id())) {
        continue;
      }
      for (Subtask b : right.subtasks()) {
        int bid = rightIds.get(b.id());
        if (bid == a.id()) {
          continue;
        }
        if (intersects(a.propositions(), b.enabling().negative())
            || intersects(b.propositions(), a.enabling().negative())) {
          conflicts.add(Set.of(a.id(), bid));
        }
        if (intersects(a.propositions(), b.selfLoop().negative())) {
          order.add(new Precedence(bid, a.id()));
        }
        if (intersects(b.propositions(), a.selfLoop().negative())) {
          order.add(new Precedence(a.id(), bid));
        }
      }
    }
    try {
      return Optional.of(
          new ProductPoset(new RPoset(subtasks, order, conflicts), rightIds));
    } catch (IllegalArgumentException cyclic) {
      // Both subtasks forbid each other before they happen: this combination has no word.
      return Optional.empty();
    }
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
