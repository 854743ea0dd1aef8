package dev.flotilla.cli.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts a launch file's processes, forwards their output line by line with a {@code [name]}
 * prefix, and stops them all: on SIGINT/SIGTERM (a JVM shutdown hook sends each child SIGTERM,
 * waits, then kills what is left), or when any child exits on its own, since every process of a
 * Flotilla launch is required.
 */
public final class ProcessSupervisor {
  private static final long STOP_GRACE_SECONDS = 10;

  private final List<LaunchProcess> plan;
  private final List<String> flotillaCommand;
  private final Map<String, String> extraEnv;
  private final PrintStream out;
  private final PrintStream err;
  private final List<Running> running = new ArrayList<>();
  private final List<Thread> pumps = new ArrayList<>();
  private volatile boolean stopping;

  /**
   * @param plan processes to start
   * @param flotillaCommand what a leading {@code flotilla} word stands for (java and jar)
   * @param extraEnv variables added to every child's environment
   * @param out where children's stdout goes
   * @param err where children's stderr and the supervisor's messages go
   */
  public ProcessSupervisor(List<LaunchProcess> plan, List<String> flotillaCommand,
      Map<String, String> extraEnv, PrintStream out, PrintStream err) {
    this.plan = plan;
    this.flotillaCommand = flotillaCommand;
    this.extraEnv = extraEnv;
    this.out = out;
    this.err = err;
  }

  /** The command a process runs, with {@code flotilla} expanded. */
  List<String> expand(LaunchProcess p) {
    if (!p.argv().get(0).equals("flotilla")) {
      return p.argv();
    }
    List<String> cmd = new ArrayList<>(flotillaCommand);
    cmd.addAll(p.argv().subList(1, p.argv().size()));
    return cmd;
  }

  /**
   * Runs until a signal or until a child exits.
   *
   * @return 0 when no process was started, 1 when a child exited on its own (the others are
   *     stopped); on SIGINT/SIGTERM the JVM exits with 130/143 after stopping the children
   * @throws LaunchException when a process cannot be started (the started ones are stopped)
   */
  public int run() {
    Thread hook = new Thread(this::stopAll, "flotilla-launch-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      for (LaunchProcess p : plan) {
        p.overlay().ifPresent(ParamsOverlay::write);
        start(p);
      }
    } catch (RuntimeException e) {
      stopAll();
      removeHook(hook);
      throw e;
    }
    if (running.isEmpty()) {
      removeHook(hook);
      return 0;
    }
    err.println("flotilla launch: started " + running.size() + " processes; Ctrl-C stops them.");
    CompletableFuture<?>[] exits = running.stream().map(r -> r.process.onExit())
        .toArray(CompletableFuture[]::new);
    Process first = (Process) CompletableFuture.anyOf(exits).join();
    if (stopping) {
      // A signal is stopping everything; the shutdown hook finishes the job.
      return 0;
    }
    Running dead = running.stream().filter(r -> r.process == first).findFirst().orElseThrow();
    err.println("flotilla launch: process '" + dead.spec.name() + "' (" + dead.spec.file() + ":"
        + dead.spec.line() + ") exited with code " + first.exitValue()
        + "; stopping the others.");
    stopAll();
    removeHook(hook);
    return 1;
  }

  private void start(LaunchProcess p) {
    List<String> cmd = expand(p);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(extraEnv);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new LaunchException(p.file(), p.line(), null, "cannot start '" + p.name() + "' ("
          + String.join(" ", cmd) + "): " + e.getMessage());
    }
    synchronized (running) {
      running.add(new Running(p, process));
    }
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Children read no input; a failed close changes nothing.
    }
    pumps.add(pump(process.getInputStream(), out, p.name()));
    pumps.add(pump(process.getErrorStream(), err, p.name()));
  }

  private Thread pump(InputStream in, PrintStream to, String name) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          to.println("[" + name + "] " + line);
        }
      } catch (IOException e) {
        // Only a closed pipe ends up here; the child's output up to then has been forwarded.
      }
    }, "flotilla-launch-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * SIGTERM to every live child (newest first), then SIGKILL after a grace period. Signals go
   * through {@link ProcessHandle}: {@link Process#destroy} would also close our ends of the
   * child's pipes, losing what it printed last (its reason for exiting, or its shutdown lines)
   * before the pump had read it.
   */
  private void stopAll() {
    stopping = true;
    List<Running> all;
    synchronized (running) {
      all = new ArrayList<>(running);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      ProcessHandle child = all.get(i).process.toHandle();
      if (child.isAlive()) {
        child.destroy();
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
    for (Running r : all) {
      try {
        long left = deadline - System.nanoTime();
        if (!r.process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
          err.println("flotilla launch: '" + r.spec.name() + "' ignored SIGTERM for "
              + STOP_GRACE_SECONDS + " s; killing it.");
          r.process.descendants().forEach(ProcessHandle::destroyForcibly);
          r.process.toHandle().destroyForcibly();
          r.process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        r.process.toHandle().destroyForcibly();
      }
    }
    for (Thread t : pumps) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    plan.forEach(p -> p.overlay().ifPresent(ParamsOverlay::delete));
    out.flush();
    err.flush();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running.
    }
  }

  private record Running(LaunchProcess spec, Process process) {}
}
