package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * `flotilla demo` headless, each scenario: one robot failure, exits 0 (the basic one at 2x and
 * the secured one at 5x simulated time, so the suite stays short).
 */
class DemoIT {

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path out;

  @Test
  void demoReassignsTheFailedRobotsWorkAndCompletesEveryTask() throws Exception {
    try (FlotillaProcess demo = new FlotillaProcess(FlotillaProcess.root(), "demo",
        "--scenario", "basic", "--domain-id", "141", "--speed", "2", "--out", out.toString())) {
      int code = demo.waitFor(180);
      String out = demo.out();
      assertEquals(0, code, out + demo.err());
      assertTrue(out.contains("robot r2 dies"), out);
      assertTrue(out.matches("(?s).*reassignment v\\d+→v\\d+  cause robot_failed \\(r2\\).*"),
          out);
      assertTrue(out.contains("tasks completed      6"), out);
      assertTrue(out.contains("(all tasks settled)"), out);
    }
    // The self-contained report was written next to the bag.
    String html = java.nio.file.Files.readString(this.out.resolve("index.html"));
    assertTrue(html.contains("<svg") && html.contains("r2 failed"), "report without figures");
    assertTrue(!html.contains("<script") && !html.contains("http://") || html.contains(
        "xmlns=\"http://www.w3.org/2000/svg\""), "the report must be self-contained");
    // The run was recorded, and the replay harness accepts the recording.
    java.nio.file.Path bag = this.out.resolve("bag");
    try (dev.flotilla.bag.BagReader reader = dev.flotilla.bag.BagReader.open(bag)) {
      long allocations = reader.metadata().topics().stream()
          .filter(t -> t.topic().name().equals("/flotilla/allocation"))
          .mapToLong(t -> t.messageCount()).sum();
      assertTrue(allocations >= 7, "allocations recorded: " + allocations);
      var replay = new dev.flotilla.sim.replay.ReplayHarness(
          dev.flotilla.ros.params.RosParamsFile.load(FlotillaProcess.root().resolve(
              "params/scenarios/demo_basic.yaml")), "/", 1.0).replay(reader);
      assertTrue(replay.lines().size() >= 14, "replayed " + replay.lines().size() + " lines");
    }
  }

  /**
   * Issue #8: every node, robot and the operator signs; nothing genuine is refused. The basic
   * scenario with security on, five times faster than real time: the nodes follow the simulated
   * clock (the failure is still detected and its work moved).
   */
  @Test
  void theSecuredScenarioRunsFasterThanRealTimeWithAuthenticationEnforced() throws Exception {
    try (FlotillaProcess demo = new FlotillaProcess(FlotillaProcess.root(), "demo",
        "--scenario", "secured", "--domain-id", "152", "--speed", "5", "--no-record")) {
      int code = demo.waitFor(120);
      String text = demo.out();
      assertEquals(0, code, text + demo.err());
      assertTrue(text.contains("cause robot_failed (r2)"), text);
      assertTrue(text.contains("tasks completed      6"), text);
      assertTrue(text.matches("(?s).*security allocator +enforce: [1-9]\\d* signed, [1-9]\\d* "
          + "checked, 0 rejected.*"), text);
      assertTrue(text.matches("(?s).*security synchronizer +enforce: \\d+ signed, [1-9]\\d* "
          + "checked, 0 rejected.*"), text);
    }
  }

  @Test
  void theDefaultTrackFieldCase2PlansOnlineFormulasAndSettlesEveryTask() throws Exception {
    try (FlotillaProcess demo = new FlotillaProcess(FlotillaProcess.root(), "demo",
        "--domain-id", "143", "--no-record")) {
      int code = demo.waitFor(400);
      String text = demo.out();
      assertEquals(0, code, text + demo.err());
      assertTrue(text.contains("tasks completed      9"), text);
      for (String formula : java.util.List.of("phi1", "phi2", "phi3", "phi6", "phi7")) {
        assertTrue(text.matches("(?s).*event task_completed \\S+ " + formula + " .*"),
            formula + " never completed a step:\n" + text);
      }
      assertTrue(text.contains("cause robot_failed (p2)"), text);
      // Issue #14: p2 dies while it works, so its failure moves work, and the summary says what.
      assertTrue(text.matches("(?s).*robot p2 dies \\(no more heartbeats or odometry, working "
          + "on \\S+\\).*"), text);
      assertTrue(text.matches("(?s).*robot_failed \\(p2\\)  affected \\[[^]]+\\]  moves "
          + "\\[[^]]*p2[^]]*\\].*"), text);
      assertTrue(text.matches("(?s).*\\nfailure moved +[1-9]\\d*  \\[\\S+: \\[p2\\] → "
          + "\\[\\w+.*"), text);
      assertTrue(text.matches("(?s).*\\nLTL plan cost J +[0-9.]+ .*"), text);
      assertTrue(text.contains("(all tasks settled)"), text);
      // Every formula is satisfied by the word the robots actually executed.
      assertTrue(text.contains("LTL formulas satisfied by the executed steps  {phi1=true, "
          + "phi2=true, phi3=true, phi6=true, phi7=true}"), text);
    }
  }

  @Test
  void heartbeatLossAndAStuckRobotAreHandledWithoutLosingWork() throws Exception {
    try (FlotillaProcess demo = new FlotillaProcess(FlotillaProcess.root(), "demo",
        "--scenario", "faults", "--domain-id", "144", "--no-record")) {
      int code = demo.waitFor(180);
      String text = demo.out();
      assertEquals(0, code, text + demo.err());
      assertTrue(!text.contains("robot_failed r1"), "a 0.5 s blip is not a failure:\n" + text);
      assertTrue(text.contains("event robot_failed r3"), text);
      assertTrue(text.contains("event robot_recovered r3"), text);
      assertTrue(text.matches("(?s).*event task_failed r4 \\S+  goal .* not reached within 6.0 s.*"),
          text);
      assertTrue(text.contains("tasks completed      7"), "the late task too:\n" + text);
    }
  }

  @Test
  void seed001AttackScenarioReproducesThePapersStrategiesAndFaultReallocation() throws Exception {
    try (FlotillaProcess demo = new FlotillaProcess(FlotillaProcess.root(), "demo",
        "--scenario", "attack", "--domain-id", "145", "--no-record")) {
      int code = demo.waitFor(400);
      String text = demo.out();
      assertEquals(0, code, text + demo.err());
      // §4: fault-free strategies s1={T3,T4}, s2={T2,T1}, s3={T2,T3}, s4={T1,T4}.
      assertTrue(text.matches("(?s).*allocation v\\d+ +utility [0-9.]+ +A1=\\[T3\\(.\\), T4\\(.\\)\\] "
          + "A2=\\[T2\\(.\\), T1\\(.\\)\\] A3=\\[T2\\(.\\), T3\\(.\\)\\] "
          + "A4=\\[T1\\(.\\), T4\\(.\\)\\].*"), text);
      // A2 fails at 300 s: T1 goes to A1 and A4 (s1' = {T3, T4, T1}, s4' = {T4, T1}).
      assertTrue(text.contains("cause robot_failed (A2)"), text);
      assertTrue(text.matches("(?s).*robot_failed \\(A2\\)  affected \\[[^]]*\\]  moves \\[T1:\\[A2\\]→\\[A1\\]\\].*"),
          text);
      assertTrue(text.contains("tasks completed      4"), text);
    }
  }
}
