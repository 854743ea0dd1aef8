package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code flotilla launch launch/fleet.launch.xml} as users run it: three node processes start,
 * and SIGTERM to the launcher stops them all. The launcher then exits with status 143, the JVM's
 * status for a SIGTERM it handled with its shutdown hook (the hook stops the children first).
 */
class LaunchIT {
  static final List<String> STARTED =
      List.of("synchronizer watching", "allocator (", "planner accepting");

  @Test
  void fleetLaunchStartsTheThreeNodesAndStopsThemOnSigterm() throws Exception {
    Path root = FlotillaProcess.root();
    int domain = 190 + (int) (ProcessHandle.current().pid() % 8);
    try (FlotillaProcess launch = new FlotillaProcess(root, "launch", "launch/fleet.launch.xml",
        "domain_id:=" + domain)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!STARTED.stream().allMatch(launch.err()::contains) && launch.process.isAlive()
          && System.nanoTime() - deadline < 0) {
        Thread.sleep(200);
      }
      assertTrue(launch.process.isAlive(), "flotilla launch exited early:\n" + launch.err());
      assertTrue(STARTED.stream().allMatch(launch.err()::contains),
          "the nodes did not start within 90 s:\n" + launch.err());
      List<ProcessHandle> children = launch.process.descendants().toList();
      assertEquals(3, launch.process.children().count(), launch.err());
      for (String node : List.of("synchronizer", "allocator", "planner")) {
        assertTrue(launch.err().contains("[" + node + "] "), "output of " + node
            + " is not prefixed:\n" + launch.err());
      }
      assertTrue(hasOverlays(root), "use_sim_time overlays are written");

      launch.process.destroy(); // SIGTERM
      int status = launch.waitFor(30);
      assertEquals(143, status, launch.err());
      for (ProcessHandle child : children) {
        child.onExit().get(5, TimeUnit.SECONDS);
        assertFalse(child.isAlive(), "child " + child.pid() + " outlived the launcher");
      }
      assertFalse(launch.err().contains("killing it"), "a node needed SIGKILL:\n"
          + launch.err());
      assertFalse(launch.err().contains("exited with code"), launch.err());
      assertFalse(hasOverlays(root), "overlays are deleted at stop");
    }
  }

  private static boolean hasOverlays(Path root) throws Exception {
    try (Stream<Path> files = Files.list(root.resolve("params"))) {
      return files.anyMatch(p -> p.getFileName().toString()
          .matches("\\.fleet\\.[a-z]+\\.launch-\\d+\\.yaml"));
    }
  }
}
