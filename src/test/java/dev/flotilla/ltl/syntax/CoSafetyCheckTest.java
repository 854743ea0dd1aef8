package dev.flotilla.ltl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoSafetyCheckTest {

  private static CoSafetyVerdict check(String text) {
    return CoSafetyCheck.check(LtlParser.parseWithColumns(text));
  }

  private static Formula pnf(String text) {
    return assertInstanceOf(CoSafetyVerdict.CoSafe.class, check(text)).positiveNormalForm();
  }

  private static CoSafetyVerdict.NotCoSafe rejected(String text) {
    return assertInstanceOf(CoSafetyVerdict.NotCoSafe.class, check(text));
  }

  @Test
  void pushesNegationsToPropositions() {
    assertEquals(LtlParser.parse("!a || !b"), pnf("!(a && b)"));
    assertEquals(LtlParser.parse("!a || F b"), pnf("a -> <> b"));
    assertEquals(LtlParser.parse("F !a"), pnf("!G a"));
    assertEquals(LtlParser.parse("X !a"), pnf("!X a"));
    assertEquals(LtlParser.parse("(a && b) || (!a && !b)"), pnf("a <-> b"));
    assertEquals(LtlParser.parse("false"), pnf("!true"));
  }

  @Test
  void rejectsAlwaysWithItsColumn() {
    CoSafetyVerdict.NotCoSafe r = rejected("<> a && [] b");
    assertEquals(9, r.column());
    assertTrue(r.reason().contains("column 9") && r.reason().contains("always"), r.reason());
  }

  @Test
  void rejectsEventuallyAndUntilUnderNegation() {
    assertEquals(3, rejected("!(<> a)").column());
    assertEquals(1, rejected("<> a -> b").column());
    assertEquals(5, rejected("!(a U b)").column());
    assertTrue(rejected("!(a U b)").reason().contains("release"));
  }

  @Test
  void rejectsTemporalOperatorsUnderIff() {
    CoSafetyVerdict.NotCoSafe r = rejected("a <-> <> b");
    assertEquals(7, r.column());
    assertTrue(r.reason().contains("<->"), r.reason());
  }
}
