package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.it.CyclonePeer.Discovery;
import dev.flotilla.msgs.GeneratedTypes;
import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.DiscoveryOptions;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.service.ParameterService;
import dev.flotilla.ros.service.ServiceTypeHashes;
import dev.flotilla.typehash.TypeHashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Jazzy ROS 2 tool sees of Flotilla over real RTPS: a C program built now against
 * Debian's CycloneDDS, configured as rmw_cyclonedds is for ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST,
 * reads the built-in publication and subscription topics and {@code ros_discovery_info} while
 * {@code flotilla up} runs. Every Flotilla endpoint must carry {@code typehash=RIHS01_...;} in
 * its USER_DATA, equal to the hash {@link TypeHashes} computes for its type (issue #12 item 3),
 * and the planner, allocator and synchronizer (and a node in a namespace, as an agent runs) must be
 * announced as nodes whose reader and writer GIDs are exactly the endpoints the peer discovered on
 * their participants (item 4, what {@code ros2 node list} and {@code ros2 node info} show). The
 * namespaced node is the regression test of the graph writer's partition: ihmc-ros2-library put
 * it in a DDS partition named after the namespace, where no rmw reader matched it. The peer waits
 * for the graph with generous bounds; nothing here is timed.
 */
class RosGraphInteropIT {
  static final String PARAMS = """
      /**:
        ros__parameters:
          robots:
            r1: {x: 0.0, y: 0.0}
      """;
  /** std_msgs/msg/String's hash in Jazzy (rosidl's std_msgs/msg/String.json). */
  static final String JAZZY_STRING_HASH =
      "RIHS01_df668c740482bbd48fb39d76a70dfd4bd59db1288021743503259e948f6b1a18";
  /** up's three nodes, and one in a namespace as an agent runs. */
  static final List<String> NODES = List.of("planner", "allocator", "synchronizer", "agent_r9");
  static Path peer;
  @TempDir Path dir;

  @BeforeAll
  static void buildPeer() throws Exception {
    peer = CyclonePeer.build("graph_peer.c");
  }

  record Endpoint(String kind, String topic, String type, String gid, String participant,
      String userData) {}

  record Node(String participant, String namespace, String name, Set<String> writers,
      Set<String> readers) {}

  @Test
  void endpointsCarryTypeHashesAndNodesListTheirEndpoints() throws Exception {
    Discovery mode = Discovery.LOCALHOST;
    int domain = 100 + (int) (ProcessHandle.current().pid() % 20);
    Path params = Files.writeString(dir.resolve("graph.yaml"), PARAMS);
    String out;
    try (FlotillaProcess up = new FlotillaProcess(dir, mode.flotillaEnv(), "up", "--params",
        params.toString(), "--domain-id", String.valueOf(domain));
        DdsBus agent = new DdsBus("agent_r9", "/fleet_a", domain,
            DiscoveryOptions.fromEnvironment(mode.flotillaEnv()))) {
      // A node in a namespace, as an agent runs: one writer, one reader.
      agent.publisher("/fleet_a/r9/goal_pose", PoseStamped.TYPE, QosProfile.DEFAULT);
      agent.subscribe("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED, a -> { });
      assertTrue(up.awaitErr("running; press Ctrl-C to stop", 60), up.err());
      // DOMAIN MIN_NODES SETTLE_S MAX_S
      Process p = CyclonePeer.process(peer, mode, String.valueOf(domain), "4", "3", "120")
          .start();
      out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(150, TimeUnit.SECONDS), "peer hung");
      assertEquals(0, p.exitValue(), out);
      assertTrue(up.process.isAlive(), "flotilla up died:\n" + up.err());
    }
    List<Endpoint> endpoints = endpoints(out);
    List<Node> nodes = nodes(out);
    System.out.println("RosGraphInteropIT: the Cyclone peer saw " + endpoints.size()
        + " Flotilla endpoints and " + nodes.size() + " nodes:\n" + out);
    assertTrue(out.contains(" unresolved=0"), "node GIDs the peer never discovered:\n" + out);

    Map<String, Node> byName = new HashMap<>();
    for (Node n : nodes) {
      byName.put(n.name(), n);
    }
    // Other programs may share the domain on this machine: only these nodes' endpoints count.
    Set<String> ours = new HashSet<>();
    for (String name : NODES) {
      assertNotNull(byName.get(name), "node " + name + " not announced:\n" + out);
      ours.add(byName.get(name).participant());
    }
    endpoints = endpoints.stream().filter(e -> ours.contains(e.participant())).toList();

    // Item 3: every endpoint's USER_DATA is rmw's typehash entry with our computed hash.
    Map<String, String> expected = expectedHashes();
    assertFalse(endpoints.isEmpty(), out);
    for (Endpoint e : endpoints) {
      String hash = expected.get(e.type());
      assertNotNull(hash, "no generated type for " + e.type() + " on " + e.topic());
      assertEquals("typehash=" + hash + ";", e.userData(), e.kind() + " " + e.topic());
    }
    assertTrue(endpoints.stream().anyMatch(e -> e.topic().equals("rt/flotilla/allocation")
        && e.kind().equals("pub")), out);
    // And not only our own computation: std_msgs/String's is the hash rosidl generated in Jazzy.
    assertTrue(endpoints.stream().anyMatch(e -> e.type().equals("std_msgs::msg::dds_::String_")
        && e.userData().equals("typehash=" + JAZZY_STRING_HASH + ";")), out);

    // Item 4: the three nodes, each listing exactly its participant's discovered endpoints
    // (the participant's own ros_discovery_info writer excepted, as in rmw).
    for (String name : NODES) {
      Node n = byName.get(name);
      assertEquals(name.equals("agent_r9") ? "/fleet_a" : "/", n.namespace(), name);
      Set<String> writers = new HashSet<>();
      Set<String> readers = new HashSet<>();
      for (Endpoint e : endpoints) {
        if (e.participant().equals(n.participant()) && !e.topic().equals("ros_discovery_info")) {
          (e.kind().equals("pub") ? writers : readers).add(e.gid());
        }
      }
      assertFalse(writers.isEmpty(), name + " has no writer:\n" + out);
      assertEquals(writers, n.writers(), name + "'s writers");
      assertEquals(readers, n.readers(), name + "'s readers");
    }
    assertTrue(endpoints.stream().anyMatch(e -> e.topic().equals("ros_discovery_info")), out);
  }

  /** The hash of each generated type by its DDS name, as {@link TypeHashes} computes it. */
  static Map<String, String> expectedHashes() {
    MessageDefinitions bundled = MessageDefinitions.bundled();
    Map<String, String> out = new HashMap<>();
    for (MessageType<?> t : GeneratedTypes.ALL) {
      out.put(t.ddsName(), TypeHashes.ofSchema(t.rosName(), t.definition(), bundled::spec));
    }
    // Each node's parameter services: request and reply advertise their messages' hashes.
    for (ParameterService s : ParameterService.values()) {
      out.put(s.requestDdsType(), ServiceTypeHashes.of(s).request());
      out.put(s.replyDdsType(), ServiceTypeHashes.of(s).response());
    }
    return out;
  }

  static List<Endpoint> endpoints(String out) {
    Pattern p = Pattern.compile("ENDPOINT kind=(\\S+) topic=(\\S+) type=(\\S+) gid=(\\S+) "
        + "participant=(\\S+) durability=\\d userdata=(.*)");
    return out.lines().map(p::matcher).filter(Matcher::matches)
        .map(m -> new Endpoint(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5),
            m.group(6)))
        .toList();
  }

  static List<Node> nodes(String out) {
    Pattern p = Pattern.compile("NODE participant=(\\S+) ns=(\\S+) name=(\\S+) writers=(\\S*) "
        + "readers=(\\S*)");
    return out.lines().map(p::matcher).filter(Matcher::matches)
        .map(m -> new Node(m.group(1), m.group(2), m.group(3), gids(m.group(4)),
            gids(m.group(5))))
        .toList();
  }

  private static Set<String> gids(String list) {
    return list.isEmpty() ? Set.of() : Set.of(list.split(","));
  }
}
