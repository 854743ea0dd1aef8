package dev.flotilla.ltl.poset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.LtlCompiler;
import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import dev.flotilla.ltl.automaton.ProgressionLtlTranslator;
import dev.flotilla.ltl.automaton.RandomFormulas;
import dev.flotilla.ltl.syntax.CoSafetyCheck;
import dev.flotilla.ltl.syntax.CoSafetyVerdict;
import dev.flotilla.ltl.syntax.FormulaPrinter;
import dev.flotilla.ltl.syntax.LtlParser;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contract and seeded soundness checks of R-poset extraction. */
class PathGroupingPosetExtractorTest {

  @Test
  void everyAdmittedWordOfEveryPosetIsAGoodPrefix() {
    RandomFormulas gen = new RandomFormulas(99L, List.of("a", "b", "c", "d"), false);
    Random random = new Random(5);
    Random shapes = new Random(17);
    LtlCompiler compiler = new LtlCompiler();
    int compiled = 0;
    int withOrder = 0;
    int withConflict = 0;
    for (int i = 0; compiled < 150 && i < 20_000; i++) {
      // Half free-form formulas, half shaped like task formulas (nested F, negations, U).
      String text = i % 2 == 0 ? FormulaPrinter.toText(gen.formula(4)) : task(shapes, 3);
      if (!(compiler.compile(text) instanceof LtlCompilation.Compiled c)) {
        continue;
      }
      compiled++;
      for (RPoset p : c.posets()) {
        withOrder += p.order().isEmpty() ? 0 : 1;
        withConflict += p.conflicts().isEmpty() ? 0 : 1;
        for (int k = 0; k < 20; k++) {
          double[] t = PosetSampling.admitted(p, random);
          assertTrue(c.automaton().accepts(p.word(t)), () -> text + "\n" + p);
          assertTrue(c.automaton().accepts(PosetSampling.sparseWord(p, t)), () -> text + "\n" + p);
        }
      }
    }
    assertEquals(150, compiled);
    assertTrue(withOrder > 20 && withConflict > 5, withOrder + " ordered, " + withConflict
        + " with conflicts: the sample must exercise both relations");
  }

  private static final String[] PROPS = {"a", "b", "c", "d"};

  /** A random formula shaped like Table A2: F(p && ...), !q at an instant, (!p U q), &&, ||. */
  private static String task(Random r, int depth) {
    String p = PROPS[r.nextInt(PROPS.length)];
    String q = PROPS[r.nextInt(PROPS.length)];
    if (depth == 0) {
      return "<> " + p;
    }
    switch (r.nextInt(6)) {
      case 0:
        return "<> (" + p + " && " + task(r, depth - 1) + ")";
      case 1:
        return "<> (" + p + " && !" + q + " && " + task(r, depth - 1) + ")";
      case 2:
        return "(" + task(r, depth - 1) + ") && (" + task(r, depth - 1) + ")";
      case 3:
        return "(!" + p + " U " + q + ") && (" + task(r, depth - 1) + ")";
      case 4:
        return "(" + task(r, depth - 1) + ") || (" + task(r, depth - 1) + ")";
      default:
        return "<> " + p;
    }
  }

  @Test
  void unorderedWhenEveryInterleavingWorksOrderedOtherwise() {
    PosetExtraction e = extract("<> a && <> (b && <> c)");
    RPoset p = assertInstanceOf(PosetExtraction.Posets.class, e).alternatives().get(0);
    assertEquals(3, p.size());
    assertEquals(1, p.order().size());
  }

  @Test
  void simultaneousPropositionsFormOneSubtask() {
    RPoset p = ((PosetExtraction.Posets) extract("<> (a && b)")).alternatives().get(0);
    assertEquals(1, p.size());
    assertEquals(Guard.require("a", "b"), p.subtask(0).enabling());
  }

  @Test
  void disjunctionGivesAlternatives() {
    List<RPoset> alts = ((PosetExtraction.Posets) extract("<> a || <> (b && <> c)"))
        .alternatives();
    assertEquals(Set.of("a"), alts.get(0).subtask(0).propositions());
    // Another alternative is b then c; runs where b was superfluous may add more.
    assertTrue(alts.stream().anyMatch(p -> p.size() == 2
        && p.subtask(0).propositions().equals(Set.of("b"))
        && p.subtask(1).propositions().equals(Set.of("c")) && p.precedes(0, 1)), alts::toString);
  }

  @Test
  void fixedInstantsHaveNoPoset() {
    assertInstanceOf(PosetExtraction.NoPoset.class, extract("a U b && X c"));
    assertInstanceOf(PosetExtraction.NoPoset.class, extract("<> a && !a"));
  }

  private static PosetExtraction extract(String text) {
    CoSafetyVerdict.CoSafe c =
        (CoSafetyVerdict.CoSafe) CoSafetyCheck.check(LtlParser.parseWithColumns(text));
    GoodPrefixAutomaton dfa = new ProgressionLtlTranslator().translate(c.positiveNormalForm());
    return new PathGroupingPosetExtractor().extract(dfa);
  }
}
