package dev.flotilla.cli;

import dev.flotilla.cockpit.FleetObserver;
import dev.flotilla.cockpit.OperatorClient;
import dev.flotilla.dashboard.DashboardServer;
import dev.flotilla.node.FleetParams;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.ros.params.RosParamsFile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Starts a dashboard joined to a fleet the way the operator's commands join it ({@code
 * OperatorOptions}: domain, namespace, security identity): the shared path of {@code flotilla
 * dashboard} and {@code flotilla up --dashboard}. The map's robots and regions come from the
 * fleet's parameter file when there is one.
 */
final class DashboardLauncher {
  /** Loopback by default: the page can command the fleet. */
  static final String DEFAULT_BIND = "127.0.0.1";

  private DashboardLauncher() {}

  /**
   * @param fleet where the fleet is and who signs
   * @param port TCP port, 0..65535 (0: any free one)
   * @param bind address to listen on
   * @param err where to say which fleet file could not be read for the map
   * @return the running dashboard and everything it opened, closed together (last first)
   * @throws UsageError for a bad port or address, a missing operator key, or a busy port
   */
  static Running start(OperatorOptions fleet, int port, String bind, PrintWriter err) {
    if (port < 0 || port > 65535) {
      throw new UsageError("--port must be within 0..65535, got " + port + ".");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new UsageError("--bind '" + bind + "' is not an address of this machine.");
    }
    FleetParams map = map(fleet, err);
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      OperatorOptions.Transport t = fleet.open();
      opened.push(t);
      Bus bus = fleet.signing(t.bus());
      FleetObserver observer = new FleetObserver(bus, fleet.namespace);
      opened.push(observer);
      OperatorClient client = new OperatorClient(bus, fleet.namespace, fleet.identity,
          NodeClock.SYSTEM, fleet.timeouts(t));
      opened.push(client);
      DashboardServer server = new DashboardServer(new InetSocketAddress(address, port), bus,
          fleet.namespace, observer, client, map.robots(), map.regions(), NodeClock.SYSTEM);
      opened.push(server);
      return new Running(server, opened);
    } catch (UncheckedIOException e) {
      closeAll(opened);
      throw new UsageError(e.getMessage());
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  private static FleetParams map(OperatorOptions fleet, PrintWriter err) {
    Path file = HomePaths.resolve(fleet.params != null ? fleet.params
        : Path.of("params/fleet.yaml"));
    if (!Files.exists(file)) {
      return new FleetParams(List.of(), Map.of(), true);
    }
    try {
      return FleetParams.read(RosParamsFile.load(file).forNode(fleet.namespace, "dashboard"));
    } catch (ParamsException e) {
      err.println("flotilla: the map shows no configured robots: " + e.getMessage());
      return new FleetParams(List.of(), Map.of(), true);
    }
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        // Closing on the way out; the first failure was reported.
      }
    }
  }

  /** A running dashboard and what it opened. */
  static final class Running implements AutoCloseable {
    private final DashboardServer server;
    private final Deque<AutoCloseable> opened;

    private Running(DashboardServer server, Deque<AutoCloseable> opened) {
      this.server = server;
      this.opened = opened;
    }

    /** @return the page's address */
    String url() {
      return server.url();
    }

    @Override
    public synchronized void close() {
      closeAll(opened);
    }
  }
}
