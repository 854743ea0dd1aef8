package dev.flotilla.ltl.automaton;

import dev.flotilla.ltl.syntax.Formula;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Formula progression (Bacchus and Kabanza) over states kept in disjunctive normal form: a state
 * is a set of clauses, a clause a set of "obligations" (propositional literals to check at the
 * next letter, or X/U/F subformulas). The empty clause is {@code true}, the empty set of clauses
 * {@code false}. Clauses are compared as sets and subsumed clauses are dropped, so the states of a
 * formula form a finite set (subsets of sets of subformulas).
 *
 * <p>Rules for a letter σ: p ↦ [p ∈ σ]; X f ↦ f; f U g ↦ prog(g) ∨ (prog(f) ∧ f U g);
 * F f ↦ prog(f) ∨ F f. They preserve the infinite-word semantics: σw ⊨ f iff w ⊨ prog(f, σ).
 */
final class Progression {

  private Progression() {}

  /** The DNF of a positive-normal-form formula, splitting only its Boolean structure. */
  static Set<Set<Formula>> dnf(Formula f) {
    if (f instanceof Formula.Const c) {
      return c.value() ? Set.of(Set.of()) : Set.of();
    } else if (f instanceof Formula.Or o) {
      return or(dnf(o.left()), dnf(o.right()));
    } else if (f instanceof Formula.And a) {
      return and(dnf(a.left()), dnf(a.right()));
    }
    return Set.of(Set.of(f));
  }

  /** Progresses a state through one letter. */
  static Set<Set<Formula>> progress(Set<Set<Formula>> state, Set<String> letter) {
    Set<Set<Formula>> out = new HashSet<>();
    for (Set<Formula> clause : state) {
      Set<Set<Formula>> acc = Set.of(Set.of());
      for (Formula obligation : clause) {
        acc = and(acc, progress(obligation, letter));
        if (acc.isEmpty()) {
          break;
        }
      }
      out.addAll(acc);
    }
    return minimal(out);
  }

  private static Set<Set<Formula>> progress(Formula f, Set<String> letter) {
    if (f instanceof Formula.Const c) {
      return c.value() ? Set.of(Set.of()) : Set.of();
    } else if (f instanceof Formula.Prop p) {
      return letter.contains(p.name()) ? Set.of(Set.of()) : Set.of();
    } else if (f instanceof Formula.Not n && n.operand() instanceof Formula.Prop p) {
      return letter.contains(p.name()) ? Set.of() : Set.of(Set.of());
    } else if (f instanceof Formula.And a) {
      return and(progress(a.left(), letter), progress(a.right(), letter));
    } else if (f instanceof Formula.Or o) {
      return or(progress(o.left(), letter), progress(o.right(), letter));
    } else if (f instanceof Formula.Next n) {
      return dnf(n.operand());
    } else if (f instanceof Formula.Until u) {
      Set<Set<Formula>> keep = and(progress(u.left(), letter), Set.of(Set.of(f)));
      return or(progress(u.right(), letter), keep);
    } else if (f instanceof Formula.Eventually e) {
      return or(progress(e.operand(), letter), Set.of(Set.of(f)));
    }
    throw new IllegalArgumentException(
        "Progression needs a co-safe formula in positive normal form; got " + f + ".");
  }

  private static Set<Set<Formula>> or(Set<Set<Formula>> a, Set<Set<Formula>> b) {
    Set<Set<Formula>> out = new HashSet<>(a);
    out.addAll(b);
    return minimal(out);
  }

  private static Set<Set<Formula>> and(Set<Set<Formula>> a, Set<Set<Formula>> b) {
    Set<Set<Formula>> out = new HashSet<>();
    for (Set<Formula> x : a) {
      for (Set<Formula> y : b) {
        Set<Formula> clause = new HashSet<>(x);
        clause.addAll(y);
        if (!contradictory(clause)) {
          out.add(Set.copyOf(clause));
        }
      }
    }
    return minimal(out);
  }

  /** A clause asking for p and !p at the same next letter can never be met. */
  private static boolean contradictory(Set<Formula> clause) {
    for (Formula f : clause) {
      if (f instanceof Formula.Not n && clause.contains(n.operand())) {
        return true;
      }
    }
    return false;
  }

  /** Drops every clause that strictly contains another one (it is implied by it). */
  private static Set<Set<Formula>> minimal(Set<Set<Formula>> clauses) {
    List<Set<Formula>> list = List.copyOf(clauses);
    Set<Set<Formula>> out = new HashSet<>();
    for (Set<Formula> c : list) {
      boolean subsumed = false;
      for (Set<Formula> d : list) {
        if (d.size() < c.size() && c.containsAll(d)) {
          subsumed = true;
          break;
        }
      }
      if (!subsumed) {
        out.add(c);
      }
    }
    return Set.copyOf(out);
  }
}
