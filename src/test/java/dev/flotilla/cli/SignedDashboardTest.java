package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * With {@code security: enforce} the dashboard's forms go through the same signed path as the
 * CLI: the page's requests are signed as {@code --identity}, and the planner's refusal of anyone
 * else is the answer the page shows; a missing key is one sentence, exit 2, before serving.
 */
class SignedDashboardTest {
  private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
  @TempDir Path dir;
  private final NodeFixture f = new NodeFixture();
  private final HttpClient http = HttpClient.newHttpClient();

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
    new PlannerNode(new NodeContext("planner", "/", security.secure(f.bus, "planner", f.clock),
        f.clock, Runnable::run), PlannerParams.read(plannerReader)).start();
    new AllocatorNode(new NodeContext("allocator", "/",
        security.secure(f.bus, "allocator", f.clock), f.clock, Runnable::run),
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

  /** A running dashboard command and its address. */
  private record Served(Thread thread, String url) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  private Served serve(String... args) throws InterruptedException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread t = new Thread(() -> {
      CommandLine cli = FlotillaCli.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      cli.execute(args);
    });
    t.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && t.isAlive()) {
      Matcher m = URL.matcher(out.toString());
      if (m.find()) {
        return new Served(t, m.group(1));
      }
      Thread.sleep(50);
    }
    t.interrupt();
    throw new AssertionError("the dashboard did not start: " + out + err);
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageSignsAsTheOperatorAndOthersAreRefusedWithTheReason() throws Exception {
    Path file = securedFleet();
    try (Served s = serve("dashboard", "--port", "0", "--params", file.toString(),
        "--timeout", "0.3")) {
      HttpResponse<String> r = post(s.url() + "api/tasks", "{\"id\":\"t1\",\"x\":1,\"y\":1}");
      assertEquals(200, r.statusCode(), r.body());
      r = post(s.url() + "api/robots/r1/pause", "{}");
      assertEquals(200, r.statusCode(), r.body());
    }
    try (Served s = serve("dashboard", "--port", "0", "--params", file.toString(),
        "--identity", "intruder", "--timeout", "0.3")) {
      HttpResponse<String> r = post(s.url() + "api/tasks", "{\"id\":\"t2\",\"x\":1,\"y\":1}");
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("the planner refused the message: unknown_sender"),
          r.body());
    }
    CommandLine cli = FlotillaCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    assertEquals(2, cli.execute("dashboard", "--port", "0", "--params", file.toString(),
        "--identity", "nobody"));
    assertTrue(err.toString().startsWith("flotilla: The key directory")
        && err.toString().contains("'nobody'"), err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
  }
}
