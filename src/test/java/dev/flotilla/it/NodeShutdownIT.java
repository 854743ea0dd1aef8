package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.it.CyclonePeer.Discovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Node processes stop cleanly: after matching a foreign CycloneDDS peer, {@code flotilla up},
 * {@code flotilla sim}, {@code flotilla node} and {@code flotilla bag record} exit with status 0
 * and leave no JVM crash log on SIGINT (Ctrl-C, and what {@code ros2 launch} sends first) and on
 * SIGTERM: one round per command and signal (8 in all; raise {@link #ROUNDS} to hunt a crash in
 * DDS teardown that does not show every time — earlier sessions ran three rounds each, clean).
 */
class NodeShutdownIT {
  static final int ROUNDS = 1;
  static final String PARAMS = CycloneDdsInteropIT.PARAMS;
  static Path peer;
  static final List<String> seen = new ArrayList<>();
  @TempDir Path dir;

  @BeforeAll
  static void buildPeer() throws Exception {
    peer = CyclonePeer.build("fleet_peer.c");
  }

  @AfterAll
  static void report() {
    System.out.println("shutdown rounds (command signal round: exit status):");
    seen.forEach(System.out::println);
  }

  static Stream<Arguments> rounds() {
    List<Arguments> out = new ArrayList<>();
    for (String command : List.of("up", "sim", "node allocator", "bag record")) {
      for (String signal : List.of("INT", "TERM")) {
        for (int round = 1; round <= ROUNDS; round++) {
          out.add(Arguments.of(command, signal, round));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} SIG{1} round {2}")
  @MethodSource("rounds")
  void exitsZeroWithoutCrashLogAfterMatchingCyclone(String command, String signal, int round)
      throws Exception {
    int domain = 170 + (int) (ProcessHandle.current().pid() % 25);
    Path params = Files.writeString(dir.resolve("shutdown.yaml"), PARAMS);
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    if (command.equals("bag record")) {
      args.addAll(List.of("-o", dir.resolve("bag").toString()));
    } else {
      args.addAll(List.of("--params", params.toString()));
    }
    args.addAll(List.of("--domain-id", String.valueOf(domain)));
    Map<String, String> env = Map.of("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST",
        "FLOTILLA_DDS_INTERFACES", "127.0.0.1");
    // Peer: DOMAIN FAIL_ROBOT FAIL_AT_S LATE_JOIN_AT_S RUN_S; no robot fails, it joins the
    // allocation topic at once and outlives the round.
    Path peerLog = dir.resolve("peer.log");
    Process p = CyclonePeer.process(peer, Discovery.LOCALHOST, String.valueOf(domain), "r9",
        "999", "0", "90").redirectOutput(peerLog.toFile()).start();
    try (FlotillaProcess node = new FlotillaProcess(dir, env, args.toArray(String[]::new))) {
      String ready = command.equals("bag record") ? null
          : command.equals("sim") ? "press Ctrl-C to stop" : "running; press Ctrl-C to stop";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline && node.process.isAlive()
          && !(ready == null ? node.out().contains("Recording") : node.err().contains(ready))) {
        Thread.sleep(100);
      }
      assertTrue(node.process.isAlive(), command + " died early:\n" + node.err());
      // Matched: the Cyclone peer discovered the node's participant(s); then give endpoint
      // matching and traffic (for up: the peer's tasks and the allocation back) a moment.
      boolean matched = false;
      while (System.nanoTime() < deadline && !matched) {
        matched = read(peerLog).contains("DISCOVERED");
        Thread.sleep(100);
      }
      Thread.sleep(2000);

      new ProcessBuilder("kill", "-" + signal, String.valueOf(node.process.pid())).start()
          .waitFor();
      assertTrue(node.process.waitFor(30, TimeUnit.SECONDS),
          command + " did not stop on SIG" + signal + ":\n" + node.err());
      int status = node.process.exitValue();
      synchronized (seen) {
        seen.add(command + " SIG" + signal + " " + round + ": " + status);
      }
      p.destroy();
      assertTrue(matched, "the Cyclone peer never discovered " + command + ":\n"
          + read(peerLog) + "\n" + node.err());
      List<Path> crashLogs;
      try (Stream<Path> files = Files.list(dir)) {
        crashLogs = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid"))
            .toList();
      }
      assertEquals(List.of(), crashLogs, "JVM crash log after SIG" + signal + ":\n"
          + node.out() + node.err());
      assertFalse(node.out().contains("A fatal error has been detected"), node.out());
      assertEquals(0, status, command + " exit status on SIG" + signal + "; log:\n" + node.err());
      assertFalse(node.err().contains("Exception"), node.err());
    } finally {
      p.destroyForcibly();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
