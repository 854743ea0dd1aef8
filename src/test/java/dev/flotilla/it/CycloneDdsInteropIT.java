package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.it.CyclonePeer.Discovery;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.DiscoveryOptions;
import dev.flotilla.ros.QosProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interop with a foreign DDS over real RTPS, for each of ROS 2's discovery settings: a C program
 * built now against Debian's CycloneDDS (IDL generated from msg/, compiled with idlc and gcc),
 * configured as rmw_cyclonedds configures itself for the setting, plays three robots against
 * {@code flotilla up} started with the same ROS 2 environment variables. It late-joins the
 * allocation topic, then silences one robot. With discovery OFF, neither side may discover the
 * other. Multicast stays on loopback on both sides (see CyclonePeer.LOOPBACK_URI). Under CI=true a missing toolchain fails the test.
 */
class CycloneDdsInteropIT {
  static final double TIMEOUT = 1.0;
  static final String PARAMS = """
      /**:
        ros__parameters:
          robots:
            r1: {x: 0.0, y: 0.0}
            r2: {x: 4.0, y: 0.0}
            r3: {x: 0.0, y: 4.0}
      synchronizer:
        ros__parameters:
          heartbeat_timeout: 1.0
          check_period: 0.02
      allocator:
        ros__parameters:
          algorithm: potential_game
      """;
  static Path peer;
  @TempDir Path dir;

  @BeforeAll
  static void buildPeer() throws Exception {
    peer = CyclonePeer.build("fleet_peer.c");
  }

  @ParameterizedTest
  @EnumSource(Discovery.class)
  void lateJoinerGetsThePlanAndTheFailedRobotsWorkMoves(Discovery mode) throws Exception {
    int domain = 200 + (int) (ProcessHandle.current().pid() % 30);
    Path params = Files.writeString(dir.resolve("interop.yaml"), PARAMS);
    List<String> lines;
    AtomicInteger heartbeats = new AtomicInteger();
    // Flotilla's side twice: the three nodes in their own process, and a watcher in this JVM
    // whose discovery options come from the same variables.
    try (FlotillaProcess up = new FlotillaProcess(dir, mode.flotillaEnv(), "up", "--params",
        params.toString(), "--domain-id", String.valueOf(domain));
        DdsBus watcher = new DdsBus("it_watcher", "/", domain,
            DiscoveryOptions.fromEnvironment(mode.flotillaEnv()))) {
      watcher.subscribe("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.SENSOR_DATA,
          hb -> heartbeats.incrementAndGet());
      assertTrue(up.awaitErr("running; press Ctrl-C to stop", 60), up.err());
      // Peer: DOMAIN FAIL_ROBOT FAIL_AT_S LATE_JOIN_AT_S RUN_S; with discovery OFF the run is
      // the bounded wait for a discovery that must not happen.
      String[] args = mode.discovers ? new String[] {"r2", "9", "6", "15"}
          : new String[] {"r2", "6", "3", "8"};
      Process p = CyclonePeer.process(peer, mode, String.valueOf(domain), args[0], args[1],
          args[2], args[3]).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(40, TimeUnit.SECONDS), "peer hung");
      assertEquals(0, p.exitValue(), out);
      lines = out.lines().toList();
      assertTrue(up.process.isAlive(), "flotilla up died:\n" + up.err());
    }
    String all = String.join("\n", lines) + "\nheartbeats at the watcher: " + heartbeats.get();
    int remote = lines.stream().filter(l -> l.contains(" PARTICIPANTS remote="))
        .mapToInt(l -> Integer.parseInt(l.substring(l.indexOf('=', l.indexOf("remote")) + 1)))
        .findFirst().orElse(-1);
    System.out.println(mode + ": the Cyclone peer discovered " + remote
        + " participant(s); the Flotilla watcher heard " + heartbeats.get() + " heartbeat(s)");

    if (!mode.discovers) {
      assertEquals(0, remote, "Cyclone discovered a participant with discovery OFF:\n" + all);
      assertEquals(0, heartbeats.get(), "Flotilla heard the Cyclone peer with discovery OFF");
      assertFalse(all.contains(" ALLOCATION "), all);
      return;
    }
    // up's three nodes and the watcher
    assertTrue(remote >= 4, "Cyclone discovered " + remote + " participants:\n" + all);
    assertTrue(heartbeats.get() > 0, "the watcher heard no heartbeat:\n" + all);

    int lateJoin = indexOf(lines, "LATE_JOIN");
    assertTrue(lateJoin >= 0, all);
    String latched = lines.subList(lateJoin, lines.size()).stream()
        .filter(l -> l.contains(" ALLOCATION ")).findFirst().orElse(null);
    assertNotNull(latched, "the late joiner got no transient-local Allocation:\n" + all);
    Map<String, String> plans = plans(latched);
    assertEquals("t1", plans.get("r1"), latched);
    assertEquals("t2", plans.get("r2"), latched);
    assertEquals("t3", plans.get("r3"), latched);

    Pattern failover = Pattern.compile(".* REASSIGNMENT version=\\d+ previous=\\d+ cause=1 "
        + "subject=r2 affected=(\\S+) moves=(\\S+) since_silence=([0-9.]+)");
    Matcher m = lines.stream().map(failover::matcher).filter(Matcher::matches).findFirst()
        .orElse(null);
    assertNotNull(m, "no robot_failed Reassignment reached the peer:\n" + all);
    assertTrue(List.of(m.group(1).split(",")).contains("r2"), m.group(0));
    assertTrue(m.group(2).matches("t2:-r2\\+r[13]"), "t2 must move from r2: " + m.group(0));
    double sinceSilence = Double.parseDouble(m.group(3));
    assertTrue(sinceSilence <= TIMEOUT + 2.0,
        "reassignment " + sinceSilence + " s after silence, more than 2 s past the timeout");
  }

  private static int indexOf(List<String> lines, String token) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(token)) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, String> plans(String allocationLine) {
    String plans = allocationLine.substring(allocationLine.indexOf("plans=") + 6).trim();
    Map<String, String> out = new java.util.HashMap<>();
    for (String robot : plans.split(";")) {
      String[] kv = robot.split(":", -1);
      out.put(kv[0], kv[1]);
    }
    return out;
  }
}
