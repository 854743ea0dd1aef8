package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with a foreign DDS over real RTPS: a C program built now against Debian's CycloneDDS
 * (IDL generated from msg/, compiled with idlc and gcc) plays three robots, late-joins the
 * allocation topic, then silences one robot. Under CI=true a missing toolchain fails the test.
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

  @BeforeAll
  static void buildPeer() throws Exception {
    peer = CyclonePeer.build("fleet_peer.c");
  }

  @Test
  void lateJoinerGetsThePlanAndTheFailedRobotsWorkMoves() throws Exception {
    int domain = 200 + (int) (ProcessHandle.current().pid() % 30);
    RosParamsFile params = RosParamsFile.parse("interop.yaml", PARAMS);
    List<String> lines;
    try (NodeHost host = new NodeHost(true)) {
      for (String node : List.of("synchronizer", "allocator", "planner")) {
        host.start(NodeHost.spec(node, params, "/"), domain);
      }
      // Peer: DOMAIN FAIL_ROBOT FAIL_AT_S LATE_JOIN_AT_S RUN_S
      Process p = CyclonePeer.process(peer, String.valueOf(domain), "r2", "9", "6", "15")
          .start();
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(40, TimeUnit.SECONDS), "peer hung");
      assertEquals(0, p.exitValue(), out);
      lines = out.lines().toList();
    }
    String all = String.join("\n", lines);

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
