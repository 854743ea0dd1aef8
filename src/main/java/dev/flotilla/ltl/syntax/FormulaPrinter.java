package dev.flotilla.ltl.syntax;

/**
 * Renders formulas as text, fully parenthesised so that no precedence convention matters: in the
 * syntax of {@link LtlParser} ({@code F}, {@code G}) or in Spin's ({@code <>}, {@code []}), which
 * the cross-check against {@code spin -f} uses. Time: O(n).
 */
public final class FormulaPrinter {

  private FormulaPrinter() {}

  /**
   * The formula in the syntax of {@link LtlParser}.
   *
   * @param f a formula
   * @return text that parses back to an equal formula
   */
  public static String toText(Formula f) {
    return render(f, false);
  }

  /**
   * The formula in Spin's LTL syntax.
   *
   * @param f a formula
   * @return text for {@code spin -f}
   */
  public static String toSpin(Formula f) {
    return render(f, true);
  }

  private static String render(Formula f, boolean spin) {
    if (f instanceof Formula.Const c) {
      return c.value() ? "true" : "false";
    } else if (f instanceof Formula.Prop p) {
      return p.name();
    } else if (f instanceof Formula.Not n) {
      return "!" + wrap(n.operand(), spin);
    } else if (f instanceof Formula.Next n) {
      return "X " + wrap(n.operand(), spin);
    } else if (f instanceof Formula.Eventually e) {
      return (spin ? "<> " : "F ") + wrap(e.operand(), spin);
    } else if (f instanceof Formula.Always a) {
      return (spin ? "[] " : "G ") + wrap(a.operand(), spin);
    } else if (f instanceof Formula.And a) {
      return binary(a.left(), "&&", a.right(), spin);
    } else if (f instanceof Formula.Or o) {
      return binary(o.left(), "||", o.right(), spin);
    } else if (f instanceof Formula.Implies i) {
      return binary(i.left(), "->", i.right(), spin);
    } else if (f instanceof Formula.Iff i) {
      return binary(i.left(), "<->", i.right(), spin);
    } else {
      Formula.Until u = (Formula.Until) f;
      return binary(u.left(), "U", u.right(), spin);
    }
  }

  private static String binary(Formula l, String op, Formula r, boolean spin) {
    return wrap(l, spin) + " " + op + " " + wrap(r, spin);
  }

  private static String wrap(Formula f, boolean spin) {
    boolean atomic = f instanceof Formula.Const || f instanceof Formula.Prop
        || (f instanceof Formula.Not n && n.operand() instanceof Formula.Prop);
    return atomic ? render(f, spin) : "(" + render(f, spin) + ")";
  }
}
