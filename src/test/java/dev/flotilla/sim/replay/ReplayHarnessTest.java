package dev.flotilla.sim.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.BagFilter;
import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.StorageId;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.ros.params.RosParamsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deterministic replay harness on the shipped demo session: golden output byte for byte,
 * repeatable, sensitive to the allocator's parameters, and faithful to the decisions the live
 * session recorded.
 */
class ReplayHarnessTest {
  /** Simulated start of the shipped session: 2023-11-14T22:13:20Z, a multiple of 20 ms. */
  static final long START = 1_700_000_000_000_000_000L;

  @TempDir Path tmp;

  static Path fixtures() {
    return Path.of(System.getProperty("flotilla.root", "."), "src", "test", "resources",
        "replay");
  }

  static Path bag() {
    return fixtures().resolve("demo_session");
  }

  static String paramsText() throws IOException {
    return Files.readString(fixtures().resolve("demo_session.yaml"));
  }

  static ReplayResult replay(String paramsYaml) throws IOException {
    try (BagReader r = BagReader.open(bag())) {
      return new ReplayHarness(RosParamsFile.parse("demo_session.yaml", paramsYaml), "/", 0)
          .replay(r);
    }
  }

  @Test
  void replayEqualsTheGoldenOutputByteForByte() throws IOException {
    byte[] golden = Files.readAllBytes(fixtures().resolve("demo_session.golden.jsonl"));
    byte[] out = replay(paramsText()).text().getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(golden, out, () -> "replay differs from the golden output:\n"
        + new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void replayingTwiceGivesIdenticalBytes() throws IOException {
    ReplayResult a = replay(paramsText());
    ReplayResult b = replay(paramsText());
    assertEquals(a.text(), b.text());
    assertEquals(a.fed(), b.fed());
    assertEquals(a.ticks(), b.ticks());
  }

  @Test
  void theGreedyAllocatorDecidesDifferently() throws IOException {
    String p = paramsText();
    String greedy = p.replace("algorithm: potential_game", "algorithm: greedy");
    assertNotEquals(p, greedy);
    assertNotEquals(replay(p).text(), replay(greedy).text());
  }

  @Test
  void aDifferentDistanceWeightChangesTheOutput() throws IOException {
    String p = paramsText();
    String beta = p.replace("beta: 0.001", "beta: 5.0");
    assertNotEquals(p, beta);
    assertNotEquals(replay(p).text(), replay(beta).text());
  }

  @Test
  void replayReproducesTheDecisionsRecordedInTheSession() throws IOException {
    ReplayResult replayed = replay(paramsText());
    List<String> recorded = new ArrayList<>();
    MessageJsonLines json = new MessageJsonLines();
    try (BagReader r = BagReader.open(bag())) {
      for (Iterator<BagMessage> it = r.messages(BagFilter.topics("/flotilla/allocation",
          "/flotilla/reassignment")); it.hasNext(); ) {
        BagMessage m = it.next();
        recorded.add(json.line(m.logTimeNanos(), m.topic(), m.topic().endsWith("allocation")
            ? Allocation.TYPE : Reassignment.TYPE, m.data()));
      }
    }
    assertTrue(recorded.size() >= 4, "the session has too few plans: " + recorded.size());
    assertEquals(recorded, replayed.lines());
  }

  @Test
  void feedsInputsAndSkipsTheNodesOwnEvents() throws IOException {
    ReplayResult r = replay(paramsText());
    assertTrue(r.fed().get("/flotilla/heartbeat") > 100, r.fed().toString());
    assertTrue(r.fed().get("/r1/odom") > 100, r.fed().toString());
    assertEquals(6L, r.fed().get("/flotilla/tasks"), r.fed().toString());
    assertTrue(r.fed().get("/flotilla/events") > 0, "robots' task events are inputs");
    assertTrue(r.skipped().keySet().stream().anyMatch(k -> k.equals(
        "/flotilla/events: published by the synchronizer itself")), r.skipped().toString());
    assertTrue(r.text().contains("\"subject\":\"r2\""), "r2's failure is replayed");
    long period = 20_000_000L;
    assertEquals(Math.floorDiv(r.endNanos(), period) - Math.floorDiv(r.startNanos(), period),
        r.ticks(), "one synchronizer tick per 20 ms multiple of simulated time");
    assertTrue(r.endNanos() - r.startNanos() > 10_000_000_000L, "a session of > 10 s");
  }

  @Test
  void theSessionRecorderIsDeterministicToo() throws IOException {
    Path again = tmp.resolve("again");
    SimulatedSession.record(RosParamsFile.parse("demo_session.yaml", paramsText()), again,
        StorageId.MCAP, START);
    try (BagReader shipped = BagReader.open(bag()); BagReader fresh = BagReader.open(again)) {
      Iterator<BagMessage> a = shipped.messages(BagFilter.all());
      Iterator<BagMessage> b = fresh.messages(BagFilter.all());
      long n = 0;
      while (a.hasNext() && b.hasNext()) {
        BagMessage x = a.next();
        BagMessage y = b.next();
        assertEquals(x.topic(), y.topic(), "message " + n);
        assertEquals(x.logTimeNanos(), y.logTimeNanos(), "message " + n);
        assertArrayEquals(x.data(), y.data(), "message " + n + " on " + x.topic());
        n++;
      }
      assertEquals(a.hasNext(), b.hasNext(), "message counts differ after " + n);
    }
  }

  @Test
  void inputsOfAnotherTypeAreSkippedAndNamed() throws IOException {
    Path odd = tmp.resolve("odd");
    try (BagWriter w = BagWriter.open(odd, StorageId.MCAP)) {
      w.write("/flotilla/heartbeat", "std_msgs/msg/String",
          dev.flotilla.msgs.std_msgs.String.TYPE.encode(
              new dev.flotilla.msgs.std_msgs.String("r1")), START);
    }
    try (BagReader r = BagReader.open(odd)) {
      ReplayResult res = new ReplayHarness(RosParamsFile.parse("p.yaml", paramsText()), "/", 0)
          .replay(r);
      assertEquals("", res.text());
      assertTrue(res.skipped().containsKey(
          "/flotilla/heartbeat: type std_msgs/msg/String is not the expected one"),
          res.skipped().toString());
    }
  }

  @Test
  void anEmptyBagGivesNoOutput() throws IOException {
    Path empty = tmp.resolve("empty");
    BagWriter.open(empty, StorageId.MCAP).close();
    try (BagReader r = BagReader.open(empty)) {
      ReplayResult res = new ReplayHarness(RosParamsFile.parse("p.yaml", paramsText()), "/", 0)
          .replay(r);
      assertEquals("", res.text());
    }
  }

  /**
   * Regenerates the shipped session and its golden output; run deliberately with
   * {@code -Dflotilla.replay.regenerate=true} after a change to the nodes' decisions, and review
   * the golden diff.
   */
  @Test
  @EnabledIfSystemProperty(named = "flotilla.replay.regenerate", matches = "true")
  void regenerateFixture() throws IOException {
    Path bag = bag();
    if (Files.exists(bag)) {
      try (var s = Files.list(bag)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
    }
    SimulatedSession.Result r = SimulatedSession.record(
        RosParamsFile.parse("demo_session.yaml", paramsText()), bag, StorageId.MCAP, START);
    System.out.println("session: " + r);
    Files.writeString(fixtures().resolve("demo_session.golden.jsonl"), replay(paramsText())
        .text());
  }
}
