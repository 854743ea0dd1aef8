package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.it.CyclonePeer.Discovery;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.DiscoveryOptions;
import dev.flotilla.ros.service.DdsParameterServices;
import dev.flotilla.ros.service.ParameterService;
import dev.flotilla.ros.service.ServiceTypeHashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ros2 param} against running Flotilla nodes (issue #12 item 5), played by a C program
 * built now against Debian's CycloneDDS and configured as Jazzy's rmw_cyclonedds is for
 * ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST: it calls the parameter services on their
 * {@code rq/…Request} and {@code rr/…Reply} topics with rmw_cyclonedds' request header, as
 * rmw_cyclonedds' client does. Against the synchronizer and the allocator of {@code flotilla up}
 * it lists, gets, describes, sets a live parameter (applied, answered and announced on
 * {@code /parameter_events}), sets it with the wrong type and sets a read-only one (both refused
 * with the reason), and the nodes keep running. Before that, malformed requests (too short for
 * the header; a forged sequence length) are sent from this JVM: counted and logged, and the node
 * answers the peer afterwards. The service round trip is measured and printed, never asserted.
 */
class ParameterServicesIT {
  static final String PARAMS = """
      /**:
        ros__parameters:
          robots:
            r1: {x: 0.0, y: 0.0}
      synchronizer:
        ros__parameters:
          heartbeat_timeout: 1.0
      """;
  static Path peer;
  @TempDir Path dir;

  @BeforeAll
  static void buildPeer() throws Exception {
    peer = CyclonePeer.build("param_client_peer.c", "param_services.idl");
  }

  @Test
  void rosParamListsGetsSetsAndIsRefusedWithReasons() throws Exception {
    Discovery mode = Discovery.LOCALHOST;
    int domain = 230 + (int) (ProcessHandle.current().pid() % 3);
    Path params = Files.writeString(dir.resolve("params.yaml"), PARAMS);
    String sync;
    String alloc;
    try (FlotillaProcess up = new FlotillaProcess(dir, mode.flotillaEnv(), "up", "--params",
        params.toString(), "--domain-id", String.valueOf(domain))) {
      assertTrue(up.awaitErr("running; press Ctrl-C to stop", 60), up.err());
      sendMalformedRequests(mode, domain, up);
      sync = call(mode, domain, "synchronizer", "heartbeat_timeout", "2.5", "check_period");
      alloc = call(mode, domain, "allocator", "rebalance_threshold", "0.3", "alpha");
      assertTrue(up.process.isAlive(), "flotilla up died:\n" + up.err());
      assertTrue(up.err().contains("parameter heartbeat_timeout set to 2.5"), up.err());
      assertTrue(up.err().contains("parameter change refused"), up.err());
    }
    System.out.println("ParameterServicesIT: synchronizer\n" + sync + "allocator\n" + alloc);
    System.out.println("ParameterServicesIT: service round trip (get_parameters, Cyclone C "
        + "client, loopback): " + line(sync, "latency ") + "; " + line(alloc, "latency "));

    assertTrue(line(sync, "list synchronizer names=").contains("heartbeat_timeout"), sync);
    assertTrue(line(sync, "list synchronizer names=").contains("use_sim_time"), sync);
    assertEquals("get heartbeat_timeout type=3 value=1", line(sync, "get heartbeat_timeout"));
    assertEquals("get no_such_parameter type=0 value=0", line(sync, "get no_such_parameter"));
    assertEquals("describe heartbeat_timeout read_only=0 type=3",
        line(sync, "describe heartbeat_timeout"));
    assertEquals("describe check_period read_only=1 type=3", line(sync, "describe check_period"));
    assertEquals("set live heartbeat_timeout successful=1 reason=",
        line(sync, "set live ").strip());
    assertEquals("set wrong_type heartbeat_timeout successful=0 reason=synchronizer."
        + "heartbeat_timeout is a double, not an integer.", line(sync, "set wrong_type "));
    assertTrue(line(sync, "set read_only ").startsWith("set read_only check_period "
        + "successful=0 reason=synchronizer.check_period is read-only"), sync);
    assertTrue(sync.contains("get heartbeat_timeout type=3 value=2.5"), sync);
    assertEquals("event node=/synchronizer changed=heartbeat_timeout value=2.5",
        line(sync, "event "));

    assertEquals("set live rebalance_threshold successful=1 reason=",
        line(alloc, "set live ").strip());
    assertTrue(line(alloc, "set read_only ").contains("allocator.alpha is read-only"), alloc);
    assertEquals("event node=/allocator changed=rebalance_threshold value=0.3",
        line(alloc, "event "));
  }

  /**
   * Bad input over the wire, before the peer's calls: a payload too short for a request header
   * (refused unanswered) and a header followed by a forged sequence length (an error reply). Both
   * are counted and logged; the node keeps serving (the peer's calls follow).
   */
  private static void sendMalformedRequests(Discovery mode, int domain, FlotillaProcess up)
      throws Exception {
    try (DdsBus fuzzer = new DdsBus("param_fuzzer", "/", domain,
        DiscoveryOptions.fromEnvironment(mode.flotillaEnv()))) {
      ParameterService set = ParameterService.SET_PARAMETERS;
      Bus.Publisher<byte[]> requests = fuzzer.rawDdsPublisher(
          set.requestTopic("synchronizer", "/"), set.requestDdsType(),
          ServiceTypeHashes.of(set).request(), DdsParameterServices.SERVICE_QOS, 1024);
      byte[] shortPayload = {0, 1, 0, 0, 1, 2, 3, 4};
      byte[] forgedLength = {0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0,
          (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!(up.err().contains("no readable request header")
          && up.err().contains("request did not decode")) && System.nanoTime() < deadline) {
        requests.publish(shortPayload);
        requests.publish(forgedLength);
        Thread.sleep(200);
      }
    }
    assertTrue(up.err().contains("no readable request header"), up.err());
    assertTrue(up.err().contains("request did not decode"), up.err());
    assertTrue(up.process.isAlive(), up.err());
  }

  private String call(Discovery mode, int domain, String node, String live, String value,
      String readOnly) throws Exception {
    Process p = CyclonePeer.process(peer, mode, String.valueOf(domain), node, live, value,
        readOnly, "60").start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "peer hung");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("done"), out);
    return out;
  }

  private static String line(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line '" + prefix + "…' in:\n" + out));
  }
}
