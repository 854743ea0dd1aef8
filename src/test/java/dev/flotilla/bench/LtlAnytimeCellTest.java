package dev.flotilla.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Regression: `bench ltl` printed NaN where a planner had no plan yet at a checkpoint. */
class LtlAnytimeCellTest {
  @Test
  void aMissingFigureIsADashAndOthersKeepTheirFormat() {
    assertEquals("-", LtlAnytimeBenchmark.cell(Double.NaN, "%.1f"));
    assertEquals("-", LtlAnytimeBenchmark.cell(Double.POSITIVE_INFINITY, "%.2f"));
    assertEquals("7404.2", LtlAnytimeBenchmark.cell(7404.19, "%.1f"));
    assertEquals("3.46", LtlAnytimeBenchmark.cell(3.4567, "%.2f"));
  }
}
