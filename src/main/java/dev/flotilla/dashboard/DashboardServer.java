package dev.flotilla.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flotilla.cockpit.FleetObserver;
import dev.flotilla.cockpit.OperatorClient;
import dev.flotilla.cockpit.OperatorVerdict;
import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.TopicNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's HTTP server (JDK {@code com.sun.net.httpserver}): the page and its assets from
 * this package's resources, {@code GET /api/snapshot} (the page's data as JSON), {@code GET
 * /api/stream} (server-sent events: that JSON after each change, at most {@value #MAX_RATE_HZ}
 * a second per client), and the operator's requests through an {@link OperatorClient}:
 * {@code POST /api/tasks}, {@code POST /api/tasks/ID/cancel}, {@code POST
 * /api/robots/ID/pause|resume}. A verdict answers 200 when accepted, 400 when rejected or invalid
 * (with the fleet's or the cockpit's sentence), 503 when the fleet is unreachable and 504 without
 * an answer.
 *
 * <p>Limits: request bodies of at most {@value #MAX_BODY} bytes (413 beyond), at most
 * {@value #MAX_STREAMS} open streams (503 beyond), {@value #MAX_THREADS} request threads.
 * Requests that change the fleet must be {@code POST} with {@code Content-Type:
 * application/json} (so another site's page cannot post a plain form to it), and an
 * {@code Origin}, when sent, must be this server's own; served on loopback, the {@code Host}
 * must be a loopback name (403 otherwise).
 */
public final class DashboardServer implements AutoCloseable {
  static final int MAX_BODY = 16 * 1024;
  static final int MAX_STREAMS = 16;
  static final int MAX_RATE_HZ = 4;
  static final int MAX_THREADS = MAX_STREAMS + 16;
  private static final long KEEPALIVE_MILLIS = 15_000;
  private static final Logger LOG = Logger.getLogger("flotilla.dashboard");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
  private static final Pattern CANCEL = Pattern.compile("/api/tasks/([^/]+)/cancel");
  private static final Pattern ROBOT = Pattern.compile("/api/robots/([^/]+)/(pause|resume)");
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final Map<String, String> ASSETS = Map.of(
      "/", "index.html", "/index.html", "index.html", "/app.js", "app.js",
      "/app.css", "app.css");

  private final HttpServer server;
  private final ExecutorService executor;
  private final OperatorClient operator;
  private final MapFeed map;
  private final SnapshotFeed feed;
  private final Semaphore streams = new Semaphore(MAX_STREAMS);

  /**
   * Starts serving at once.
   *
   * @param bind address and port (port 0: any free one, see {@link #port()})
   * @param bus the transport the observer and client use (positions are read from it too)
   * @param namespace the fleet's namespace
   * @param observer the fleet's state (owned by the caller)
   * @param operator sends the operator's requests, signed as the CLI signs (owned by the caller)
   * @param robots configured robots, drawn at their odometry placed by their start pose
   * @param regions named places, drawn as sites
   * @param clock the fleet's clock
   * @throws UncheckedIOException when the address cannot be bound, with a sentence naming it
   */
  public DashboardServer(InetSocketAddress bind, Bus bus, String namespace,
      FleetObserver observer, OperatorClient operator, List<RobotSpec> robots,
      Map<String, Point3> regions, NodeClock clock) {
    this.operator = operator;
    this.map = new MapFeed(bus, namespace, robots, regions, this::changed);
    this.feed = new SnapshotFeed(observer, map, clock);
    try {
      server = HttpServer.create(bind, 64);
    } catch (IOException e) {
      map.close();
      feed.close();
      throw new UncheckedIOException("Cannot serve the dashboard at " + bind + ": "
          + e.getMessage() + ".", e);
    }
    executor = new ThreadPoolExecutor(2, MAX_THREADS, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "flotilla-dashboard-http");
          t.setDaemon(true);
          return t;
        });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  private void changed() {
    feed.changed();
  }

  /** @return the port served (useful with port 0) */
  public int port() {
    return server.getAddress().getPort();
  }

  /** @return e.g. {@code http://127.0.0.1:8080/} */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "localhost"
        : a.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      try {
        checkHost(ex);
        if (method.equals("GET") || method.equals("HEAD")) {
          get(ex, path);
        } else if (method.equals("POST")) {
          post(ex, path);
        } else {
          throw new BadRequest(405, "Method " + method + " is not allowed here.");
        }
      } catch (BadRequest e) {
        send(ex, e.status(), error(e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        send(ex, 503, error("The dashboard is shutting down."));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Dashboard request " + method + " " + path + " failed", e);
        send(ex, 500, error("The dashboard failed on this request: " + e.getMessage()));
      }
    } catch (IOException e) {
      // The browser went away.
    }
  }

  private void get(HttpExchange ex, String path) throws IOException, InterruptedException {
    String asset = ASSETS.get(path);
    if (asset != null) {
      sendAsset(ex, asset);
    } else if (path.equals("/api/snapshot")) {
      send(ex, 200, feed.json());
    } else if (path.equals("/api/stream")) {
      stream(ex);
    } else {
      throw new BadRequest(404, "Nothing is served at " + path + ".");
    }
  }

  private void post(HttpExchange ex, String path) throws IOException {
    checkOrigin(ex);
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new BadRequest(415, "Requests must be sent as Content-Type: application/json.");
    }
    String body = body(ex);
    OperatorVerdict verdict;
    Matcher cancel = CANCEL.matcher(path);
    Matcher robot = ROBOT.matcher(path);
    if (path.equals("/api/tasks")) {
      verdict = operator.submit(SubmissionJson.parse(body));
    } else if (cancel.matches()) {
      String id = cancel.group(1);
      if (!TASK_ID.matcher(id).matches()) {
        throw new BadRequest("Task id '" + id + "' must be 1-128 letters, digits, '_', '.' or "
            + "'-'.");
      }
      verdict = operator.cancel(id, reason(body));
    } else if (robot.matches()) {
      String id = robot.group(1);
      if (!TopicNames.isValidRobotId(id)) {
        throw new BadRequest("Robot id '" + id + "' is not a valid ROS 2 name.");
      }
      verdict = robot.group(2).equals("pause") ? operator.pause(id, reason(body))
          : operator.resume(id, reason(body));
    } else {
      throw new BadRequest(404, "Nothing accepts a POST at " + path + ".");
    }
    send(ex, status(verdict), JSON.writeValueAsString(verdict));
  }

  private static int status(OperatorVerdict v) {
    return switch (v.outcome()) {
      case ACCEPTED -> 200;
      case REJECTED, INVALID -> 400;
      case UNREACHABLE -> 503;
      case NO_ANSWER -> 504;
    };
  }

  /** A reason from an optional {@code {"reason": "…"}} body. */
  private static String reason(String body) {
    if (body.isBlank()) {
      return "";
    }
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw SubmissionJson.notJson(e);
    }
    if (n == null || !n.isObject()) {
      throw new BadRequest("The request body must be a JSON object.");
    }
    JsonNode r = n.get("reason");
    if (r == null || r.isNull()) {
      return "";
    }
    if (!r.isTextual() || r.asText().length() > 500) {
      throw new BadRequest("Field 'reason' must be a string of at most 500 characters.");
    }
    return r.asText();
  }

  /**
   * Served on loopback, the page answers only requests addressed to a loopback name: another
   * site's page that rebinds its own name to 127.0.0.1 (DNS rebinding) cannot read or command
   * the fleet.
   */
  private void checkHost(HttpExchange ex) {
    if (!server.getAddress().getAddress().isLoopbackAddress()) {
      return;
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    String name = host == null ? "" : host.strip().toLowerCase(Locale.ROOT)
        .replaceFirst(":\\d+$", "");
    if (!LOOPBACK_NAMES.contains(name)) {
      throw new BadRequest(403, "Host '" + host + "' is not this dashboard's; open " + url()
          + ".");
    }
  }

  private static void checkOrigin(HttpExchange ex) {
    String origin = ex.getRequestHeaders().getFirst("Origin");
    String host = ex.getRequestHeaders().getFirst("Host");
    if (origin != null && (host == null || !origin.equals("http://" + host))) {
      throw new BadRequest(403, "Requests from " + origin + " are not accepted; use the "
          + "dashboard's own page.");
    }
  }

  private static String body(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > MAX_BODY) {
          throw new BadRequest(413, "The request body has " + length.strip()
              + " bytes; at most " + MAX_BODY + " are accepted.");
        }
      } catch (NumberFormatException e) {
        throw new BadRequest("Content-Length '" + length + "' is not a number.");
      }
    }
    InputStream in = ex.getRequestBody();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    for (int n; (n = in.read(buf)) > 0; ) {
      out.write(buf, 0, n);
      if (out.size() > MAX_BODY) {
        throw new BadRequest(413, "The request body is over " + MAX_BODY
            + " bytes, the most accepted.");
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private void stream(HttpExchange ex) throws IOException, InterruptedException {
    if (!streams.tryAcquire()) {
      throw new BadRequest(503, "Too many open dashboard streams (at most " + MAX_STREAMS
          + "); close a tab and reload.");
    }
    try {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      long minGapNanos = TimeUnit.SECONDS.toNanos(1) / MAX_RATE_HZ;
      long seen = feed.version();
      write(out, "data: " + feed.json() + "\n\n");
      while (true) {
        long sentAt = System.nanoTime();
        long v = feed.awaitAfter(seen, KEEPALIVE_MILLIS);
        if (v < 0) {
          return;
        }
        if (v == seen) {
          write(out, ": keepalive\n\n");
          continue;
        }
        long wait = minGapNanos - (System.nanoTime() - sentAt);
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        seen = feed.version();
        write(out, "data: " + feed.json() + "\n\n");
      }
    } finally {
      streams.release();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void sendAsset(HttpExchange ex, String name) throws IOException {
    byte[] bytes;
    try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new BadRequest(404, "The dashboard's " + name + " is missing from this build.");
      }
      bytes = in.readAllBytes();
    }
    String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js")
        ? "text/javascript" : "text/css";
    ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; "
        + "style-src 'self'; img-src 'self' data:");
    sendBytes(ex, 200, bytes);
  }

  private static String error(String sentence) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("error", sentence);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    sendBytes(ex, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendBytes(HttpExchange ex, int status, byte[] bytes) throws IOException {
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
    if (!head) {
      ex.getResponseBody().write(bytes);
    }
  }

  /** Stops serving and ends open streams; the observer, client and bus belong to the caller. */
  @Override
  public void close() {
    feed.close();
    map.close();
    server.stop(0);
    executor.shutdownNow();
  }
}
