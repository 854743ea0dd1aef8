package dev.flotilla.ltl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.poset.PosetSampling;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.ltl.poset.Subtask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two translator defects found against spin (issue 15): an R-poset alternative lost when the
 * branches of a disjunction share a proposition, and satisfiable X-free formulas rejected.
 */
class TranslatorDefectsTest {

  private static LtlCompilation.Compiled compiled(String text) {
    return assertInstanceOf(LtlCompilation.Compiled.class,
        new LtlCompiler(CompileLimits.DEFAULT).compile(text), text);
  }

  /** Each alternative as the sorted list of its subtasks' σ, e.g. [a, a && b]. */
  private static Set<List<String>> shapes(LtlCompilation.Compiled c) {
    Set<List<String>> out = new HashSet<>();
    for (RPoset p : c.posets()) {
      List<String> labels = new ArrayList<>();
      for (Subtask s : p.subtasks()) {
        labels.add(String.join(" && ", s.propositions()));
      }
      Collections.sort(labels);
      out.add(labels);
    }
    return out;
  }

  private static void everySampledWordIsAGoodPrefix(LtlCompilation.Compiled c) {
    Random random = new Random(3);
    for (RPoset p : c.posets()) {
      for (int k = 0; k < 30; k++) {
        double[] t = PosetSampling.admitted(p, random);
        if (c.anchored()) {
          assertTrue(c.automaton().accepts(PosetSampling.anchoredWord(p, t)), c.text() + p);
        } else {
          assertTrue(c.automaton().accepts(p.word(t)), c.text() + p);
          assertTrue(c.automaton().accepts(PosetSampling.sparseWord(p, t)), c.text() + p);
        }
      }
    }
  }

  /** {a, b} at one instant is one event although {a} alone already leaves the initial state. */
  @Test
  void disjunctionWhoseBranchesShareAPropositionKeepsEveryAlternative() {
    LtlCompilation.Compiled c = compiled("(<> (a && b)) || (!a U c)");
    assertEquals(Set.of(List.of("c"), List.of("a", "a && b"), List.of("a && b")), shapes(c));
    assertFalse(c.anchored());
    everySampledWordIsAGoodPrefix(c);
  }

  /** Satisfiable and X-free: a, then an instant without a, then a again. */
  @Test
  void nestedEventualityWithANegationIsAccepted() {
    LtlCompilation.Compiled c = compiled("<> (a && <> (!a && <> a))");
    assertTrue(c.anchored(), "two executions of a need an idle instant between them");
    assertEquals(Set.of(List.of("a", "a")), shapes(c));
    RPoset p = c.posets().get(0);
    assertTrue(p.conflicts(0, 1), "the two a are never at one instant");
    everySampledWordIsAGoodPrefix(c);
    assertFalse(c.automaton().accepts(List.of(Set.of("a"), Set.of("a"))));
    assertTrue(c.automaton().accepts(List.of(Set.of("a"), Set.of(), Set.of("a"))));
  }

  /** Satisfiable and X-free: b (or a until b) at the first instant, c then or later. */
  @Test
  void untilUnderAConjunctionIsAccepted() {
    LtlCompilation.Compiled c = compiled("(a U b) && <> c");
    assertTrue(c.anchored(), "the formula constrains the first instant");
    assertTrue(shapes(c).contains(List.of("b", "c")), shapes(c).toString());
    RPoset p = c.posets().get(0);
    int b = p.subtasks().stream().filter(s -> s.propositions().contains("b")).findFirst()
        .orElseThrow().id();
    int cc = 1 - b;
    assertTrue(p.precedes(b, cc), "c before b would break a U b");
    everySampledWordIsAGoodPrefix(c);
  }

  /** Formulas sound with idle letters anywhere keep that stronger guarantee. */
  @Test
  void formulasWithoutFirstInstantConstraintsAreNotAnchored() {
    assertFalse(compiled("<> a && (!a U b)").anchored());
    assertFalse(compiled("<> (a && <> b)").anchored());
  }
}
