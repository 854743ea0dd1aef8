package dev.flotilla.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputBacklogTest {
  private final InputBacklog b = new InputBacklog();

  @Test
  void aConstantClockOffsetIsNoBacklog() {
    b.heard("r1", 100.0, 3.0);
    b.heard("r1", 100.1, 3.1);
    assertEquals(0, b.endInterval(), 1e-9);
  }

  @Test
  void heartbeatsArrivingLaterThanUsualShowTheBacklog() {
    b.heard("r1", 10.0, 10.01);
    b.heard("r2", 10.0, 10.02);
    b.endInterval();
    b.heard("r1", 11.0, 11.51);
    b.heard("r2", 11.0, 11.62);
    assertEquals(0.5, b.endInterval(), 1e-9, "the freshest heartbeat was 0.5 s late");
  }

  @Test
  void oneLateOrLyingRobotCannotInflateIt() {
    b.heard("r1", 10.0, 10.0);
    b.heard("r2", 10.0, 10.0);
    b.endInterval();
    b.heard("r1", 0.0, 11.0);
    b.heard("r2", 11.0, 11.0);
    assertEquals(0, b.endInterval(), 1e-9);
  }

  @Test
  void anEmptyIntervalHasNoBacklogAndARestartedRobotGetsANewBaseline() {
    assertEquals(0, b.endInterval(), 1e-9);
    b.heard("r1", 10.0, 10.0);
    b.forget("r1");
    b.heard("r1", 500.0, 11.0);
    b.heard("r1", 501.0, 12.0);
    assertEquals(0, b.endInterval(), 1e-9);
  }
}
