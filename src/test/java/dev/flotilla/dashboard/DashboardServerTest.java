package dev.flotilla.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.cockpit.FleetObserver;
import dev.flotilla.cockpit.OperatorClient;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.node.AllocatorNode;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.node.FleetParams;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.NodeFixture;
import dev.flotilla.node.PlannerNode;
import dev.flotilla.node.PlannerParams;
import dev.flotilla.ros.Bus;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's HTTP endpoints over an in-memory fleet (planner and allocator on an
 * {@code InMemoryBus}, robots r1–r3 joined): the page and its assets, the JSON snapshot, the
 * event stream, the operator's requests and the refusals of bad ones.
 */
class DashboardServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OperatorClient.Timeouts QUICK = new OperatorClient.Timeouts(
      Duration.ofMillis(300), Duration.ofMillis(300), Duration.ZERO);

  private final NodeFixture f = new NodeFixture();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private FleetObserver observer;
  private OperatorClient client;
  private DashboardServer server;
  private String base;

  @BeforeEach
  void startFleetAndServer() throws Exception {
    new PlannerNode(f.context("planner"), PlannerParams.read(
        NodeFixture.params(NodeFixture.FLEET).forNode("/", "planner"))).start();
    new AllocatorNode(f.context("allocator"), AllocatorParams.read(
        NodeFixture.params(NodeFixture.FLEET).forNode("/", "allocator"))).start();
    Bus.Publisher<FleetEvent> events =
        f.bus.publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS);
    for (String r : List.of("r1", "r2", "r3")) {
      events.publish(FleetEvent.builder().kind(FleetEvent.ROBOT_JOINED).robotId(r).taskId("")
          .stepIndex(-1).source(r).reason("test").build());
    }
    observer = new FleetObserver(f.bus, "/");
    client = new OperatorClient(f.bus, "/", "operator", f.clock, QUICK);
    FleetParams fleet = FleetParams.read(
        NodeFixture.params(NodeFixture.FLEET).forNode("/", "dashboard"));
    server = new DashboardServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        f.bus, "/", observer, client, fleet.robots(), fleet.regions(), f.clock);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
    client.close();
    observer.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode snapshot() throws Exception {
    HttpResponse<String> r = get("/api/snapshot");
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static JsonNode task(JsonNode snapshot, String id) {
    for (JsonNode t : snapshot.path("tasks")) {
      if (t.path("id").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("task " + id + " not in " + snapshot);
  }

  @Test
  void servesThePageAndItsAssetsFromResourcesOnly() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("id=\"submit-form\"") && page.body().contains("id=\"map\""),
        page.body());
    for (String asset : List.of("/app.js", "/app.css")) {
      HttpResponse<String> r = get(asset);
      assertEquals(200, r.statusCode(), asset);
      assertFalse(r.body().isBlank(), asset);
    }
    for (String text : List.of(page.body(), get("/app.js").body(), get("/app.css").body())) {
      assertFalse(text.matches("(?s).*(src|href)=\"(https?:)?//.*"), "an external asset");
      assertFalse(text.contains("@import"), "an external stylesheet");
    }
    assertEquals(404, get("/nothing-here").statusCode());
  }

  @Test
  void theSnapshotHasRobotsTheirMapPosesAndRegions() throws Exception {
    JsonNode s = snapshot();
    assertEquals(3, s.path("robots").size(), s.toString());
    assertTrue(s.path("heard").asBoolean(), s.toString());
    assertEquals(10.0, s.path("positions").path("r2").path("x").asDouble(), 1e-9, s.toString());
    assertEquals(1.0, s.path("regions").path("dock").path("y").asDouble(), 1e-9);
    assertEquals(1000.0, s.path("now").asDouble(), 1e-9);
  }

  @Test
  void aTaskSubmittedThroughThePageIsPlannedCancelledAndARobotPausedAndResumed()
      throws Exception {
    HttpResponse<String> r = post("/api/tasks", "{\"id\":\"t1\",\"x\":\"2\",\"y\":2,"
        + "\"duration\":\"30\"}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("ACCEPTED", JSON.readTree(r.body()).path("outcome").asText());
    JsonNode t1 = task(snapshot(), "t1");
    assertEquals("assigned", t1.path("state").asText(), t1.toString());
    String robot = t1.path("robots").get(0).asText();

    r = post("/api/robots/" + robot + "/pause", "{\"reason\":\"new wheels\"}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("paused", stateOf(snapshot(), robot));
    r = post("/api/robots/" + robot + "/resume", "");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("alive", stateOf(snapshot(), robot));

    r = post("/api/tasks/t1/cancel", "{\"reason\":\"site closed\"}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("cancelled", task(snapshot(), "t1").path("state").asText());

    r = post("/api/tasks/t1/cancel", "{}");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(JSON.readTree(r.body()).path("reason").asText().contains("already cancelled"),
        r.body());
  }

  private static String stateOf(JsonNode s, String robot) {
    for (JsonNode r : s.path("robots")) {
      if (r.path("id").asText().equals(robot)) {
        return r.path("state").asText();
      }
    }
    throw new AssertionError("robot " + robot + " not in " + s);
  }

  @Test
  void badRequestsAnswerWithASentence() throws Exception {
    assertRefused(post("/api/tasks/ghost/cancel", ""), 400, "unknown");
    assertRefused(post("/api/tasks", "{\"id\":\"phi\",\"kind\":\"ltl\",\"formula\":\"F (a &&\"}"),
        400, "column");
    assertRefused(post("/api/tasks", "{\"id\":"), 400,
        "The request body is not valid JSON at line 1, column 7: Unexpected end-of-input");
    assertRefused(post("/api/tasks/t1/cancel", "{\"reason\": nope}"), 400, "not valid JSON");
    assertRefused(post("/api/tasks", "[1,2]"), 400, "JSON object");
    assertRefused(post("/api/tasks", "{\"id\":\"t2\",\"x\":1,\"y\":1,\"colour\":\"red\"}"), 400,
        "Unknown field 'colour'");
    assertRefused(post("/api/tasks", "{\"id\":\"t2\",\"x\":\"one\",\"y\":1}"), 400,
        "Field 'x' must be a number");
    assertRefused(post("/api/tasks", "{\"id\":\"t2\"}"), 400, "needs a site");
    assertRefused(post("/api/tasks", "{\"id\":\"bad id!\",\"x\":1,\"y\":1}"), 400, "task id");
    assertRefused(post("/api/tasks/bad%20id/cancel", ""), 400, "Task id");
    assertRefused(post("/api/robots/r1/explode", ""), 404, "Nothing accepts");
    String big = "{\"id\":\"t3\",\"x\":1,\"y\":1,\"formula\":\""
        + "a".repeat(DashboardServer.MAX_BODY) + "\"}";
    assertRefused(post("/api/tasks", big), 413, "at most");
    HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base
        + "/api/tasks")).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertRefused(plain, 415, "application/json");
    HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base
        + "/api/robots/r1/pause")).header("Content-Type", "application/json")
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(""))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertRefused(foreign, 403, "not accepted");
    // DNS rebinding: another name for 127.0.0.1 is refused, even for reading.
    Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.port());
    try (raw) {
      raw.getOutputStream().write(("GET /api/snapshot HTTP/1.1\r\nHost: evil.example:"
          + server.port() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      String answer = new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 403") && answer.contains("is not this dashboard's"),
          answer);
    }
    // Nothing refused reached the fleet.
    JsonNode s = snapshot();
    assertEquals(0, s.path("tasks").size(), s.toString());
    assertEquals("alive", stateOf(s, "r1"));
  }

  private static void assertRefused(HttpResponse<String> r, int status, String words)
      throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode n = JSON.readTree(r.body());
    String sentence = n.has("error") ? n.path("error").asText() : n.path("reason").asText();
    assertTrue(sentence.contains(words), r.body());
  }

  @Test
  void theStreamDeliversASnapshotAfterAChange() throws Exception {
    HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base
        + "/api/stream")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(
        "text/event-stream"));
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (InputStream in = r.body();
          Stream<String> s = new BufferedReader(new InputStreamReader(in,
              StandardCharsets.UTF_8)).lines()) {
        Iterator<String> it = s.iterator();
        while (it.hasNext()) {
          lines.add(it.next());
        }
      } catch (Exception e) {
        // Closed by the test's end.
      }
    });
    reader.setDaemon(true);
    reader.start();
    String first = nextData(lines);
    assertFalse(first.contains("\"streamed\""), first);
    assertEquals(200, post("/api/tasks", "{\"id\":\"streamed\",\"x\":3,\"y\":3}").statusCode());
    String line;
    do {
      line = nextData(lines);
    } while (!line.contains("\"streamed\""));
    assertEquals("streamed", task(JSON.readTree(line), "streamed").path("id").asText());
  }

  private static String nextData(BlockingQueue<String> lines) throws InterruptedException {
    while (true) {
      String l = lines.poll(30, TimeUnit.SECONDS);
      if (l == null) {
        throw new AssertionError("no snapshot streamed within 30 s");
      }
      if (l.startsWith("data: ")) {
        return l.substring(6);
      }
    }
  }
}
