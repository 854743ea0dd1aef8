package dev.flotilla.ltl.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.syntax.CoSafetyCheck;
import dev.flotilla.ltl.syntax.CoSafetyVerdict;
import dev.flotilla.ltl.syntax.LtlParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoodPrefixAutomatonTest {

  static GoodPrefixAutomaton dfa(String text) {
    CoSafetyVerdict.CoSafe c =
        (CoSafetyVerdict.CoSafe) CoSafetyCheck.check(LtlParser.parseWithColumns(text));
    return new ProgressionLtlTranslator().translate(c.positiveNormalForm());
  }

  @Test
  void eventuallyAcceptsOnceThePropositionHolds() {
    GoodPrefixAutomaton f = dfa("<> a");
    assertFalse(f.accepts(List.of()));
    assertFalse(f.accepts(Words.parse("b;;b")));
    assertTrue(f.accepts(Words.parse("b;a")));
    assertTrue(f.accepts(Words.parse("a;b")), "a good prefix stays good");
    assertEquals(2, f.stateCount());
  }

  @Test
  void orderedTaskOfPhi1NeedsTheOrder() {
    GoodPrefixAutomaton f = dfa("<> (dc_t3 && <> (om_t3 && <> sa_t3))");
    assertTrue(f.accepts(Words.parse("dc_t3;om_t3;sa_t3")));
    assertTrue(f.accepts(Words.parse("dc_t3,om_t3,sa_t3")), "F includes the present instant");
    assertFalse(f.accepts(Words.parse("om_t3;dc_t3;sa_t3")));
  }

  @Test
  void negatedConjunctBlocksTheInstant() {
    GoodPrefixAutomaton f = dfa("<> (dc_t4 && !om_t4 && <> om_t4)");
    assertFalse(f.accepts(Words.parse("dc_t4,om_t4")));
    assertTrue(f.accepts(Words.parse("dc_t4;om_t4")));
  }

  @Test
  void untilDiesWhenTheGuardBreaksFirst() {
    GoodPrefixAutomaton f = dfa("(!Vo_f2 && !Re_f2) U gi_f2");
    int dead = f.run(Words.parse("Vo_f2"));
    assertTrue(f.isDead(dead));
    assertTrue(f.accepts(Words.parse(";gi_f2;Vo_f2")));
  }

  @Test
  void validResidualIsAcceptedBeforeProgressionSimplifiesIt() {
    // After {a} progression leaves (b || !b): valid, hence {a} is already a good prefix.
    GoodPrefixAutomaton f = dfa("a && X (b || !b)");
    assertFalse(f.accepts(List.of()));
    assertTrue(f.accepts(List.of(Set.of("a"))));
    assertTrue(dfa("X (a || !a)").accepts(List.of()), "a valid formula: the empty word is good");
  }

  @Test
  void unsatisfiableFormulaStartsDead() {
    assertTrue(dfa("<> (a && !a)").isDead(0));
    assertTrue(dfa("false").isDead(0));
    assertTrue(dfa("true").isAccepting(0));
  }

  @Test
  void propositionsOutsideTheFormulaAreIgnored() {
    assertTrue(dfa("<> a").accepts(Words.parse("zz,a")));
  }

  @Test
  void tooManyPropositionsIsAPlainError() {
    StringBuilder text = new StringBuilder("<> p0");
    for (int i = 1; i <= ProgressionLtlTranslator.MAX_PROPOSITIONS; i++) {
      text.append(" && <> p").append(i);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> dfa(text.toString()));
    assertTrue(e.getMessage().contains("at most"), e.getMessage());
  }
}
