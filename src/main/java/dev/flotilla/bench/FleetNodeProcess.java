package dev.flotilla.bench;

import dev.flotilla.bench.LoadFigures.NodeStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A node JVM: {@code flotilla bench fleet-node NAME}, printing its status lines. */
final class FleetNodeProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final List<NodeStats> stats = new CopyOnWriteArrayList<>();
  /** Stops the node if the benchmark itself is stopped (Ctrl-C), so no JVM is left behind. */
  private final Thread reaper;
  private volatile int mark;

  /**
   * Starts the node process.
   *
   * @param name the node
   * @param params its parameter file
   * @param domain its DDS domain
   * @param dir where its log goes
   * @param jvmOptions extra JVM options; {@code {node}} in one becomes the node's name
   * @throws IOException when the process cannot start
   */
  FleetNodeProcess(String name, Path params, int domain, Path dir, List<String> jvmOptions)
      throws IOException {
    this.name = name;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // "{node}" in an option names the node, e.g. one JFR recording per node process.
    jvmOptions.forEach(o -> command.add(o.replace("{node}", name)));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "dev.flotilla.cli.FlotillaCli", "bench", "fleet-node", name, "--params",
        params.toString(), "--domain-id", String.valueOf(domain)));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectError(dir.resolve(name + ".log").toFile());
    pb.environment().put("ROS_LOCALHOST_ONLY", "1");
    process = pb.start();
    reaper = new Thread(process::destroy, "bench-reap-" + name);
    Runtime.getRuntime().addShutdownHook(reaper);
    Thread reader = new Thread(this::read, "bench-read-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        NodeStats s = LoadFigures.parseStats(line);
        if (s != null) {
          stats.add(s);
        } else if (line.startsWith("flotilla-ready")) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // The process ended; its last figures stay.
    }
  }

  void awaitReady(int seconds) throws InterruptedException {
    if (!ready.await(seconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Node process " + name + " did not start within "
          + seconds + " s (alive: " + process.isAlive() + "); see its log.");
    }
  }

  NodeStats latest() {
    mark = stats.size();
    return stats.isEmpty() ? null : stats.get(stats.size() - 1);
  }

  long heapUsedMaxSinceMark() {
    long max = -1;
    for (int i = Math.max(0, mark - 1); i < stats.size(); i++) {
      max = Math.max(max, stats.get(i).heapUsed());
    }
    return max;
  }

  void awaitNextLine(int seconds) {
    int have = stats.size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (stats.size() == have && System.nanoTime() < deadline && process.isAlive()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook does the same.
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
