package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `flotilla demo` as the README runs it: headless, one robot failure, exits 0. */
class DemoIT {

  @Test
  void demoReassignsTheFailedRobotsWorkAndCompletesEveryTask() throws Exception {
    try (FlotillaProcess demo = new FlotillaProcess(FlotillaProcess.root(), "demo",
        "--domain-id", "141")) {
      int code = demo.waitFor(180);
      String out = demo.out();
      assertEquals(0, code, out + demo.err());
      assertTrue(out.contains("robot r2 dies"), out);
      assertTrue(out.matches("(?s).*reassignment v\\d+→v\\d+  cause robot_failed \\(r2\\).*"),
          out);
      assertTrue(out.contains("tasks completed      6"), out);
      assertTrue(out.contains("(all tasks settled)"), out);
    }
  }
}
