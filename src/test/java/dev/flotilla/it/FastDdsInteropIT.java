package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.DiscoveryOptions;
import dev.flotilla.ros.QosProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with a second foreign DDS over real RTPS: a C++ program built now against Debian's
 * Fast-DDS 2.9 (fastddsgen types from msg/), playing an rmw_fastrtps node (enclave and type-hash
 * USER_DATA, rt/ topics, rosidl type names), plays three robots against {@code flotilla up}: it
 * must discover Flotilla's participants, and Flotilla must take its tasks, heartbeats and
 * odometry (the planner and allocator subscribe) and deliver the resulting allocation to its
 * transient-local reader (it subscribes). Both sides stay on the loopback interface
 * (FLOTILLA_DDS_INTERFACES=127.0.0.1; the peer's UDPv4 white list), discovery range SUBNET.
 * Fast-DDS must also see every Flotilla endpoint's {@code typehash=} USER_DATA, where
 * rmw_fastrtps reads it. The peer stops once it has a complete allocation, has discovered all
 * four Flotilla participants and both heartbeat readers match, or after a generous bound; nothing
 * is timed.
 */
class FastDdsInteropIT {
  static final String PARAMS = CycloneDdsInteropIT.PARAMS;
  static Path peer;
  @TempDir Path dir;

  @BeforeAll
  static void buildPeer() throws Exception {
    peer = FastDdsPeer.build("fastdds_peer.cpp");
  }

  @Test
  void fastDdsPeerDiscoversSubscribesAndPublishes() throws Exception {
    Map<String, String> env = Map.of("FLOTILLA_DDS_INTERFACES", "127.0.0.1");
    int domain = 120 + (int) (ProcessHandle.current().pid() % 20);
    Path params = Files.writeString(dir.resolve("interop.yaml"), PARAMS);
    Path hashes = dir.resolve("type-hashes.txt");
    Files.writeString(hashes, RosGraphInteropIT.expectedHashes().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    Set<String> heardRobots = ConcurrentHashMap.newKeySet();
    String out;
    try (FlotillaProcess up = new FlotillaProcess(dir, env, "up", "--params",
        params.toString(), "--domain-id", String.valueOf(domain));
        DdsBus watcher = new DdsBus("it_watcher", "/", domain,
            DiscoveryOptions.fromEnvironment(env))) {
      watcher.subscribe("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.SENSOR_DATA,
          hb -> heardRobots.add(hb.robotId()));
      assertTrue(up.awaitErr("running; press Ctrl-C to stop", 60), up.err());
      // DOMAIN MIN_REMOTE (up's three nodes and the watcher) HB_READERS (the synchronizer's and
      // the watcher's) MAX_S
      ProcessBuilder pb = new ProcessBuilder(peer.toString(), String.valueOf(domain), "4", "2",
          "120")
          .redirectErrorStream(true);
      pb.environment().keySet().removeIf(k -> k.startsWith("ROS_") || k.startsWith("FASTRTPS")
          || k.startsWith("FASTDDS"));
      pb.environment().put("FLOTILLA_TYPE_HASHES", hashes.toString());
      Process p = pb.start();
      out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(150, TimeUnit.SECONDS), "peer hung");
      assertEquals(0, p.exitValue(), out);
      assertTrue(up.process.isAlive(), "flotilla up died:\n" + up.err());
    }
    List<String> lines = out.lines().toList();
    String all = out + "\nrobots heard by the watcher: " + heardRobots;
    System.out.println("FastDdsInteropIT:\n" + all);
    int remote = lines.stream().filter(l -> l.contains(" PARTICIPANTS remote="))
        .mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf('=') + 1))).findFirst()
        .orElse(-1);
    // up's three nodes and the watcher
    assertTrue(remote >= 4, "Fast-DDS discovered " + remote + " participants:\n" + all);
    assertTrue(out.contains(" TASKS sent=3"), all);
    String complete = lines.stream().filter(l -> l.contains(" ALLOCATION "))
        .filter(l -> l.contains("r1:t") && l.contains("r2:t") && l.contains("r3:t"))
        .findFirst().orElse(null);
    assertNotNull(complete, "no allocation giving every robot a task reached Fast-DDS:\n" + all);
    assertTrue(complete.contains("r1:t1") && complete.contains("r2:t2")
        && complete.contains("r3:t3"), complete);
    assertEquals(Set.of("r1", "r2", "r3"), heardRobots, "Flotilla heard the peer's robots");

    // What rmw_fastrtps parses: every endpoint Fast-DDS discovered carries its type hash.
    String allocationHash = RosGraphInteropIT.expectedHashes()
        .get("flotilla_msgs::msg::dds_::Allocation_");
    assertTrue(lines.stream().anyMatch(l -> l.contains(" WRITER topic=rt/flotilla/allocation ")
        && l.endsWith(" userdata=typehash=" + allocationHash + ";")), all);
    List<String> endpoints = lines.stream()
        .filter(l -> l.contains(" WRITER topic=") || l.contains(" READER topic=")).toList();
    assertTrue(endpoints.size() > 10, all);
    assertTrue(endpoints.stream().noneMatch(l -> l.endsWith(" userdata=(null)")),
        "an endpoint without a type hash:\n" + all);
  }
}
