package dev.flotilla.bench;

import dev.flotilla.bench.FleetPhase.Kill;
import dev.flotilla.bench.FleetPhase.Resources;
import dev.flotilla.bench.LoadFigures.NodeStats;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.security.KeyDir;
import dev.flotilla.security.MessageAuthenticator;
import dev.flotilla.security.Roster;
import dev.flotilla.security.SecureBus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Issue #8's fleet load benchmark. For each fleet size the three nodes run as three JVMs (so each
 * node's CPU and heap include its DDS threads and nothing else), and this process plays the fleet:
 * every robot heartbeats on the shared heartbeat topic (one participant) and publishes odometry on
 * its own {@code /<robot>/odom} topic (a second participant, one writer per robot), both at fixed
 * rates with the robots' phases spread over the period as unsynchronised robots would be (see
 * {@link FleetLoadGenerator}; each node process is a {@link FleetNodeProcess}). Half as many
 * single-robot tasks as robots are submitted, then {@code kills} robots that hold tasks fall
 * silent at known times. {@link FleetReport} prints and writes the {@link FleetPhase} figures.
 *
 * <p>Per kill: heartbeat-to-detection latency = {@code robot_failed} received − last heartbeat
 * sent − {@code heartbeat_timeout}, and failure-to-reassignment latency = {@code Reassignment}
 * (cause robot_failed, subject that robot) received − {@code robot_failed} received, both on this
 * process's monotonic clock, each including one DDS hop. The first phase is the baseline: the same
 * kills in a small fleet, measured in the same run.
 */
public final class FleetBenchmark {
  /** Node processes, in start order. */
  public static final List<String> NODES = List.of("synchronizer", "allocator", "planner");

  /**
   * What to run.
   *
   * @param sizes fleet sizes to measure, after the baseline
   * @param baselineRobots robots of the baseline phase, 0 for none
   * @param duration seconds of the measurement window per phase
   * @param kills robots silenced per phase, spread over the window
   * @param domainId DDS domain of the first phase; phase i uses {@code domainId + i}
   * @param timeout synchronizer {@code heartbeat_timeout}, seconds
   * @param checkPeriod synchronizer {@code check_period}, seconds
   * @param algorithm allocator algorithm
   * @param heartbeatHz heartbeats per robot per second
   * @param odometryHz odometry messages per robot per second, 0 for none
   * @param overlayYaml user parameters laid over the generated file (e.g. {@code security})
   * @param nodeJvmOptions extra JVM options of the node processes (e.g. a JFR recording);
   *     {@code {node}} in an option is replaced by the node's name
   * @param workDir where parameter files and node logs go
   * @param log progress lines
   */
  public record Config(List<Integer> sizes, int baselineRobots, double duration, int kills,
      int domainId, double timeout, double checkPeriod, String algorithm, double heartbeatHz,
      double odometryHz, String overlayYaml, List<String> nodeJvmOptions, Path workDir,
      PrintStream log) {}


  private final Config config;
  private static final AtomicLong SEQUENCE =
      new AtomicLong();
  /** Signs the simulated robots' heartbeats and the bench's tasks; null with security off. */
  private MessageAuthenticator signer;
  private Path keysDir;

  /** @param config what to run */
  public FleetBenchmark(Config config) {
    this.config = config;
  }

  /**
   * Runs every phase with {@code security: enforce} (issue #8): keys for the nodes, an operator
   * and every robot are generated in {@code keysDir}; the simulated robots sign their heartbeats
   * with HMAC-SHA256 and the bench its tasks with Ed25519, as real senders would, so the nodes
   * verify everything they receive and report the time it takes.
   *
   * @param keysDir directory for the generated keys (replaced)
   * @return this benchmark
   */
  public FleetBenchmark secured(Path keysDir) {
    int most = Math.max(config.baselineRobots(),
        config.sizes().stream().mapToInt(Integer::intValue).max().orElse(0));
    List<String> ids = new ArrayList<>(List.of("operator", "planner", "allocator",
        "synchronizer"));
    for (int i = 0; i < most; i++) {
      ids.add(robotId(i));
    }
    KeyDir.generate(keysDir, ids, true);
    List<String> robots = ids.subList(4, ids.size());
    this.signer = new MessageAuthenticator(
        Roster.of(Roster.defaultNodes(), robots),
        KeyDir.load(keysDir));
    this.keysDir = keysDir.toAbsolutePath();
    return this;
  }

  /**
   * Runs the baseline (when configured) and every fleet size, one after the other.
   *
   * @return one phase per fleet size, the baseline first
   * @throws Exception when a node process does not start or DDS fails
   */
  public List<FleetPhase> run() throws Exception {
    List<FleetPhase> phases = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    if (config.baselineRobots() > 0) {
      sizes.add(config.baselineRobots());
    }
    sizes.addAll(config.sizes());
    for (int i = 0; i < sizes.size(); i++) {
      boolean baseline = config.baselineRobots() > 0 && i == 0;
      phases.add(runPhase(sizes.get(i), baseline, config.domainId() + i, i));
    }
    return phases;
  }

  /**
   * The generated parameter file: {@code robots} robots on a 2 m grid, the synchronizer's timeout
   * and check period, the allocator's algorithm; then the user's overlay.
   *
   * <p>The simulated robots stand still while their plans have them drive, so with the default
   * {@code deviation_tolerance} (1 m) every planned robot would trigger a seed-000 local repair
   * once a second: at 1000 robots those repairs took half the allocator's JFR samples, a load
   * robots that follow their plans do not cause. The allocator still decodes and stores every
   * odometry message and checks each planned robot's deviation once a second; {@code --params}
   * can set the tolerance back.
   *
   * @param robots fleet size
   * @return ROS 2 parameter YAML
   */
  String params(int robots) {
    StringBuilder y = new StringBuilder("/**:\n  ros__parameters:\n");
    if (keysDir != null) {
      y.append("    security: {mode: enforce, keys_dir: '").append(keysDir).append("'}\n");
    }
    y.append("    robots:\n");
    for (int i = 0; i < robots; i++) {
      y.append(String.format(Locale.ROOT, "      %s: {x: %.1f, y: %.1f}%n", robotId(i),
          2.0 * (i % 32), 2.0 * (i / 32)));
    }
    y.append(String.format(Locale.ROOT, "synchronizer:%n  ros__parameters:%n"
        + "    heartbeat_timeout: %s%n    check_period: %s%n"
        + "allocator:%n  ros__parameters:%n    algorithm: %s%n"
        + "    deviation_tolerance: 1.0e6%n",
        config.timeout(), config.checkPeriod(), config.algorithm()));
    return LoadFigures.overlayParams(y.toString(), config.overlayYaml());
  }

  /** One counter for every simulated sender and topic: each sees it increase. */
  static long nextSequence() {
    return SecureBus.nextSequence(SEQUENCE);
  }

  static String robotId(int i) {
    return String.format(Locale.ROOT, "r%04d", i);
  }

  private FleetPhase runPhase(int n, boolean baseline, int domain, int index) throws Exception {
    PrintStream log = config.log();
    log.printf(Locale.ROOT, "fleet bench: %d robots%s on domain %d%n", n,
        baseline ? " (baseline)" : "", domain);
    Path dir = Files.createDirectories(config.workDir().resolve("phase" + index + "_" + n));
    Path paramsFile = Files.writeString(dir.resolve("fleet.yaml"), params(n));
    List<FleetNodeProcess> nodes = new ArrayList<>();
    try {
      for (String node : NODES) {
        nodes.add(new FleetNodeProcess(node, paramsFile, domain, dir, config.nodeJvmOptions()));
      }
      // The allocator opens an odometry reader per configured robot before it is ready: 2000
      // readers took 36 s on an idle 2-core machine and over 60 s beside two CPU hogs.
      for (FleetNodeProcess p : nodes) {
        p.awaitReady(60 + n / 10);
      }
      return measure(n, baseline, domain, nodes);
    } finally {
      for (FleetNodeProcess p : nodes) {
        p.close();
      }
    }
  }

  private FleetPhase measure(int n, boolean baseline, int domain, List<FleetNodeProcess> nodes)
      throws Exception {
    PrintStream log = config.log();
    // Every robot_failed and robot-failed Reassignment with its receive time: a robot may fail
    // spuriously while discovery settles, so a kill is matched with the first event after it.
    List<Received> failures = new CopyOnWriteArrayList<>();
    List<Received> reassignments = new CopyOnWriteArrayList<>();
    Set<String> joined = ConcurrentHashMap.newKeySet();
    Set<String> placed = ConcurrentHashMap.newKeySet();
    // Robots the allocator gave a task: killing one of them must move work.
    Set<String> holders = ConcurrentHashMap.newKeySet();
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    NodeStatsReporter self = new NodeStatsReporter("bench-load", System.out);
    // Heartbeats and odometry leave from two participants on two threads: a node slow to drain
    // its odometry can hold up a Fast-DDS writer for up to a second, and that must not silence
    // every robot's heartbeat at once (real robots each have their own participant).
    try (DdsBus fleet = new DdsBus("bench_fleet", "/", domain, true);
        DdsBus odometryBus = new DdsBus("bench_odometry", "/", domain, true);
        DdsBus watcher = new DdsBus("bench_watcher", "/", domain, true)) {
      watcher.subscribe(TopicNames.resolve("/", TopicNames.EVENTS), FleetEvent.TYPE,
          FlotillaQos.EVENTS, e -> {
            long now = System.nanoTime();
            if (e.kind() == FleetEvent.ROBOT_JOINED) {
              joined.add(e.robotId());
            } else if (e.kind() == FleetEvent.TASK_ACCEPTED) {
              accepted.add(e.taskId());
            } else if (e.kind() == FleetEvent.ROBOT_FAILED) {
              failures.add(new Received(e.robotId(), now));
            }
          });
      watcher.subscribe(TopicNames.resolve("/", TopicNames.REASSIGNMENT), Reassignment.TYPE,
          FlotillaQos.REASSIGNMENT, r -> {
            long now = System.nanoTime();
            if (r.cause() == Reassignment.CAUSE_ROBOT_FAILED) {
              // A storm repaired as one version names every robot in it: "r1,r2".
              for (String robot : r.subject().split(",")) {
                reassignments.add(new Received(robot, now));
              }
            } else if (r.cause() == Reassignment.CAUSE_NEW_TASK) {
              placed.add(r.subject());
              holders.addAll(r.affectedRobots());
            }
          });
      long odomStart = System.nanoTime();
      FleetLoadGenerator load = new FleetLoadGenerator(fleet, odometryBus, n, config.heartbeatHz(),
          config.odometryHz(), signer);
      double odomSetup = (System.nanoTime() - odomStart) / 1e9;
      if (config.odometryHz() > 0) {
        log.printf(Locale.ROOT, "  %d odometry writers created in %.1f s%n", n, odomSetup);
      }
      long setupStart = System.nanoTime();
      load.start();
      try {
        waitFor(() -> joined.size() >= n, 30 + n / 20);
        log.printf(Locale.ROOT, "  %d/%d robots joined after %.1f s%n", joined.size(), n,
            (System.nanoTime() - setupStart) / 1e9);
        int tasks = Math.max(1, n / 2);
        FleetTasks.submit(fleet, signer, tasks, n, placed, accepted);
        double setup = (System.nanoTime() - setupStart) / 1e9;
        log.printf(Locale.ROOT, "  %d/%d tasks placed after %.1f s%n", placed.size(), tasks,
            setup);
        int placedBefore = placed.size();
        Thread.sleep(2000);
        log.printf(Locale.ROOT, "  setup: load generator lagged up to %.0f ms; %d robot_failed "
            + "events before the window; %d robots were given tasks%n", load.maxLagNanos() / 1e6,
            failures.size(), holders.size());

        // The measurement window.
        List<NodeStats> before = nodes.stream().map(FleetNodeProcess::latest).toList();
        NodeStats selfBefore = self.sample();
        long window = (long) (config.duration() * 1e9);
        long start = System.nanoTime();
        List<Integer> victims = victims(n, holders);
        long[] lastBeat = new long[victims.size()];
        long sentBefore = load.heartbeatsSent();
        load.resetLag();
        for (int k = 0; k < victims.size(); k++) {
          long at = start + window * (2L * k + 1) / (2L * victims.size());
          sleepUntil(at);
          lastBeat[k] = load.silence(victims.get(k));
        }
        sleepUntil(start + window);
        double rate = (load.heartbeatsSent() - sentBefore) / config.duration();
        double lag = load.maxLagNanos() / 1e6;
        List<Long> heapMax = nodes.stream().map(FleetNodeProcess::heapUsedMaxSinceMark).toList();
        nodes.forEach(p -> p.awaitNextLine(3));
        List<NodeStats> after = nodes.stream().map(FleetNodeProcess::latest).toList();
        NodeStats selfAfter = self.sample();
        // Give the last kill time to be detected and reassigned.
        long drain = System.nanoTime() + (long) ((config.timeout() + 10) * 1e9);
        List<Kill> kills = new ArrayList<>();
        while (true) {
          kills.clear();
          for (int k = 0; k < victims.size(); k++) {
            String id = robotId(victims.get(k));
            Long failed = firstAfter(failures, id, lastBeat[k]);
            Long reassigned = failed == null ? null : firstAfter(reassignments, id, failed - 1);
            kills.add(new Kill(id, failed == null ? Double.NaN
                : (failed - lastBeat[k]) / 1e9 - config.timeout(),
                reassigned == null ? Double.NaN : (reassigned - failed) / 1e9));
          }
          if (System.nanoTime() > drain
              || kills.stream().noneMatch(k -> Double.isNaN(k.reassign()))) {
            break;
          }
          Thread.sleep(50);
        }
        Set<String> victimIds = new HashSet<>();
        victims.forEach(v -> victimIds.add(robotId(v)));
        // Spurious: a robot that kept heartbeating was declared failed during the window.
        int spurious = (int) failures.stream().filter(f -> f.nanoTime() >= start
            && !victimIds.contains(f.robot())).map(Received::robot).distinct().count();
        List<Resources> resources = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
          resources.add(resources(NODES.get(i), before.get(i), after.get(i), heapMax.get(i)));
        }
        resources.add(resources("bench", selfBefore, selfAfter, selfAfter.heapUsed()));
        return new FleetPhase(n, baseline, resources, kills, spurious, joined.size(), tasks,
            placedBefore, setup, config.odometryHz() > 0 ? n : 0, odomSetup, rate, lag);
      } finally {
        load.stop();
      }
    }
  }

  /**
   * The robots to silence, spread evenly over those holding work (a failure of an idle robot
   * moves nothing), or over the whole fleet when too few hold any.
   */
  private List<Integer> victims(int n, Set<String> holders) {
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (holders.contains(robotId(i))) {
        pool.add(i);
      }
    }
    if (pool.size() < config.kills()) {
      pool.clear();
      for (int i = 0; i < n; i++) {
        pool.add(i);
      }
    }
    List<Integer> victims = new ArrayList<>();
    for (int k = 0; k < config.kills(); k++) {
      victims.add(pool.get((int) ((long) (2 * k + 1) * pool.size() / (2L * config.kills()))));
    }
    return victims;
  }

  /** An event about a robot, received at {@code nanoTime} on this process's clock. */
  private record Received(String robot, long nanoTime) {}

  private static Long firstAfter(List<Received> events, String robot, long after) {
    return events.stream().filter(e -> e.robot().equals(robot) && e.nanoTime() > after)
        .map(Received::nanoTime).min(Long::compare).orElse(null);
  }

  private static Resources resources(String node, NodeStats a, NodeStats b, long heapMax) {
    if (a == null || b == null) {
      return new Resources(node, Double.NaN, Double.NaN, -1, -1, -1, -1, Double.NaN);
    }
    return new Resources(node, b.cpuPercentSince(a), b.executorCpuPercentSince(a), b.heapUsed(),
        Math.max(heapMax, b.heapUsed()), b.heapCommitted(), b.gcMillis() - a.gcMillis(),
        b.verifySharePercentSince(a));
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
    }
  }

  private static void waitFor(BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

}
