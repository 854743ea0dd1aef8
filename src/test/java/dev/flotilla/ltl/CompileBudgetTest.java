package dev.flotilla.ltl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.automaton.ConjunctionAutomaton;
import dev.flotilla.ltl.poset.RPoset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Formulas of any practical size (issue 15 item 3, issue 16 "LTL"): conjunctions compile conjunct
 * by conjunct, every compilation has a budget and over it the formula is refused with a sentence,
 * and no formula, however long or deep, overflows the stack.
 */
class CompileBudgetTest {

  static String eventualities(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " && ").append("<> (sw_r").append(i).append(" && <> om_t")
          .append(i).append(')');
    }
    return out.toString();
  }

  static String flat(int n) {
    StringBuilder out = new StringBuilder("<> p0");
    for (int i = 1; i < n; i++) {
      out.append(" && <> p").append(i);
    }
    return out.toString();
  }

  @Test
  void sixteenEventualitiesCompileConjunctByConjunct() {
    String text = eventualities(16);
    LtlCompilation.Compiled c = assertInstanceOf(LtlCompilation.Compiled.class,
        new LtlCompiler(CompileLimits.DEFAULT).compile(text));
    ConjunctionAutomaton parts = assertInstanceOf(ConjunctionAutomaton.class, c.automaton());
    assertEquals(16, parts.parts().size());
    assertTrue(parts.stateCount() <= 16 * 4, "a few states per conjunct: " + parts.stateCount());
    RPoset p = c.posets().get(0);
    assertEquals(32, p.size());
    assertEquals(16, p.order().size(), "sw before om in each conjunct, nothing across");
    List<Set<String>> word = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      word.add(Set.of("sw_r" + i));
    }
    for (int i = 15; i >= 0; i--) {
      word.add(Set.of("om_t" + i));
    }
    assertTrue(c.automaton().accepts(word));
    assertTrue(!c.automaton().accepts(word.subList(0, 31)), "one om missing");
  }

  @Test
  void overBudgetFormulaIsRefusedWithItsSentence() {
    // Ten eventualities tied together by one conjunct over all their propositions: one group,
    // whose automaton needs 2^10 states.
    StringBuilder text = new StringBuilder("<> (p0");
    for (int i = 1; i < 10; i++) {
      text.append(" || p").append(i);
    }
    text.append(')');
    for (int i = 0; i < 10; i++) {
      text.append(" && <> p").append(i);
    }
    LtlCompilation.Rejected states = assertInstanceOf(LtlCompilation.Rejected.class,
        new LtlCompiler(new CompileLimits(64, 60_000, true)).compile(text.toString()));
    assertEquals(LtlCompilation.Problem.OVER_BUDGET, states.problem());
    assertTrue(states.reason().contains("more than 64 states"), states.reason());
    assertTrue(states.reason().contains("split the task"), states.reason());
    // One automaton over 16 propositions: refused at 2^24 transitions (64 MiB), not at 1 GiB.
    LtlCompilation.Rejected memory = assertInstanceOf(LtlCompilation.Rejected.class,
        new LtlCompiler(CompileLimits.DEFAULT.withSplit(false)).compile(flat(16)));
    assertEquals(LtlCompilation.Problem.OVER_BUDGET, memory.problem());
    assertTrue(memory.reason().contains("transitions"), memory.reason());
    LtlCompilation.Rejected time = assertInstanceOf(LtlCompilation.Rejected.class,
        new LtlCompiler(new CompileLimits(1 << 20, 1, false)).compile(flat(14)));
    assertEquals(LtlCompilation.Problem.OVER_BUDGET, time.problem());
    assertTrue(time.reason().contains("time budget"), time.reason());
  }

  /** Issue 16: a 2046-term disjunction overflowed the stack of every recursive walk. */
  @Test
  void disjunctionOf2046TermsIsASentenceNotAStackOverflow() throws Exception {
    StringBuilder or = new StringBuilder("<> p0");
    StringBuilder and = new StringBuilder("<> p0");
    for (int i = 1; i < 2046; i++) {
      or.append(" || <> p").append(i);
      and.append(" && <> p").append(i % 7);
    }
    List<String> hostile = List.of(or.toString(), and.toString(),
        "(".repeat(2046) + "a" + ")".repeat(2046), "a <-> ".repeat(2046) + "a",
        "<> (a && ".repeat(2046) + "b" + ")".repeat(2046));
    for (String text : hostile) {
      LtlCompilation.Rejected r = assertInstanceOf(LtlCompilation.Rejected.class,
          onSmallStack(text), text.substring(0, 40));
      assertTrue(r.reason().endsWith("."), r.reason());
    }
    LtlCompilation.Rejected r = assertInstanceOf(LtlCompilation.Rejected.class,
        onSmallStack(or.toString()));
    assertTrue(r.reason().contains("deeper than"), r.reason());
    // <-> doubles its operands when written out: refused before it is expanded.
    r = assertInstanceOf(LtlCompilation.Rejected.class,
        onSmallStack("(a <-> (b <-> (c <-> ".repeat(10) + "d" + ")))".repeat(10)));
    assertEquals(LtlCompilation.Problem.TOO_LARGE, r.problem());
  }

  /** Disjunctions and conjunctions as long as the parser allows walk every stage safely. */
  @Test
  void longestAcceptedChainsCompileOnASmallStack() throws Exception {
    List<String> props = List.of("a", "b", "c", "d");
    StringBuilder or = new StringBuilder("<> a");
    for (int i = 1; i < 200; i++) {
      or.append(" || <> ").append(props.get(i % 4));
    }
    assertInstanceOf(LtlCompilation.Compiled.class, onSmallStack(or.toString()));
    Set<String> many = new TreeSet<>();
    StringBuilder and = new StringBuilder("<> q0");
    for (int i = 1; i < 200; i++) {
      and.append(" && <> q").append(i % 40);
      many.add("q" + i % 40);
    }
    LtlCompilation.Compiled c =
        assertInstanceOf(LtlCompilation.Compiled.class, onSmallStack(and.toString()));
    assertEquals(40, c.posets().get(0).size(), "one subtask per distinct eventuality");
  }

  /** Compiles on a thread with a 512 KiB stack, half the usual default. */
  private static LtlCompilation onSmallStack(String text) throws InterruptedException {
    AtomicReference<Object> out = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        out.set(new LtlCompiler(CompileLimits.DEFAULT).compile(text));
      } catch (Throwable e) {
        out.set(e);
      }
    }, "small-stack", 512 * 1024);
    t.start();
    t.join();
    if (out.get() instanceof Throwable e) {
      throw new AssertionError("compiling threw " + e, e);
    }
    return (LtlCompilation) out.get();
  }
}
