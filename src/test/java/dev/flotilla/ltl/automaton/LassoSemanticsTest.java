package dev.flotilla.ltl.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.syntax.CoSafetyCheck;
import dev.flotilla.ltl.syntax.CoSafetyVerdict;
import dev.flotilla.ltl.syntax.Formula;
import dev.flotilla.ltl.syntax.FormulaPrinter;
import dev.flotilla.ltl.syntax.LtlParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded cross-check of the automaton, read as a Büchi automaton, against the textbook semantics
 * of LTL on ultimately periodic words u·v^ω (an exact baseline that also covers X, which Debian's
 * Spin lacks). Also checks that accepting is absorbing, i.e. acceptance means "good prefix".
 */
class LassoSemanticsTest {

  private static final List<String> PROPS = List.of("a", "b", "c");

  @Test
  void automatonAgreesWithLassoSemanticsIncludingNext() {
    RandomFormulas gen = new RandomFormulas(7L, PROPS, true);
    ProgressionLtlTranslator translator = new ProgressionLtlTranslator();
    int formulas = 0;
    int satisfied = 0;
    int violated = 0;
    while (formulas < 300) {
      Formula f = gen.formula(4);
      CoSafetyVerdict v = CoSafetyCheck.check(LtlParser.parseWithColumns(FormulaPrinter.toText(f)));
      if (!(v instanceof CoSafetyVerdict.CoSafe coSafe)) {
        continue;
      }
      formulas++;
      GoodPrefixAutomaton dfa = translator.translate(coSafe.positiveNormalForm());
      for (int k = 0; k < 30; k++) {
        List<Set<String>> u = gen.word(gen.nextInt(4));
        List<Set<String>> loop = gen.word(1 + gen.nextInt(3));
        boolean expected = holds(f, u, loop);
        assertEquals(expected, acceptsLasso(dfa, u, loop),
            () -> FormulaPrinter.toText(f) + " on " + u + " (" + loop + ")^w");
        if (expected) {
          satisfied++;
        } else {
          violated++;
        }
      }
    }
    assertTrue(satisfied > 500 && violated > 500, satisfied + " / " + violated);
  }

  /** Büchi acceptance of u·v^ω by the DFA whose only accepting state is an absorbing sink. */
  private static boolean acceptsLasso(
      GoodPrefixAutomaton dfa, List<Set<String>> u, List<Set<String>> loop) {
    int s = dfa.run(u);
    for (int i = 0; i <= dfa.stateCount(); i++) {
      for (Set<String> letter : loop) {
        boolean wasAccepting = dfa.isAccepting(s);
        s = dfa.step(s, letter);
        if (wasAccepting) {
          assertTrue(dfa.isAccepting(s), "accepting states must be absorbing");
        }
      }
    }
    return dfa.isAccepting(s);
  }

  /** u·v^ω ⊨ f by the standard fixpoint evaluation over the |u| + |v| positions. */
  static boolean holds(Formula f, List<Set<String>> u, List<Set<String>> loop) {
    List<Set<String>> pos = new ArrayList<>(u);
    pos.addAll(loop);
    return eval(f, pos, u.size())[0];
  }

  private static boolean[] eval(Formula f, List<Set<String>> pos, int loopStart) {
    int n = pos.size();
    boolean[] out = new boolean[n];
    if (f instanceof Formula.Const c) {
      Arrays.fill(out, c.value());
    } else if (f instanceof Formula.Prop p) {
      for (int i = 0; i < n; i++) {
        out[i] = pos.get(i).contains(p.name());
      }
    } else if (f instanceof Formula.Not x) {
      boolean[] a = eval(x.operand(), pos, loopStart);
      for (int i = 0; i < n; i++) {
        out[i] = !a[i];
      }
    } else if (f instanceof Formula.And x) {
      boolean[] a = eval(x.left(), pos, loopStart);
      boolean[] b = eval(x.right(), pos, loopStart);
      for (int i = 0; i < n; i++) {
        out[i] = a[i] && b[i];
      }
    } else if (f instanceof Formula.Or x) {
      return eval(new Formula.Not(new Formula.And(
          new Formula.Not(x.left()), new Formula.Not(x.right()))), pos, loopStart);
    } else if (f instanceof Formula.Implies x) {
      return eval(new Formula.Or(new Formula.Not(x.left()), x.right()), pos, loopStart);
    } else if (f instanceof Formula.Iff x) {
      boolean[] a = eval(x.left(), pos, loopStart);
      boolean[] b = eval(x.right(), pos, loopStart);
      for (int i = 0; i < n; i++) {
        out[i] = a[i] == b[i];
      }
    } else if (f instanceof Formula.Next x) {
      boolean[] a = eval(x.operand(), pos, loopStart);
      for (int i = 0; i < n; i++) {
        out[i] = a[i + 1 < n ? i + 1 : loopStart];
      }
    } else if (f instanceof Formula.Eventually x) {
      return eval(new Formula.Until(Formula.TRUE, x.operand()), pos, loopStart);
    } else if (f instanceof Formula.Always x) {
      return eval(new Formula.Not(new Formula.Eventually(new Formula.Not(x.operand()))),
          pos, loopStart);
    } else {
      Formula.Until x = (Formula.Until) f;
      boolean[] a = eval(x.left(), pos, loopStart);
      boolean[] b = eval(x.right(), pos, loopStart);
      // Least fixpoint: n + 1 sweeps propagate a witness once around the loop.
      for (int sweep = 0; sweep <= n; sweep++) {
        for (int i = n - 1; i >= 0; i--) {
          boolean later = out[i + 1 < n ? i + 1 : loopStart];
          out[i] = b[i] || (a[i] && later);
        }
      }
    }
    return out;
  }
}
