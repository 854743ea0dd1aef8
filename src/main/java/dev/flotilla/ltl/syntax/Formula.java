package dev.flotilla.ltl.syntax;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An LTL formula over atomic propositions (§2.1 of seed 003): constants, propositions, the
 * Boolean connectives {@code ! && || -> <->} and the temporal operators X (next), U (until), F/<>
 * (eventually) and G/[] (always). Values are structural: two formulas are equal when their trees
 * are, which the automaton construction relies on.
 */
public sealed interface Formula {

  /** {@code true} or {@code false}. */
  record Const(boolean value) implements Formula {}

  /** An atomic proposition such as {@code sw_r1}. */
  record Prop(String name) implements Formula {}

  /** {@code !f}. */
  record Not(Formula operand) implements Formula {}

  /** {@code l && r}. */
  record And(Formula left, Formula right) implements Formula {}

  /** {@code l || r}. */
  record Or(Formula left, Formula right) implements Formula {}

  /** {@code l -> r}. */
  record Implies(Formula left, Formula right) implements Formula {}

  /** {@code l <-> r}. */
  record Iff(Formula left, Formula right) implements Formula {}

  /** {@code X f}. */
  record Next(Formula operand) implements Formula {}

  /** {@code l U r}. */
  record Until(Formula left, Formula right) implements Formula {}

  /** {@code F f}, also written {@code <> f}. */
  record Eventually(Formula operand) implements Formula {}

  /** {@code G f}, also written {@code [] f}. */
  record Always(Formula operand) implements Formula {}

  /** The constant true. */
  Formula TRUE = new Const(true);

  /** The constant false. */
  Formula FALSE = new Const(false);

  /**
   * The atomic propositions that occur in the formula.
   *
   * @return proposition names, sorted
   */
  default Set<String> propositions() {
    Set<String> out = new TreeSet<>();
    collect(this, out);
    return out;
  }

  private static void collect(Formula f, Set<String> out) {
    if (f instanceof Prop p) {
      out.add(p.name());
    }
    for (Formula child : children(f)) {
      collect(child, out);
    }
  }

  /**
   * The direct subformulas, left to right.
   *
   * @param f a formula
   * @return its operands (empty for constants and propositions)
   */
  static List<Formula> children(Formula f) {
    if (f instanceof Not n) {
      return List.of(n.operand());
    } else if (f instanceof Next n) {
      return List.of(n.operand());
    } else if (f instanceof Eventually e) {
      return List.of(e.operand());
    } else if (f instanceof Always a) {
      return List.of(a.operand());
    } else if (f instanceof And a) {
      return List.of(a.left(), a.right());
    } else if (f instanceof Or o) {
      return List.of(o.left(), o.right());
    } else if (f instanceof Implies i) {
      return List.of(i.left(), i.right());
    } else if (f instanceof Iff i) {
      return List.of(i.left(), i.right());
    } else if (f instanceof Until u) {
      return List.of(u.left(), u.right());
    }
    return List.of();
  }
}
