package dev.flotilla.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HiccupMeterTest {
  @Test
  void onlyOvershootBeyondTheToleranceIsCounted() {
    HiccupMeter m = new HiccupMeter(0.010, 0.005, System::nanoTime, false);
    m.wokeAfter(12_000_000L);
    assertEquals(0, m.blindSeconds(), 1e-12, "2 ms of overshoot is ordinary timer slack");
    m.wokeAfter(265_000_000L);
    assertEquals(0.250, m.blindSeconds(), 1e-12, "a 255 ms stall, less the tolerance");
    m.wokeAfter(40_000_000L);
    assertEquals(0.275, m.blindSeconds(), 1e-12, "it only grows");
  }

  @Test
  void aMeterNeedsAPositiveResolutionAndNoNegativeTolerance() {
    assertThrows(IllegalArgumentException.class, () -> new HiccupMeter(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new HiccupMeter(0.01, -1));
  }
}
