package dev.flotilla.cli.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: a launch file's {@code <param from>} files are read as strictly as a node reads its
 * own (no aliases, no duplicate keys, only Flotilla's node sections), and their errors name the
 * original file and line, not the merged overlay's.
 */
class StrictParamsOverlayTest {
  @TempDir Path tmp;

  private void refused(String yaml, String... parts) throws Exception {
    Path from = Files.writeString(tmp.resolve("fleet.yaml"), yaml);
    Path target = tmp.resolve(".overlay.yaml");
    ParamsOverlay overlay = new ParamsOverlay(List.of(from), "/allocator",
        Map.of("use_sim_time", "true"), target);
    LaunchException e = assertThrows(LaunchException.class, overlay::write);
    assertTrue(e.getMessage().startsWith(from.toString()), e.getMessage());
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing in: " + e.getMessage());
    }
    assertFalse(Files.exists(target), "no overlay written");
  }

  @Test
  void aliasInAParamFromFile() throws Exception {
    refused("/**:\n  ros__parameters:\n    d: &j x\nallocator:\n  ros__parameters:\n"
        + "    state_dir: *j\n", "line 6", "*j");
  }

  @Test
  void duplicateKeyInAParamFromFile() throws Exception {
    refused("/**:\n  ros__parameters:\n    robots:\n      r1: {x: 1}\n      r1: {x: 2}\n",
        "line 5", "robots.r1 appears twice");
  }

  @Test
  void misspeltSectionInAParamFromFile() throws Exception {
    refused("allocatr:\n  ros__parameters: {alpha: 0.1}\n", "line 1", "allocatr");
  }
}
