package dev.flotilla.ltl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.poset.Guard;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.ltl.poset.Subtask;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sc-LTL formulas φ1–φ9 of Table A2 of seed 003 (the smart track field), written as printed.
 * The region placeholders of φ6–φ9 are instantiated: i = f2 for φ6, i = t6 and j = t7 for φ7,
 * i = r4 for φ8, i = r2 for φ9. φ6 is written with the parentheses its description implies,
 * (!Vo_i && !Re_i) U gi_i ("referee and volunteer stay out until the illness is removed").
 */
public class TableA2FormulasTest {

  /** φ1–φ9 as used by the tests (also by the product tests). */
  public static final List<String> PHI = List.of(
      "<> sw_r1 && <> sw_r2 && <> (dc_t3 && <> (om_t3 && <> sa_t3))",
      "<> (dc_t4 && !om_t4 && <> om_t2) && <> dc_t5 && <> sf_r3",
      "<> (dc_t3 && <> sb_r1 && <> sb_r2 && <> sb_r3) && <> (om_t3 && <> sa_t9)",
      "<> (dc_f4 && !Do_f4 && (<> om_f7 && !Do_f7))",
      "<> sa_f1 && <> sb_f1",
      "<> (di_f2 && !gi_f2 && <> gi_f2) && ((!Vo_f2 && !Re_f2) U gi_f2)",
      "<> (dc_t6 && !om_t6 && <> (om_t6 && <> sa_t7))",
      "<> sf_r4",
      "<> sw_r2");

  private static final LtlCompiler COMPILER = new LtlCompiler();

  /** The compiled formula φ_k (1-based). */
  public static LtlCompilation.Compiled phi(int k) {
    return assertInstanceOf(LtlCompilation.Compiled.class, COMPILER.compile(PHI.get(k - 1)),
        "φ" + k + " must compile");
  }

  /** The id of the subtask whose σ makes exactly these propositions true. */
  static int id(RPoset p, String... props) {
    Set<String> wanted = new TreeSet<>(List.of(props));
    int found = -1;
    for (Subtask s : p.subtasks()) {
      if (s.propositions().equals(wanted)) {
        assertEquals(-1, found, "two subtasks for " + wanted + " in " + p);
        found = s.id();
      }
    }
    assertTrue(found >= 0, "no subtask " + wanted + " in " + p);
    return found;
  }

  private static Set<String> labels(RPoset p) {
    Set<String> out = new TreeSet<>();
    for (Subtask s : p.subtasks()) {
      out.addAll(s.propositions());
    }
    return out;
  }

  @Test
  void allNineParseAndAreCoSafe() {
    for (int k = 1; k <= 9; k++) {
      LtlCompilation.Compiled c = phi(k);
      assertFalse(c.posets().isEmpty());
      for (RPoset p : c.posets()) {
        double[] inOrder = new double[p.size()];
        // Every R-poset's own canonical word must be a good prefix of its formula.
        int[] rank = topologicalRanks(p);
        for (int s = 0; s < p.size(); s++) {
          inOrder[s] = rank[s];
        }
        assertTrue(c.automaton().accepts(p.word(inOrder)), "φ" + k + ": " + p);
      }
    }
  }

  private static int[] topologicalRanks(RPoset p) {
    int[] rank = new int[p.size()];
    for (int s = 0; s < p.size(); s++) {
      rank[s] = p.predecessors(s).size() * p.size() + s;
    }
    return rank;
  }

  @Test
  void phi1SupplyWaterTwiceAndDisperseOfficiateStatistics() {
    LtlCompilation.Compiled c = phi(1);
    assertEquals(1, c.posets().size());
    RPoset p = c.posets().get(0);
    assertEquals(Set.of("dc_t3", "om_t3", "sa_t3", "sw_r1", "sw_r2"), labels(p));
    int dc = id(p, "dc_t3");
    int om = id(p, "om_t3");
    int sa = id(p, "sa_t3");
    int sw1 = id(p, "sw_r1");
    int sw2 = id(p, "sw_r2");
    assertTrue(p.precedes(dc, om) && p.precedes(om, sa) && p.precedes(dc, sa));
    assertEquals(3, p.order().size(), "the water supplies are unordered");
    assertTrue(p.predecessors(sw1).isEmpty() && p.predecessors(sw2).isEmpty());
    assertTrue(p.conflicts().isEmpty(), "F includes the present: dc and om may coincide");
  }

  @Test
  void phi2NegatedOfficiatingGuardsTheDispersal() {
    RPoset p = phi(2).posets().get(0);
    assertEquals(4, p.size());
    int dc4 = id(p, "dc_t4");
    assertEquals(Guard.of(Set.of("dc_t4"), Set.of("om_t4")), p.subtask(dc4).enabling());
    assertTrue(p.precedes(dc4, id(p, "om_t2")));
    assertEquals(1, p.order().size());
  }

  @Test
  void phi3DispersalBeforeEveryBrineSupply() {
    RPoset p = phi(3).posets().get(0);
    assertEquals(6, p.size());
    int dc = id(p, "dc_t3");
    for (String sb : List.of("sb_r1", "sb_r2", "sb_r3")) {
      assertEquals(Set.of(dc), p.predecessors(id(p, sb)), sb);
    }
    assertEquals(Set.of(id(p, "om_t3")), p.predecessors(id(p, "sa_t9")));
    assertEquals(4, p.order().size());
  }

  @Test
  void phi4KeepsTheSportDoctorOut() {
    RPoset p = phi(4).posets().get(0);
    int dc = id(p, "dc_f4");
    assertEquals(Set.of("Do_f4", "Do_f7"), p.subtask(dc).enabling().negative());
    assertTrue(p.precedes(dc, id(p, "om_f7")));
  }

  @Test
  void phi5TwoIndependentSubtasks() {
    RPoset p = phi(5).posets().get(0);
    assertEquals(Set.of("sa_f1", "sb_f1"), labels(p));
    assertTrue(p.order().isEmpty() && p.conflicts().isEmpty());
  }

  @Test
  void phi6DiagnoseThenRemoveIllnessWithVolunteersAndRefereesKeptOut() {
    List<RPoset> alternatives = phi(6).posets();
    RPoset p = alternatives.get(0);
    int di = id(p, "di_f2");
    int gi = id(p, "gi_f2");
    assertTrue(p.precedes(di, gi));
    assertTrue(p.conflicts(di, gi), "di needs !gi_f2 at its instant");
    assertEquals(Set.of("Re_f2", "Vo_f2"), p.subtask(gi).selfLoop().negative());
    assertEquals(Set.of("Re_f2", "Vo_f2"), p.subtask(di).selfLoop().negative());
    // The other run removes an illness first, then diagnoses and removes again.
    assertEquals(2, alternatives.size());
    assertEquals(3, alternatives.get(1).size());
  }

  @Test
  void phi7OrderedChainWithConflictFromTheNegation() {
    RPoset p = phi(7).posets().get(0);
    int dc = id(p, "dc_t6");
    int om = id(p, "om_t6");
    int sa = id(p, "sa_t7");
    assertTrue(p.precedes(dc, om) && p.precedes(om, sa));
    assertTrue(p.conflicts(dc, om));
    assertFalse(p.conflicts(om, sa));
  }

  @Test
  void phi8AndPhi9AreSingleSubtasks() {
    assertEquals(Set.of("sf_r4"), labels(phi(8).posets().get(0)));
    assertEquals(Set.of("sw_r2"), labels(phi(9).posets().get(0)));
    assertEquals(1, phi(9).posets().get(0).size());
  }
}
