package dev.flotilla.ltl.poset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.TableA2FormulasTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Definition 3 of seed 003: products of the Table A2 R-posets, offline and online. */
class PosetProductTest {

  private final PosetProduct product = new PosetProduct(8);

  private static RPoset first(int k) {
    return TableA2FormulasTest.phi(k).posets().get(0);
  }

  private static int idOf(RPoset p, String prop) {
    for (Subtask s : p.subtasks()) {
      if (s.propositions().equals(Set.of(prop))) {
        return s.id();
      }
    }
    throw new AssertionError(prop + " not in " + p);
  }

  @Test
  void offlineProductOfPhi1ToPhi5IsSoundForEveryFormula() {
    List<List<RPoset>> perFormula = new ArrayList<>();
    List<LtlCompilation.Compiled> compiled = new ArrayList<>();
    for (int k = 1; k <= 5; k++) {
      compiled.add(TableA2FormulasTest.phi(k));
      perFormula.add(compiled.get(k - 1).posets());
    }
    List<RPoset> members = product.productAll(perFormula);
    assertFalse(members.isEmpty());
    // φ1 and φ3 share om_t3 and dc_t3: the merged member needs fewer executions.
    assertEquals(5 + 4 + 6 + 2 + 2 - 2, members.get(0).size());
    Random random = new Random(11);
    for (RPoset m : members) {
      for (int k = 0; k < 100; k++) {
        double[] t = PosetSampling.admitted(m, random);
        for (LtlCompilation.Compiled c : compiled) {
          assertTrue(c.automaton().accepts(m.word(t)), () -> c.text() + "\n" + m);
          assertTrue(c.automaton().accepts(PosetSampling.sparseWord(m, t)), c.text());
        }
      }
    }
  }

  @Test
  void mergedAndDisjointMembersWithIdMap() {
    RPoset p1 = first(1);
    List<ProductPoset> members = product.product(p1, first(9));
    assertEquals(2, members.size());
    ProductPoset merged = members.get(0);
    assertEquals(p1.size(), merged.poset().size());
    assertEquals(List.of(idOf(p1, "sw_r2")), merged.rightIds());
    ProductPoset disjoint = members.get(1);
    assertEquals(p1.size() + 1, disjoint.poset().size());
    assertEquals(List.of(p1.size()), disjoint.rightIds());
    for (int i = 0; i < p1.size(); i++) {
      assertEquals(p1.subtask(i), disjoint.poset().subtask(i), "P1 ids keep their meaning");
    }
  }

  @Test
  void onlineFormulaNeverMergesIntoExecutedSubtasks() {
    RPoset p1 = first(1);
    int sw2 = idOf(p1, "sw_r2");
    List<ProductPoset> members = product.product(p1, Set.of(sw2), first(9));
    assertEquals(1, members.size(), "only the disjoint member remains");
    assertEquals(List.of(p1.size()), members.get(0).rightIds());
    assertEquals(p1.order(), members.get(0).poset().order());
  }

  @Test
  void selfLoopOfPhi6OrdersAVolunteerVisitAfterTheIllnessIsRemoved() {
    RPoset p6 = first(6);
    RPoset visit = TableA2FormulasTest.phi(8).posets().get(0);
    RPoset volunteer = new RPoset(
        List.of(new Subtask(0, Guard.require("Vo_f2"), Guard.TRUE)), Set.of(), Set.of());
    ProductPoset p = product.product(p6, volunteer).get(0);
    int vo = p.rightIds().get(0);
    assertTrue(p.poset().precedes(idOf(p6, "gi_f2"), vo));
    assertTrue(p.poset().precedes(idOf(p6, "di_f2"), vo));
    assertTrue(product.product(p6, visit).get(0).poset().order().equals(p6.order()),
        "unrelated subtasks add no order");
  }

  @Test
  void mutuallyForbiddingSubtasksHaveNoProduct() {
    RPoset left = new RPoset(
        List.of(new Subtask(0, Guard.require("a"), Guard.of(Set.of(), Set.of("b")))),
        Set.of(), Set.of());
    RPoset right = new RPoset(
        List.of(new Subtask(0, Guard.require("b"), Guard.of(Set.of(), Set.of("a")))),
        Set.of(), Set.of());
    assertTrue(product.product(left, right).isEmpty());
  }
}
