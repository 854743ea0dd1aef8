package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.node.AllocatorNode;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.NodeContext;
import dev.flotilla.node.NodeFixture;
import dev.flotilla.node.PlannerNode;
import dev.flotilla.node.PlannerParams;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.security.KeyDir;
import dev.flotilla.security.SecurityParams;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * With {@code security: enforce} the operator's commands sign as {@code --identity} with the key
 * of the fleet's key directory, and the planner's refusal of anyone else is the verdict.
 */
class SignedOperatorCommandsTest {
  @TempDir Path dir;
  private final NodeFixture f = new NodeFixture();
  private String out = "";
  private String err = "";

  private final Bus shared = new Bus() {
    @Override
    public <T> Publisher<T> publisher(String topic, MessageType<T> type, QosProfile qos) {
      return f.bus.publisher(topic, type, qos);
    }

    @Override
    public <T> AutoCloseable subscribe(String topic, MessageType<T> type, QosProfile qos,
        Consumer<T> handler) {
      return f.bus.subscribe(topic, type, qos, handler);
    }

    @Override
    public void close() {}
  };

  @AfterEach
  void restoreOpener() {
    OperatorOptions.opener = OperatorOptions.DDS;
  }

  private Path securedFleet() throws Exception {
    KeyDir.generate(dir.resolve("keys"), List.of("operator", "planner", "allocator",
        "synchronizer", "intruder", "r1", "r2", "r3"), false);
    String yaml = NodeFixture.FLEET.replace("/**:\n  ros__parameters:\n",
        "/**:\n  ros__parameters:\n    security:\n      mode: enforce\n      keys_dir: keys\n");
    Path file = dir.resolve("fleet.yaml");
    Files.writeString(file, yaml);
    RosParamsFile params = RosParamsFile.load(file);
    var plannerReader = params.forNode("/", "planner");
    var allocatorReader = params.forNode("/", "allocator");
    SecurityParams security = SecurityParams.read(plannerReader);
    SecurityParams.read(allocatorReader);
    Bus planner = security.secure(f.bus, "planner", f.clock);
    Bus allocator = security.secure(f.bus, "allocator", f.clock);
    new PlannerNode(new NodeContext("planner", "/", planner, f.clock, Runnable::run),
        PlannerParams.read(plannerReader)).start();
    new AllocatorNode(new NodeContext("allocator", "/", allocator, f.clock, Runnable::run),
        AllocatorParams.read(allocatorReader)).start();
    Bus.Publisher<FleetEvent> events = security.secure(f.bus, "synchronizer", f.clock)
        .publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS);
    for (String r : List.of("r1", "r2", "r3")) {
      events.publish(FleetEvent.builder().kind(FleetEvent.ROBOT_JOINED).robotId(r)
          .stepIndex(-1).source("synchronizer").build());
    }
    OperatorOptions.opener = o -> new OperatorOptions.Transport(shared, Duration.ZERO);
    return file;
  }

  private int run(String... args) {
    CommandLine cli = FlotillaCli.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cli.setOut(new PrintWriter(o));
    cli.setErr(new PrintWriter(e));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--timeout", "0.3"));
    int code = cli.execute(all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void theOperatorSignsAndOthersAreRefusedWithTheReason() throws Exception {
    Path file = securedFleet();
    assertEquals(0, run("task", "submit", "--id", "t1", "--at", "1,1", "--params",
        file.toString()), err);
    assertEquals(0, run("task", "cancel", "t1", "--params", file.toString()), err);
    assertEquals(0, run("robot", "pause", "r1", "--params", file.toString()), err);
    assertEquals(0, run("task", "list", "--params", file.toString()), err);
    assertTrue(out.matches("(?s).*t1 .*cancelled.*"), out);

    assertEquals(2, run("task", "submit", "--id", "t2", "--at", "1,1", "--params",
        file.toString(), "--identity", "intruder"));
    assertTrue(err.contains("rejected: the planner refused the message: unknown_sender: "
        + "'intruder' on /flotilla/tasks"), err);

    // Unsigned (a parameter file without security): refused as such.
    Path plain = dir.resolve("plain.yaml");
    Files.writeString(plain, NodeFixture.FLEET);
    assertEquals(2, run("task", "submit", "--id", "t3", "--at", "1,1", "--params",
        plain.toString()));
    assertTrue(err.contains("refused the message: unsigned"), err);

    assertEquals(2, run("task", "submit", "--id", "t4", "--at", "1,1", "--params",
        file.toString(), "--identity", "nobody"));
    assertTrue(err.startsWith("flotilla: The key directory") && err.contains("'nobody'"), err);
    assertEquals(2, run("task", "list", "--params", dir.resolve("missing.yaml").toString()));
    assertTrue(err.contains("does not exist"), err);
  }
}
