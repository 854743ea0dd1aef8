package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.cli.FlotillaCli;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.sim.SimulatedRobot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The operator's shell over real DDS (issue 14): the three nodes as {@code flotilla up} runs them
 * (one participant each, loopback), three simulated robots with Flotilla's agent, and the
 * {@code flotilla task|fleet|robot|plan} commands, each joining the domain on its own
 * participant as a user's shell would: submit, list, cancel (and its no-ops), pause and resume,
 * a planner's rejection, and an unreachable domain.
 */
class CockpitIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int domain = 216 + (int) (ProcessHandle.current().pid() % 8);
  private String out;
  private String err;

  private int cli(String... args) {
    CommandLine cli = FlotillaCli.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cli.setOut(new PrintWriter(o));
    cli.setErr(new PrintWriter(e));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--localhost-only", "--params",
        FlotillaProcess.root().resolve("params/fleet.yaml").toString()));
    if (!all.contains("--domain-id")) {
      all.addAll(List.of("--domain-id", Integer.toString(domain)));
    }
    int code = cli.execute(all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  private JsonNode task(String id) throws Exception {
    assertEquals(0, cli("task", "list", "--json"), err);
    for (JsonNode t : JSON.readTree(out).path("tasks")) {
      if (t.path("id").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("task " + id + " not listed: " + out);
  }

  private JsonNode robot(String id) throws Exception {
    assertEquals(0, cli("fleet", "status", "--json"), err);
    for (JsonNode r : JSON.readTree(out).path("robots")) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("robot " + id + " not listed: " + out);
  }

  @Test
  void anOperatorSubmitsListsCancelsPausesAndResumesOverDds() throws Exception {
    Path params = FlotillaProcess.root().resolve("params/fleet.yaml");
    RosParamsFile file = RosParamsFile.load(params);
    List<NodeHost.NodeSpec> specs = List.of(NodeHost.spec("synchronizer", file, "/"),
        NodeHost.spec("allocator", file, "/"), NodeHost.spec("planner", file, "/"));
    List<RobotSpec> fleet = ((AllocatorParams) specs.get(1).params()).fleet().robots();
    try (NodeHost host = new NodeHost(true);
        DdsBus robotsBus = new DdsBus("it_cockpit_robots", "/", domain, true)) {
      specs.forEach(s -> host.start(s, domain));
      List<SimulatedRobot> robots = new ArrayList<>();
      for (RobotSpec r : fleet) {
        robots.add(new SimulatedRobot(r, file, robotsBus, NodeClock.SYSTEM, "/"));
      }
      Thread ticker = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          robots.forEach(r -> r.tick(0.05));
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "it-cockpit-robots");
      ticker.start();
      try {
        // Submit: a far site, so the robot is still on its way when it is cancelled.
        assertEquals(0, cli("task", "submit", "--id", "far", "--at", "9,9", "--duration", "60"),
            err);
        assertTrue(out.contains("task far accepted"), out);
        JsonNode far = task("far");
        assertTrue(List.of("assigned", "running").contains(far.path("state").asText()), far
            .toString());
        String farRobot = far.path("robots").get(0).asText();

        // Cancel, and the clear no-ops.
        assertEquals(0, cli("task", "cancel", "far", "--reason", "site closed"), err);
        assertTrue(out.contains("cancel of far accepted") && out.contains("robots told: "
            + farRobot), out);
        assertEquals("cancelled", task("far").path("state").asText());
        assertEquals(2, cli("task", "cancel", "far"));
        assertTrue(err.contains("already cancelled"), err);
        assertEquals(2, cli("task", "cancel", "ghost"));
        assertTrue(err.contains("task 'ghost' is unknown"), err);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (robot(farRobot).path("currentTask").asText().equals("far")
            && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        assertNotEquals("far", robot(farRobot).path("currentTask").asText(),
            "the robot's step ended");

        // Pause a robot with work: the work moves; resume it.
        assertEquals(0, cli("task", "submit", "--id", "near", "--at", "1,1", "--duration",
            "60"), err);
        String nearRobot = task("near").path("robots").get(0).asText();
        assertEquals(0, cli("robot", "pause", nearRobot, "--reason", "new wheels"), err);
        assertTrue(out.contains("[near] reassigned"), out);
        assertEquals("paused", robot(nearRobot).path("state").asText());
        JsonNode moved = task("near");
        assertEquals(1, moved.path("robots").size(), moved.toString());
        assertNotEquals(nearRobot, moved.path("robots").get(0).asText());
        assertEquals(2, cli("robot", "pause", nearRobot));
        assertTrue(err.contains("already paused"), err);
        assertEquals(0, cli("robot", "resume", nearRobot), err);
        assertEquals("alive", robot(nearRobot).path("state").asText());

        // The planner's own rejection: an LTL formula that is not co-safe.
        assertEquals(2, cli("task", "submit", "--id", "phi_bad", "--formula", "[] a"));
        assertTrue(err.startsWith("flotilla: task phi_bad rejected: "), err);

        assertEquals(0, cli("plan", "show"), err);
        assertTrue(out.contains("near"), out);
      } finally {
        ticker.interrupt();
        ticker.join(5000);
      }
    }
    // Nobody on this domain: one sentence, exit 2.
    assertEquals(2, cli("task", "list", "--timeout", "2", "--domain-id",
        Integer.toString(domain + 8)));
    assertTrue(err.contains("No Flotilla fleet answered on domain " + (domain + 8)), err);
  }
}
