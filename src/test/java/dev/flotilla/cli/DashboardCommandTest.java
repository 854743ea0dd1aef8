package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.NodeFixture;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code flotilla dashboard} and {@code flotilla up --dashboard} on an in-memory bus (through
 * {@link OperatorOptions#opener}): the page is served at the printed address until the command
 * is interrupted, and a bad port, address or a busy port is one sentence, exit 2, with no node
 * started and nothing sent.
 */
class DashboardCommandTest {
  private final NodeFixture f = new NodeFixture();
  private final List<TaskRequest> sentTasks = f.record("/flotilla/tasks", TaskRequest.TYPE);
  private final AtomicInteger joins = new AtomicInteger();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

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

  DashboardCommandTest() {
    OperatorOptions.opener = o -> {
      joins.incrementAndGet();
      return new OperatorOptions.Transport(shared, Duration.ZERO);
    };
  }

  @AfterEach
  void restoreOpener() {
    OperatorOptions.opener = OperatorOptions.DDS;
  }

  private int run(String... args) {
    CommandLine cli = FlotillaCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void servesThePageAtThePrintedAddressUntilInterrupted() throws Exception {
    f.bus.publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS).publish(
        FleetEvent.builder().kind(FleetEvent.ROBOT_JOINED).robotId("r1").stepIndex(-1)
            .source("synchronizer").build());
    AtomicInteger code = new AtomicInteger(-1);
    Thread t = new Thread(() -> code.set(run("dashboard", "--port", "0")));
    t.start();
    Pattern url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Matcher m = url.matcher("");
    while (System.nanoTime() < deadline && !(m = url.matcher(out.toString())).find()) {
      Thread.sleep(50);
    }
    assertTrue(m.find(0), "no address printed: " + out + err);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(m.group(1)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Flotilla"), page.body());
    HttpResponse<String> snapshot = http.send(HttpRequest.newBuilder(URI.create(m.group(1)
        + "api/snapshot")).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(snapshot.body().contains("\"r1\""), snapshot.body());
    t.interrupt();
    t.join(10_000);
    assertFalse(t.isAlive(), "the dashboard stopped when interrupted");
  }

  @Test
  void badPortsAndAddressesAreOneSentenceExitTwoAndJoinNothing() throws Exception {
    assertEquals(2, run("dashboard", "--port", "70000"));
    assertTrue(err.toString().contains("--port must be within 0..65535, got 70000."), err
        .toString());
    assertEquals(0, joins.get(), "joined the fleet for a bad port");
    // TEST-NET-1: a literal address that is not this machine's.
    assertEquals(2, run("dashboard", "--port", "0", "--bind", "192.0.2.1"));
    assertTrue(err.toString().contains("Cannot serve the dashboard at /192.0.2.1"),
        err.toString());
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(busy.getLocalPort());
      assertEquals(2, run("dashboard", "--port", port));
      assertTrue(err.toString().contains("Cannot serve the dashboard at /127.0.0.1:" + port),
          err.toString());
      // flotilla up --dashboard on a busy port starts no node.
      err.getBuffer().setLength(0);
      assertEquals(2, run("up", "--dashboard", port, "--domain-id", "0"));
      assertTrue(err.toString().contains("Cannot serve the dashboard at /127.0.0.1:" + port),
          err.toString());
      assertFalse(err.toString().contains("running;"), err.toString());
    }
    assertFalse(err.toString().contains("Exception"), err.toString());
    assertTrue(sentTasks.isEmpty());
  }
}
