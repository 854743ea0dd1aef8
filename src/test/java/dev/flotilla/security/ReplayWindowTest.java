package dev.flotilla.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {
  @Test
  void newSequencesPassOnceAndDuplicatesFail() {
    ReplayWindow w = new ReplayWindow();
    assertTrue(w.accept(1_000));
    assertFalse(w.accept(1_000));
    assertTrue(w.accept(1_001));
    assertFalse(w.accept(1_001));
  }

  @Test
  void reorderingWithinTheWindowIsAcceptedOnce() {
    ReplayWindow w = new ReplayWindow();
    assertTrue(w.accept(100));
    assertTrue(w.accept(105));
    assertTrue(w.accept(103));
    assertTrue(w.wouldAccept(104));
    assertFalse(w.accept(103));
    assertTrue(w.accept(104));
    assertFalse(w.accept(100));
  }

  @Test
  void anythingOlderThanTheWindowIsRefused() {
    ReplayWindow w = new ReplayWindow();
    assertTrue(w.accept(10));
    assertTrue(w.accept(10 + ReplayWindow.SIZE));
    assertFalse(w.accept(10), "forgotten, so it cannot be told from a replay");
    assertTrue(w.accept(11));
    assertTrue(w.accept(1_000_000));
    assertFalse(w.accept(1_000_000 - ReplayWindow.SIZE));
    assertTrue(w.accept(1_000_000 - ReplayWindow.SIZE + 1));
  }
}
