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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract of {@link PosetExtractor}, run against both implementations: seeded soundness (every
 * word an extracted R-poset admits is a good prefix) and small named cases.
 */
class PosetExtractorContractTest {

  static Stream<PosetExtractor> extractors() {
    return Stream.of(new DownsetPosetExtractor(), new PathGroupingPosetExtractor());
  }

  @ParameterizedTest
  @MethodSource("extractors")
  void everyAdmittedWordOfEveryPosetIsAGoodPrefix(PosetExtractor extractor) {
    RandomFormulas gen = new RandomFormulas(99L, List.of("a", "b", "c", "d"), false);
    Random random = new Random(5);
    Random shapes = new Random(17);
    LtlCompiler compiler = new LtlCompiler(new ProgressionLtlTranslator(), extractor);
    int compiled = 0;
    int withOrder = 0;
    int withConflict = 0;
    for (int i = 0; compiled < 120 && i < 20_000; i++) {
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
          if (c.anchored()) {
            // Formulas that constrain the first instant or need an idle instant between two.
            assertTrue(c.automaton().accepts(PosetSampling.anchoredWord(p, t)),
                () -> text + "\n" + p);
            continue;
          }
          assertTrue(c.automaton().accepts(p.word(t)), () -> text + "\n" + p);
          assertTrue(c.automaton().accepts(PosetSampling.sparseWord(p, t)), () -> text + "\n" + p);
        }
      }
    }
    assertEquals(120, compiled);
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

  @ParameterizedTest
  @MethodSource("extractors")
  void unorderedWhenEveryInterleavingWorksOrderedOtherwise(PosetExtractor extractor) {
    PosetExtraction e = extract(extractor, "<> a && <> (b && <> c)");
    RPoset p = assertInstanceOf(PosetExtraction.Posets.class, e).alternatives().get(0);
    assertEquals(3, p.size());
    assertEquals(1, p.order().size());
  }

  @ParameterizedTest
  @MethodSource("extractors")
  void simultaneousPropositionsFormOneSubtask(PosetExtractor extractor) {
    RPoset p = ((PosetExtraction.Posets) extract(extractor, "<> (a && b)")).alternatives().get(0);
    assertEquals(1, p.size());
    assertEquals(Guard.require("a", "b"), p.subtask(0).enabling());
  }

  @ParameterizedTest
  @MethodSource("extractors")
  void disjunctionGivesAlternatives(PosetExtractor extractor) {
    List<RPoset> alts = ((PosetExtraction.Posets) extract(extractor, "<> a || <> (b && <> c)"))
        .alternatives();
    assertEquals(Set.of("a"), alts.get(0).subtask(0).propositions());
    // Another alternative is b then c; runs where b was superfluous may add more.
    assertTrue(alts.stream().anyMatch(p -> p.size() == 2
        && p.subtask(0).propositions().equals(Set.of("b"))
        && p.subtask(1).propositions().equals(Set.of("c")) && p.precedes(0, 1)), alts::toString);
  }

  @ParameterizedTest
  @MethodSource("extractors")
  void fixedInstantsHaveNoPoset(PosetExtractor extractor) {
    assertInstanceOf(PosetExtraction.NoPoset.class, extract(extractor, "a U b && X c"));
    assertInstanceOf(PosetExtraction.NoPoset.class, extract(extractor, "<> a && !a"));
  }

  private static PosetExtraction extract(PosetExtractor extractor, String text) {
    CoSafetyVerdict.CoSafe c =
        (CoSafetyVerdict.CoSafe) CoSafetyCheck.check(LtlParser.parseWithColumns(text));
    GoodPrefixAutomaton dfa = new ProgressionLtlTranslator().translate(c.positiveNormalForm());
    return extractor.extract(dfa);
  }

  @Test
  void downsetExtractorKeepsManyIndependentSubtasksUnordered() {
    String text = "<> a1 && <> a2 && <> a3 && <> a4 && <> a5 && <> a6 && <> a7 && <> a8";
    List<RPoset> alts = ((PosetExtraction.Posets) extract(new DownsetPosetExtractor(), text))
        .alternatives();
    assertEquals(1, alts.size());
    assertEquals(8, alts.get(0).size());
    assertTrue(alts.get(0).order().isEmpty() && alts.get(0).conflicts().isEmpty());
  }

  @Test
  void downsetExtractorAllowsSimultaneityWhereFIncludesThePresent() {
    String text = "<> (a && <> (b && <> c)) && <> (d && !b)";
    RPoset p = ((PosetExtraction.Posets) extract(new DownsetPosetExtractor(), text))
        .alternatives().get(0);
    assertEquals(4, p.size());
    assertEquals(3, p.order().size(), "a before b before c, d free");
    int d = p.subtasks().stream().filter(s -> s.propositions().contains("d")).findFirst()
        .orElseThrow().id();
    int b = p.subtasks().stream().filter(s -> s.propositions().contains("b")).findFirst()
        .orElseThrow().id();
    assertTrue(p.conflicts(d, b), "d needs !b at its instant");
    assertEquals(Set.of("b"), p.subtask(d).enabling().negative());
  }
}
