package dev.flotilla.ltl.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void semicolonsEndLettersAndCommasSeparatePropositions() {
    assertEquals(List.of(Set.of("a"), Set.of("b", "c")), Words.parse("a;b,c;"));
    assertEquals(List.of(Set.of("a"), Set.of("b", "c")), Words.parse("a; b , c"));
    assertEquals(List.of(Set.of("a"), Set.of()), Words.parse("a;;"));
    assertEquals(List.of(Set.of()), Words.parse(";"));
    assertEquals(List.of(), Words.parse(""));
  }

  @Test
  void badPropositionNamesTheColumn() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Words.parse("a;b,9x"));
    assertTrue(e.getMessage().startsWith("column 5:"), e.getMessage());
  }
}
