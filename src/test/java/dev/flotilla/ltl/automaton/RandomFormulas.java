package dev.flotilla.ltl.automaton;

import dev.flotilla.ltl.syntax.Formula;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Seeded random formulas and words for cross-checks. */
public final class RandomFormulas {

  private final Random random;
  private final List<String> props;
  private final boolean withNext;

  public RandomFormulas(long seed, List<String> props, boolean withNext) {
    this.random = new Random(seed);
    this.props = props;
    this.withNext = withNext;
  }

  /** A formula over the full grammar (G, <->, negations included); callers filter co-safety. */
  public Formula formula(int depth) {
    if (depth == 0 || random.nextInt(5) == 0) {
      int r = random.nextInt(props.size() + 1);
      return r == props.size()
          ? new Formula.Const(random.nextInt(4) != 0)
          : new Formula.Prop(props.get(r));
    }
    switch (random.nextInt(withNext ? 11 : 10)) {
      case 0:
        return new Formula.Not(formula(depth - 1));
      case 1:
      case 2:
        return new Formula.And(formula(depth - 1), formula(depth - 1));
      case 3:
        return new Formula.Or(formula(depth - 1), formula(depth - 1));
      case 4:
        return new Formula.Implies(formula(depth - 1), formula(depth - 1));
      case 5:
        return new Formula.Until(formula(depth - 1), formula(depth - 1));
      case 6:
      case 7:
        return new Formula.Eventually(formula(depth - 1));
      case 8:
        return new Formula.Always(formula(depth - 1));
      case 9:
        return new Formula.Iff(formula(depth - 1), formula(depth - 1));
      default:
        return new Formula.Next(formula(depth - 1));
    }
  }

  /**
   * A formula in the shapes the translator got wrong (issue 15), mixed with task shapes:
   * disjunctions whose branches share propositions ({@code (<> (a && b)) || (!a U c)}), nested
   * eventualities with negations ({@code <> (a && <> (!a && <> a))}) and Until under a
   * conjunction ({@code (a U b) && <> c}). X-free, so every satisfiable one has an R-poset.
   *
   * @param depth nesting budget
   * @return the formula text
   */
  public String taskShape(int depth) {
    String p = prop();
    String q = prop();
    String r = prop();
    if (depth == 0) {
      return random.nextBoolean() ? "<> " + p : "(!" + p + " U " + q + ")";
    }
    switch (random.nextInt(7)) {
      case 0:
        return "(<> (" + p + " && " + q + ")) || (!" + p + " U " + r + ")";
      case 1:
        return "<> (" + p + " && <> (!" + p + " && " + taskShape(depth - 1) + "))";
      case 2:
        return "(" + p + " U " + q + ") && " + taskShape(depth - 1);
      case 3:
        return "(" + taskShape(depth - 1) + ") || (" + taskShape(depth - 1) + ")";
      case 4:
        return "(" + taskShape(depth - 1) + ") && (" + taskShape(depth - 1) + ")";
      case 5:
        return "<> (" + p + " && !" + q + " && " + taskShape(depth - 1) + ")";
      default:
        return "<> (" + p + " && <> (!" + p + " && <> " + p + "))";
    }
  }

  private String prop() {
    return props.get(random.nextInt(props.size()));
  }

  /** A random letter over the propositions. */
  public Set<String> letter() {
    Set<String> letter = new TreeSet<>();
    for (String p : props) {
      if (random.nextBoolean()) {
        letter.add(p);
      }
    }
    return letter;
  }

  /** A random word of letters over the propositions. */
  public List<Set<String>> word(int length) {
    List<Set<String>> w = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      w.add(letter());
    }
    return w;
  }

  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** All 2^|props| letters. */
  public static List<Set<String>> alphabet(List<String> props) {
    List<Set<String>> out = new ArrayList<>();
    for (int m = 0; m < 1 << props.size(); m++) {
      Set<String> letter = new TreeSet<>();
      for (int i = 0; i < props.size(); i++) {
        if ((m & (1 << i)) != 0) {
          letter.add(props.get(i));
        }
      }
      out.add(letter);
    }
    return out;
  }
}
