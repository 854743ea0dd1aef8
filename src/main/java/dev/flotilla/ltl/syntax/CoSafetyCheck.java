package dev.flotilla.ltl.syntax;

/**
 * Membership in syntactically co-safe LTL (sc-LTL, §2.1 of seed 003): a formula is co-safe when
 * its positive normal form (negations pushed down to the propositions through the Boolean
 * connectives, {@code !X f = X !f}, {@code !G f = F !f}) uses only the temporal operators X, U and
 * F. Equivalently, walking the tree with a polarity, U and F may only occur positively and G only
 * negatively; operands of {@code <->} occur in both polarities. Time: O(n).
 */
public final class CoSafetyCheck {

  private CoSafetyCheck() {}

  /**
   * Checks a parsed formula and returns its positive normal form when it is co-safe.
   *
   * @param parsed the formula with source columns
   * @return {@link CoSafetyVerdict.CoSafe} or {@link CoSafetyVerdict.NotCoSafe} with the reason
   */
  public static CoSafetyVerdict check(ParsedFormula parsed) {
    Problem problem = firstProblem(parsed, parsed.formula(), true);
    if (problem != null) {
      return new CoSafetyVerdict.NotCoSafe(
          "column " + problem.column() + ": " + problem.text()
              + "; sc-LTL allows only X, U and F/<> in positive normal form",
          problem.column());
    }
    return new CoSafetyVerdict.CoSafe(toPositiveNormalForm(parsed.formula(), false));
  }

  /**
   * The number of nodes of the positive normal form, without building it: each {@code <->}
   * doubles its operands, so {@code a <-> (b <-> (c <-> …))} grows as 2^depth. Recursion depth
   * is that of the tree (bounded by {@link LtlParser#MAX_DEPTH}).
   *
   * @param f a formula
   * @param cap the largest size of interest
   * @return the size, saturated at {@code cap + 1}
   */
  public static long normalFormSize(Formula f, long cap) {
    long size;
    if (f instanceof Formula.Iff i) {
      size = 3 + 2 * (normalFormSize(i.left(), cap) + normalFormSize(i.right(), cap)) + 2;
    } else if (f instanceof Formula.Implies i) {
      size = 2 + normalFormSize(i.left(), cap) + normalFormSize(i.right(), cap);
    } else {
      size = 1;
      for (Formula child : Formula.children(f)) {
        size += normalFormSize(child, cap);
      }
    }
    return Math.min(size, cap + 1);
  }

  private record Problem(int column, String text) {}

  /** The first violation in source order, or null. */
  private static Problem firstProblem(ParsedFormula p, Formula f, boolean positive) {
    int col = p.columnOf(f);
    if (f instanceof Formula.Always && positive) {
      return new Problem(col, "'G'/'[]' (always) is not co-safe");
    }
    if (f instanceof Formula.Eventually && !positive) {
      return new Problem(
          col, "'F'/'<>' (eventually) under a negation means 'G' (always), which is not co-safe");
    }
    if (f instanceof Formula.Until && !positive) {
      return new Problem(col, "'U' (until) under a negation means release, which is not co-safe");
    }
    if (f instanceof Formula.Not n) {
      return firstProblem(p, n.operand(), !positive);
    }
    if (f instanceof Formula.Implies i) {
      Problem left = firstProblem(p, i.left(), !positive);
      return left != null ? left : firstProblem(p, i.right(), positive);
    }
    if (f instanceof Formula.Iff i) {
      for (Formula side : Formula.children(i)) {
        for (boolean polarity : new boolean[] {positive, !positive}) {
          Problem problem = firstProblem(p, side, polarity);
          if (problem != null) {
            return new Problem(
                problem.column(), problem.text() + " (each side of '<->' also occurs negated)");
          }
        }
      }
      return null;
    }
    for (Formula child : Formula.children(f)) {
      Problem problem = firstProblem(p, child, positive);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /**
   * The positive normal form of a formula whose negations can be pushed down without creating G
   * or release: negation only in front of propositions, no {@code -> <->}, F instead of
   * {@code !G!}.
   *
   * @param f a formula accepted by {@link #check}
   * @param negated whether the result should be the normal form of {@code !f}
   * @return the positive normal form
   * @throws IllegalArgumentException when f is not co-safe
   */
  public static Formula toPositiveNormalForm(Formula f, boolean negated) {
    if (f instanceof Formula.Const c) {
      return new Formula.Const(c.value() != negated);
    } else if (f instanceof Formula.Prop) {
      return negated ? new Formula.Not(f) : f;
    } else if (f instanceof Formula.Not n) {
      return toPositiveNormalForm(n.operand(), !negated);
    } else if (f instanceof Formula.And a) {
      Formula l = toPositiveNormalForm(a.left(), negated);
      Formula r = toPositiveNormalForm(a.right(), negated);
      return negated ? new Formula.Or(l, r) : new Formula.And(l, r);
    } else if (f instanceof Formula.Or o) {
      Formula l = toPositiveNormalForm(o.left(), negated);
      Formula r = toPositiveNormalForm(o.right(), negated);
      return negated ? new Formula.And(l, r) : new Formula.Or(l, r);
    } else if (f instanceof Formula.Implies i) {
      return toPositiveNormalForm(new Formula.Or(new Formula.Not(i.left()), i.right()), negated);
    } else if (f instanceof Formula.Iff i) {
      Formula both = new Formula.And(i.left(), i.right());
      Formula neither = new Formula.And(new Formula.Not(i.left()), new Formula.Not(i.right()));
      return toPositiveNormalForm(new Formula.Or(both, neither), negated);
    } else if (f instanceof Formula.Next n) {
      return new Formula.Next(toPositiveNormalForm(n.operand(), negated));
    } else if (f instanceof Formula.Eventually e && !negated) {
      return new Formula.Eventually(toPositiveNormalForm(e.operand(), false));
    } else if (f instanceof Formula.Until u && !negated) {
      return new Formula.Until(
          toPositiveNormalForm(u.left(), false), toPositiveNormalForm(u.right(), false));
    } else if (f instanceof Formula.Always a && negated) {
      return new Formula.Eventually(toPositiveNormalForm(a.operand(), true));
    }
    throw new IllegalArgumentException(
        "The formula " + FormulaPrinter.toText(f) + " is not co-safe" + (negated ? " when negated."
            : "."));
  }
}
