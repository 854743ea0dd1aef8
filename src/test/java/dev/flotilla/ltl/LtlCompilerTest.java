package dev.flotilla.ltl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LtlCompilerTest {

  private static LtlCompilation.Rejected rejected(String text) {
    return assertInstanceOf(LtlCompilation.Rejected.class, new LtlCompiler().compile(text));
  }

  @Test
  void badInputComesBackAsARejectionWithAReason() {
    LtlCompilation.Rejected syntax = rejected("<> (sw_r1 &&");
    assertEquals(LtlCompilation.Problem.SYNTAX, syntax.problem());
    assertTrue(syntax.reason().contains("column 13"), syntax.reason());

    LtlCompilation.Rejected always = rejected("[] !Do_f4");
    assertEquals(LtlCompilation.Problem.NOT_CO_SAFE, always.problem());
    assertTrue(always.reason().contains("column 1"), always.reason());

    assertEquals(LtlCompilation.Problem.UNSATISFIABLE, rejected("<> (a && !a)").problem());
    assertEquals(LtlCompilation.Problem.NO_POSET, rejected("X sw_r1").problem());
    assertEquals(LtlCompilation.Problem.NO_POSET, rejected("<> (a && X b)").problem());
  }

  @Test
  void oversizedFormulasAreRejectedNotThrown() {
    // Twenty propositions in one conjunct need one automaton over 2^20 letters. (Twenty
    // separate eventualities used to be refused too; they now compile conjunct by conjunct.)
    StringBuilder many = new StringBuilder("<> (p0");
    for (int i = 1; i < 20; i++) {
      many.append(" || p").append(i);
    }
    many.append(')');
    assertEquals(LtlCompilation.Problem.TOO_LARGE, rejected(many.toString()).problem());
    String deep = "<> (a && ".repeat(70) + "b" + ")".repeat(70);
    LtlCompilation.Rejected r = rejected(deep);
    assertEquals(LtlCompilation.Problem.TOO_LARGE, r.problem());
    assertTrue(r.reason().contains("subformulas"), r.reason());
  }

  @Test
  void trivialFormulaHasTheEmptyPoset() {
    LtlCompilation.Compiled c =
        assertInstanceOf(LtlCompilation.Compiled.class, new LtlCompiler().compile("true"));
    assertEquals(0, c.posets().get(0).size());
  }
}
