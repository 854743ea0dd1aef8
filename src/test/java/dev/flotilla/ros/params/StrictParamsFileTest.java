package dev.flotilla.ros.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: parameter YAML that Jackson misread is refused with the file, line and key —
 * aliases (which became the anchor's name as a string), duplicate keys (the second silently won)
 * and misspelt node sections (ignored, so the node ran on defaults) — and unreadable files are
 * one sentence.
 */
class StrictParamsFileTest {

  private static ParamsException refused(String yaml, String... parts) {
    ParamsException e = assertThrows(ParamsException.class,
        () -> RosParamsFile.parse("fleet.yaml", yaml));
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing in: " + e.getMessage());
    }
    return e;
  }

  @Test
  void aliasIsRefusedNotReadAsTheAnchorsName() {
    refused("""
        /**:
          ros__parameters:
            journal_dir: &journal /var/lib/flotilla
        allocator:
          ros__parameters:
            state_dir: *journal
        """, "fleet.yaml: line 6: ", "allocator.state_dir", "*journal",
        "aliases are not supported");
  }

  @Test
  void mergeKeyAliasIsRefused() {
    refused("""
        /**:
          ros__parameters: &shared
            discover_robots: true
        allocator:
          ros__parameters:
            <<: *shared
        """, "fleet.yaml: line 6: ", "*shared");
  }

  @Test
  void anAliasBombIsRefusedAtItsFirstAlias() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      yaml.append(("*a" + (i - 1) + ", ").repeat(9)).append("x]\n");
    }
    refused(yaml.toString(), "fleet.yaml: line 2: ", "*a0");
  }

  @Test
  void anchorWithoutAliasIsHarmless() {
    RosParamsFile f = RosParamsFile.parse("fleet.yaml",
        "allocator:\n  ros__parameters:\n    alpha: &a 0.5\n");
    assertEquals(0.5, f.forNode("/", "allocator").number("alpha", 0, 0, 1));
  }

  @Test
  void duplicateRobotIsRefusedWithBothLines() {
    refused("""
        /**:
          ros__parameters:
            robots:
              r1: {x: 1.0}
              r2: {x: 2.0}
              r1: {x: 3.0}
        """, "fleet.yaml: line 6: ", "/**.robots.r1 appears twice (first at line 4)");
  }

  @Test
  void duplicateNodeSectionIsRefused() {
    refused("""
        allocator:
          ros__parameters: {alpha: 0.1}
        allocator:
          ros__parameters: {alpha: 0.2}
        """, "fleet.yaml: line 3: ", "allocator appears twice (first at line 1)");
  }

  @Test
  void dottedAndNestedSpellingsOfOneKeyAreRefused() {
    refused("""
        allocator:
          ros__parameters:
            robots.r1.x: 1.0
            robots: {r1: {x: 2.0}}
        """, "allocator.robots.r1.x is written twice");
  }

  @Test
  void misspeltNodeSectionIsRefusedWithItsLine() {
    refused("""
        /**:
          ros__parameters: {discover_robots: true}
        allocatr:
          ros__parameters: {alpha: 0.1}
        """, "fleet.yaml: line 3: ", "'allocatr' is not a node Flotilla runs");
  }

  @Test
  void namespacedAndSlashedKnownSectionsAreAccepted() {
    RosParamsFile f = RosParamsFile.parse("fleet.yaml", """
        /fleet_a/allocator:
          ros__parameters: {alpha: 0.3}
        /sim:
          ros__parameters: {}
        /fleet_a/**:
          ros__parameters: {use_sim_time: true}
        """);
    assertEquals(0.3, f.forNode("/fleet_a", "allocator").number("alpha", 0, 0, 1));
  }

  @Test
  void bareAndSlashedSpellingsOfOneNodeMerge() {
    RosParamsFile f = RosParamsFile.parse("fleet.yaml", """
        allocator:
          ros__parameters: {alpha: 0.3}
        /allocator:
          ros__parameters: {beta: 0.4}
        """);
    ParamReader r = f.forNode("/", "allocator");
    assertEquals(0.3, r.number("alpha", 0, 0, 1));
    assertEquals(0.4, r.number("beta", 0, 0, 1));
  }

  @Test
  void missingFileIsOneSentence(@TempDir Path dir) {
    Path f = dir.resolve("nope.yaml");
    ParamsException e = assertThrows(ParamsException.class, () -> RosParamsFile.load(f));
    assertEquals(f + ": the parameter file does not exist.", e.getMessage());
  }

  @Test
  void directoryIsOneSentence(@TempDir Path dir) {
    ParamsException e = assertThrows(ParamsException.class, () -> RosParamsFile.load(dir));
    assertEquals(dir + ": is a directory, not a parameter file.", e.getMessage());
  }

  @Test
  void binaryFileIsOneSentence(@TempDir Path dir) throws Exception {
    Path f = Files.write(dir.resolve("bin.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    ParamsException e = assertThrows(ParamsException.class, () -> RosParamsFile.load(f));
    assertEquals(f + ": the parameter file is not UTF-8 text.", e.getMessage());
  }
}
