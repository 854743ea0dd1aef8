package dev.flotilla.ltl.poset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RPosetTest {

  private static Subtask task(int id, String prop) {
    return new Subtask(id, Guard.require(prop), Guard.TRUE);
  }

  private static final RPoset CHAIN = new RPoset(
      List.of(task(0, "dc_t3"), task(1, "om_t3"), task(2, "sa_t3"), task(3, "sw_r1")),
      Set.of(new Precedence(0, 1), new Precedence(1, 2)),
      Set.of(Set.of(0, 1)));

  @Test
  void orderIsTransitivelyClosedAndHasseReducesIt() {
    assertTrue(CHAIN.precedes(0, 2));
    assertFalse(CHAIN.precedes(2, 0));
    assertFalse(CHAIN.precedes(3, 0));
    assertEquals(Set.of(0, 1), CHAIN.predecessors(2));
    assertEquals(Set.of(1, 2), CHAIN.successors(0));
    assertEquals(Set.of(new Precedence(0, 1), new Precedence(1, 2)), CHAIN.hasse());
  }

  @Test
  void admitsFollowsEquationsThreeAndFour() {
    assertTrue(CHAIN.admits(new double[] {0, 1, 1, 0}), "om and sa may start together");
    assertFalse(CHAIN.admits(new double[] {0, 0, 1, 0}), "dc and om conflict");
    assertFalse(CHAIN.admits(new double[] {1, 0, 2, 0}), "om before dc breaks the order");
    assertTrue(CHAIN.conflicts(1, 0));
    assertFalse(CHAIN.conflicts(1, 2));
  }

  @Test
  void wordGroupsSimultaneousSubtasks() {
    assertEquals(
        List.of(Set.of("dc_t3", "sw_r1"), Set.of("om_t3"), Set.of("sa_t3")),
        CHAIN.word(new double[] {0, 5, 7, 0}));
  }

  @Test
  void misuseIsRejectedWithASentence() {
    assertThrows(IllegalArgumentException.class, () -> new RPoset(
        List.of(task(0, "a"), task(1, "b")),
        Set.of(new Precedence(0, 1), new Precedence(1, 0)), Set.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new RPoset(List.of(task(1, "a")), Set.of(), Set.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new RPoset(List.of(task(0, "a")), Set.of(), Set.of(Set.of(0))));
  }

  @Test
  void actionAtRegionSplitsAtTheFirstUnderscore() {
    assertEquals(new ActionAtRegion("sw", "r1"), ActionAtRegion.parse("sw_r1").orElseThrow());
    assertEquals(new ActionAtRegion("Do", "f4"), ActionAtRegion.parse("Do_f4").orElseThrow());
    assertTrue(ActionAtRegion.parse("alone").isEmpty());
  }

  @Test
  void guardChecksLetters() {
    Guard g = Guard.of(Set.of("dc_t4"), Set.of("om_t4"));
    assertTrue(g.satisfiedBy(Set.of("dc_t4", "sw_r1")));
    assertFalse(g.satisfiedBy(Set.of("dc_t4", "om_t4")));
    assertFalse(g.and(Guard.require("om_t4")).isSatisfiable());
    assertEquals("dc_t4 && !om_t4", g.toString());
  }
}
