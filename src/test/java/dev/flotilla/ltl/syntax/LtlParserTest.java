package dev.flotilla.ltl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.syntax.Formula.And;
import dev.flotilla.ltl.syntax.Formula.Always;
import dev.flotilla.ltl.syntax.Formula.Eventually;
import dev.flotilla.ltl.syntax.Formula.Iff;
import dev.flotilla.ltl.syntax.Formula.Implies;
import dev.flotilla.ltl.syntax.Formula.Next;
import dev.flotilla.ltl.syntax.Formula.Not;
import dev.flotilla.ltl.syntax.Formula.Or;
import dev.flotilla.ltl.syntax.Formula.Prop;
import dev.flotilla.ltl.syntax.Formula.Until;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LtlParserTest {

  private static final Prop A = new Prop("a");
  private static final Prop B = new Prop("b");
  private static final Prop C = new Prop("c");

  @Test
  void parsesEveryOperatorWithItsSpellings() {
    assertEquals(new Eventually(A), LtlParser.parse("F a"));
    assertEquals(new Eventually(A), LtlParser.parse("<> a"));
    assertEquals(new Always(A), LtlParser.parse("G a"));
    assertEquals(new Always(A), LtlParser.parse("[]a"));
    assertEquals(new Next(new Not(A)), LtlParser.parse("X !a"));
    assertEquals(new Until(A, B), LtlParser.parse("a U b"));
    assertEquals(new Iff(A, new Implies(B, C)), LtlParser.parse("a <-> b -> c"));
    assertEquals(Formula.TRUE, LtlParser.parse("true"));
    assertEquals(new Or(Formula.FALSE, A), LtlParser.parse("false || a"));
  }

  @Test
  void precedenceIsUnaryThenUntilThenAndThenOrThenImplies() {
    assertEquals(new And(A, new Until(B, C)), LtlParser.parse("a && b U c"));
    assertEquals(new Or(new And(A, B), C), LtlParser.parse("a && b || c"));
    assertEquals(new Implies(new Or(A, B), C), LtlParser.parse("a || b -> c"));
    assertEquals(new Implies(A, new Implies(B, C)), LtlParser.parse("a -> b -> c"));
    assertEquals(new Until(A, new Until(B, C)), LtlParser.parse("a U b U c"));
    assertEquals(new And(new Eventually(A), B), LtlParser.parse("F a && b"));
    assertEquals(new Until(new Eventually(A), B), LtlParser.parse("F a U b"));
  }

  @Test
  void propositionsMayContainUnderscoresDigitsAndCapitals() {
    Formula f = LtlParser.parse("<> (dc_f4 && !Do_f4) && <> om_t3 && Fa");
    assertEquals(Set.of("dc_f4", "Do_f4", "om_t3", "Fa"), f.propositions());
  }

  @Test
  void printedFormulasParseBack() {
    String[] texts = {
      "<> sw_r1 && <> sw_r2 && <> (dc_t3 && <> (om_t3 && <> sa_t3))",
      "a -> X (b U !c) <-> [] a", "!(a || b) && true", "F G a U X b"
    };
    for (String text : texts) {
      Formula f = LtlParser.parse(text);
      assertEquals(f, LtlParser.parse(FormulaPrinter.toText(f)), text);
      assertTrue(FormulaPrinter.toSpin(f).indexOf('F') < 0, "Spin syntax uses <> for F");
    }
  }

  @Test
  void errorsNameTheColumn() {
    LtlSyntaxException e = assertThrows(LtlSyntaxException.class, () -> LtlParser.parse("a && "));
    assertEquals(6, e.column());
    assertTrue(e.getMessage().contains("column 6"), e.getMessage());
    e = assertThrows(LtlSyntaxException.class, () -> LtlParser.parse("a && # b"));
    assertEquals(6, e.column());
    e = assertThrows(LtlSyntaxException.class, () -> LtlParser.parse("(a U b"));
    assertEquals(7, e.column());
    assertTrue(e.getMessage().contains("column 1"), "names the unclosed parenthesis");
    e = assertThrows(LtlSyntaxException.class, () -> LtlParser.parse("a b"));
    assertEquals(3, e.column());
    e = assertThrows(LtlSyntaxException.class, () -> LtlParser.parse("a & b"));
    assertEquals(3, e.column());
  }

  @Test
  void columnsPointAtOperators() {
    ParsedFormula p = LtlParser.parseWithColumns("a && <> b");
    And and = (And) p.formula();
    assertEquals(3, p.columnOf(and));
    assertEquals(6, p.columnOf(and.right()));
  }
}
