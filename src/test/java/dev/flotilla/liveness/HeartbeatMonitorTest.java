package dev.flotilla.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeartbeatMonitorTest {
  private final List<Liveness> events = new ArrayList<>();

  /** A live parameter change: the new timeout decides the next poll; a bad one is refused. */
  @Test
  void aChangedTimeoutDecidesTheNextPoll() {
    HeartbeatMonitor m = new HeartbeatMonitor(1.0, List.of("r1"), false);
    m.onHeartbeat("r1", 1, 0.0, events);
    m.setTimeout(3.0);
    assertTrue(m.poll(2.0).isEmpty(), "2 s of silence is within the new 3 s timeout");
    assertEquals(1, m.poll(3.5).size());
    assertThrows(IllegalArgumentException.class, () -> m.setTimeout(0));
    assertThrows(IllegalArgumentException.class, () -> m.setTimeout(Double.NaN));
  }

  @Test
  void silentRobotFailsOnlyAfterTheTimeout() {
    HeartbeatMonitor m = new HeartbeatMonitor(1.0, List.of("r1", "r2"), false);
    m.onHeartbeat("r1", 1, 0.0, events);
    m.onHeartbeat("r2", 1, 0.0, events);
    assertEquals(2, events.size());
    assertTrue(events.stream().allMatch(e -> e.kind() == Liveness.Kind.JOINED));
    m.onHeartbeat("r1", 2, 0.9, events);
    assertTrue(m.poll(1.0).isEmpty(), "exactly at the timeout is not yet a failure");
    List<Liveness> failed = m.poll(1.05);
    assertEquals(1, failed.size());
    assertEquals("r2", failed.get(0).robotId());
    assertEquals(1.05, failed.get(0).silence(), 1e-9);
    assertTrue(m.poll(5).stream().noneMatch(e -> e.robotId().equals("r2")), "failed only once");
    assertEquals(Set.of(), m.alive());
  }

  @Test
  void robotThatSpeaksAgainIsRecoveredEvenWithARestartedSequence() {
    HeartbeatMonitor m = new HeartbeatMonitor(0.5, List.of("r1"), false);
    m.onHeartbeat("r1", 100, 0, events);
    m.poll(1.0);
    events.clear();
    assertEquals(HeartbeatVerdict.ACCEPTED, m.onHeartbeat("r1", 0, 2.0, events));
    assertEquals(List.of(new Liveness("r1", Liveness.Kind.RECOVERED, 2.0, 2.0)), events);
    assertEquals(Set.of("r1"), m.alive());
  }

  @Test
  void duplicatesAndReorderingsDoNotRefreshLiveness() {
    HeartbeatMonitor m = new HeartbeatMonitor(1.0, List.of("r1"), false);
    m.onHeartbeat("r1", 5, 0, events);
    assertEquals(HeartbeatVerdict.DUPLICATE, m.onHeartbeat("r1", 5, 0.8, events));
    assertEquals(HeartbeatVerdict.OUT_OF_ORDER, m.onHeartbeat("r1", 4, 0.9, events));
    assertEquals(1, m.poll(1.1).size(), "stale packets must not mask the failure");
  }

  @Test
  void unknownRobotsAreRejectedUnlessDiscoveryIsOn() {
    HeartbeatMonitor closed = new HeartbeatMonitor(1.0, List.of("r1"), false);
    assertEquals(HeartbeatVerdict.UNKNOWN_ROBOT, closed.onHeartbeat("x", 1, 0, events));
    assertTrue(events.isEmpty());
    HeartbeatMonitor open = new HeartbeatMonitor(1.0, List.of(), true);
    assertEquals(HeartbeatVerdict.ACCEPTED, open.onHeartbeat("x", 1, 0, events));
    assertEquals(Liveness.Kind.JOINED, events.get(0).kind());
  }

  @Test
  void robotNeverHeardFromIsNotFailed() {
    HeartbeatMonitor m = new HeartbeatMonitor(1.0, List.of("r1"), false);
    assertTrue(m.poll(100).isEmpty());
  }

  @Test
  void nonPositiveTimeoutIsMisuse() {
    assertThrows(IllegalArgumentException.class,
        () -> new HeartbeatMonitor(0, List.of(), false));
  }

  @Test
  void blindTimeWithinASilenceIsNotCountedAsSilence() {
    HeartbeatMonitor m = new HeartbeatMonitor(1.0, List.of("r1", "r2"), false);
    m.onHeartbeat("r1", 1, 0.0, events);
    m.onHeartbeat("r2", 1, 0.0, events);
    // The monitor's process could not run for 0.8 s: r1's heartbeats of that stretch were lost
    // to it, not to r1.
    m.addBlindTime(0.8);
    assertTrue(m.poll(1.5).isEmpty(), "1.5 s of silence of which 0.8 s the monitor was blind");
    List<Liveness> failed = m.poll(1.85);
    assertEquals(List.of("r1", "r2"), failed.stream().map(Liveness::robotId).toList());
    assertEquals(1.85, failed.get(0).silence(), 1e-9, "the event reports the raw silence");
  }

  @Test
  void blindTimeBeforeTheLastHeartbeatDoesNotExtendTheNextSilence() {
    HeartbeatMonitor m = new HeartbeatMonitor(1.0, List.of("r1"), false);
    m.onHeartbeat("r1", 1, 0.0, events);
    m.addBlindTime(0.9);
    m.onHeartbeat("r1", 2, 2.0, events);
    assertEquals(1, m.poll(3.05).size(), "blindness before the heartbeat is not discounted");
  }

  @Test
  void theDiscountIsAtMostOneTimeout() {
    HeartbeatMonitor m = new HeartbeatMonitor(1.0, List.of("r1"), false);
    m.onHeartbeat("r1", 1, 0.0, events);
    m.addBlindTime(50);
    assertTrue(m.poll(1.99, 30).isEmpty());
    assertEquals(1, m.poll(2.01, 30).size(),
        "a robot silent for twice the timeout is failed however starved the monitor was");
  }

  @Test
  void inputBacklogIsDiscountedAtThePoll() {
    HeartbeatMonitor m = new HeartbeatMonitor(1.0, List.of("r1"), false);
    m.onHeartbeat("r1", 1, 0.0, events);
    assertTrue(m.poll(1.3, 0.4).isEmpty(), "its heartbeats of the last 0.4 s are still queued");
    assertEquals(1, m.poll(1.3, 0.2).size());
  }

  @Test
  void negativeOrNonFiniteBlindTimeIsMisuse() {
    HeartbeatMonitor m = new HeartbeatMonitor(1.0, List.of("r1"), false);
    assertThrows(IllegalArgumentException.class, () -> m.addBlindTime(-1));
    assertThrows(IllegalArgumentException.class, () -> m.addBlindTime(Double.NaN));
    m.onHeartbeat("r1", 1, 0.0, events);
    assertEquals(1, m.poll(1.5, Double.NaN).size(), "an unknown backlog is no discount");
  }
}
