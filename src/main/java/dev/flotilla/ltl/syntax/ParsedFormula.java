package dev.flotilla.ltl.syntax;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A parsed formula with the source column of each of its nodes, so that later checks (e.g.
 * co-safety) can point at the operator they reject.
 *
 * @param text the source text
 * @param formula the syntax tree
 * @param columns 1-based column of each node, keyed by node identity
 */
public record ParsedFormula(String text, Formula formula, Map<Formula, Integer> columns) {

  /** Keeps the identity map read-only. */
  public ParsedFormula {
    columns = Collections.unmodifiableMap(new IdentityHashMap<>(columns));
  }

  /**
   * The column where a node of {@link #formula()} starts (its operator for operators).
   *
   * @param node a node of this tree (compared by identity)
   * @return the 1-based column, or 0 for a node that is not from this tree
   */
  public int columnOf(Formula node) {
    return columns.getOrDefault(node, 0);
  }
}
