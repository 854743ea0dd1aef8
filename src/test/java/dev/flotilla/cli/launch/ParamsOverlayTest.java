package dev.flotilla.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParamsOverlayTest {
  @TempDir Path dir;

  @Test
  void inlineParamsOverrideTheFilesForThatNodeOnly() throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), """
        /**:
          ros__parameters:
            use_sim_time: false
            robots:
              r1: {x: 1.0}
        allocator:
          ros__parameters:
            use_sim_time: false
            alpha: 2.0
        """);
    Path b = Files.writeString(dir.resolve("b.yaml"), """
        /allocator:
          ros__parameters:
            beta: 0.5
        """);
    Path target = dir.resolve(".a.allocator.launch-1.yaml");
    ParamsOverlay overlay = new ParamsOverlay(List.of(a, b), "/allocator",
        Map.of("use_sim_time", "true", "delta", "3"), target);
    overlay.write();
    RosParamsFile file = RosParamsFile.load(target);
    ParamReader alloc = file.forNode("/", "allocator");
    assertTrue(alloc.bool("use_sim_time", false));
    assertEquals(2.0, alloc.number("alpha", 0.0, -1e9, 1e9));
    assertEquals(0.5, alloc.number("beta", 0.0, -1e9, 1e9));
    assertEquals(3.0, alloc.number("delta", 0.0, -1e9, 1e9));
    assertEquals(1.0, alloc.number("robots.r1.x", 0.0, -1e9, 1e9));
    assertFalse(file.forNode("/", "planner").bool("use_sim_time", true));
    overlay.delete();
    assertFalse(Files.exists(target));
  }

  @Test
  void inlineValuesKeepTextThatIsNotAScalar() throws Exception {
    Path target = dir.resolve("o.yaml");
    new ParamsOverlay(List.of(), "/ns/planner", Map.of("ltl_case", "case1", "x", "[1, 2]"),
        target).write();
    ParamReader p = RosParamsFile.load(target).forNode("/ns", "planner");
    assertEquals("case1", p.string("ltl_case", "", java.util.Set.of()));
    assertEquals("[1, 2]", p.string("x", "", java.util.Set.of()));
  }
}
