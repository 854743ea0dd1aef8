package dev.flotilla.ltl.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.CompileLimits;
import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.LtlCompiler;
import dev.flotilla.ltl.poset.PosetSampling;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.ltl.syntax.FormulaPrinter;
import dev.flotilla.ltl.syntax.LtlParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The poset-product compiler (conjuncts over disjoint propositions compiled apart, R-posets
 * multiplied) against the monolithic automaton over all propositions, on seeded random
 * conjunctions: same verdict, same accepted language on sampled words, and every word the product
 * R-posets admit is a good prefix of the monolithic automaton. Spin is a third opinion where the
 * formula has at most four propositions (skipped without Spin unless CI=true, as in {@link
 * SpinCrossCheckTest}).
 */
class ConjunctionProductDifferentialTest {

  private static final List<String> PROPS = List.of("a", "b", "c", "d", "e", "f");

  @Test
  void productAndMonolithicAutomataAcceptTheSameWords() throws Exception {
    Path spin = SpinCrossCheckTest.findSpin().orElse(null);
    if (spin == null && "true".equals(System.getenv("CI"))) {
      spin = SpinCrossCheckTest.requireSpin();
    }
    Random random = new Random(2026);
    LtlCompiler product = new LtlCompiler(CompileLimits.DEFAULT);
    LtlCompiler whole = new LtlCompiler(CompileLimits.DEFAULT.withSplit(false));
    int split = 0;
    int bySpin = 0;
    int rejected = 0;
    for (int i = 0; i < 60; i++) {
      String text = conjunction(random);
      LtlCompilation p = product.compile(text);
      LtlCompilation m = whole.compile(text);
      if (m instanceof LtlCompilation.Rejected mr) {
        LtlCompilation.Rejected pr = assertInstanceOf(LtlCompilation.Rejected.class, p, text);
        assertEquals(mr.problem(), pr.problem(), text);
        rejected++;
        continue;
      }
      LtlCompilation.Compiled pc = assertInstanceOf(LtlCompilation.Compiled.class, p,
          () -> text + ": the monolithic automaton compiles it, the product says " + p);
      LtlCompilation.Compiled mc = (LtlCompilation.Compiled) m;
      List<String> props = new ArrayList<>(new TreeSet<>(LtlParser.parse(text).propositions()));
      split += LtlCompiler.automatonCount(pc.automaton()) > 1 ? 1 : 0;
      List<List<Set<String>>> words = words(random, props);
      for (List<Set<String>> w : words) {
        assertEquals(mc.automaton().accepts(w), pc.automaton().accepts(w),
            () -> text + ", word " + w);
      }
      for (RPoset poset : pc.posets()) {
        for (int k = 0; k < 8; k++) {
          double[] t = PosetSampling.admitted(poset, random);
          List<Set<String>> w = pc.anchored() ? PosetSampling.anchoredWord(poset, t)
              : PosetSampling.sparseWord(poset, t);
          assertTrue(mc.automaton().accepts(w), () -> text + "\n" + poset);
          if (!pc.anchored()) {
            assertTrue(mc.automaton().accepts(poset.word(t)), () -> text + "\n" + poset);
          }
        }
      }
      if (spin != null && props.size() <= 4) {
        List<Set<String>> alphabet = RandomFormulas.alphabet(props);
        SpinNeverClaim negation = SpinNeverClaim.parse(SpinCrossCheckTest.runSpin(spin,
            "!(" + FormulaPrinter.toSpin(LtlParser.parse(text)) + ")"));
        for (List<Set<String>> w : words) {
          assertEquals(!negation.acceptsSomeExtension(w, alphabet), pc.automaton().accepts(w),
              () -> "spin disagrees on " + text + ", word " + w);
        }
        bySpin++;
      }
    }
    assertTrue(split > 20, split + " of 60 formulas split: the sample must exercise the product");
    assertTrue(rejected < 30, rejected + " rejected");
    if (spin != null) {
      assertTrue(bySpin > 10, bySpin + " checked by spin");
    }
  }

  /** 2–4 task-shaped conjuncts, each over one or two propositions of a pool. */
  private static String conjunction(Random random) {
    int n = 2 + random.nextInt(3);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Mostly the disjoint pools {a, b}, {c, d}, {e, f}; sometimes {b, c}, which ties two.
      int pick = random.nextInt(7);
      int base = pick < 6 ? 2 * (pick % 3) : 1;
      List<String> pool = PROPS.subList(base, base + 2);
      RandomFormulas gen = new RandomFormulas(random.nextLong(), pool, false);
      parts.add("(" + gen.taskShape(random.nextInt(2)) + ")");
    }
    return String.join(" && ", parts);
  }

  /** The empty word, every one- and two-letter word over a sample of letters, random longer ones. */
  private static List<List<Set<String>>> words(Random random, List<String> props) {
    List<Set<String>> letters = new ArrayList<>();
    letters.add(Set.of());
    for (int i = 0; i < 8; i++) {
      Set<String> letter = new TreeSet<>();
      for (String p : props) {
        if (random.nextInt(3) == 0) {
          letter.add(p);
        }
      }
      letters.add(letter);
    }
    List<List<Set<String>>> out = new ArrayList<>();
    out.add(List.of());
    for (Set<String> x : letters) {
      out.add(List.of(x));
      for (Set<String> y : letters) {
        out.add(List.of(x, y));
      }
    }
    for (int i = 0; i < 60; i++) {
      List<Set<String>> w = new ArrayList<>();
      for (int k = 0; k < 2 + random.nextInt(8); k++) {
        w.add(letters.get(random.nextInt(letters.size())));
      }
      out.add(w);
    }
    assertFalse(out.isEmpty());
    return out;
  }
}
