package dev.flotilla.bench;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.PoseWithCovariance;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.bench.LoadFigures.NodeStats;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Issue #8's fleet load benchmark. For each fleet size the three nodes run as three JVMs (so each
 * node's CPU and heap include its DDS threads and nothing else), and this process plays the fleet:
 * every robot heartbeats on the shared heartbeat topic (one participant) and publishes odometry on
 * its own {@code /<robot>/odom} topic (a second participant, one writer per robot), both at fixed
 * rates with the robots' phases spread over the period as unsynchronised robots would be. Half as many single-robot tasks as
 * robots are submitted, then {@code kills} robots that hold tasks fall silent at known times.
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

  /**
   * One silenced robot.
   *
   * @param robot its id
   * @param detect seconds from last heartbeat sent + timeout to {@code robot_failed} received;
   *     NaN when never detected
   * @param reassign seconds from {@code robot_failed} to its {@code Reassignment}; NaN when none
   */
  public record Kill(String robot, double detect, double reassign) {}

  /**
   * One node's (or this process's) resources over the measurement window.
   *
   * @param node node name, or {@code bench} for the load generator and watcher
   * @param cpuPercent whole process, percent of one core
   * @param executorCpuPercent the node's callback thread alone, percent of one core
   * @param heapUsed bytes in use at the end of the window
   * @param heapUsedMax most bytes in use seen during the window
   * @param heapCommitted bytes committed at the end of the window
   * @param gcMillis milliseconds of GC during the window
   * @param verifySharePercent signature verification's share of the process's CPU, NaN when
   *     the node does not measure it
   */
  public record Resources(String node, double cpuPercent, double executorCpuPercent,
      long heapUsed, long heapUsedMax, long heapCommitted, long gcMillis,
      double verifySharePercent) {}

  /**
   * Figures of one fleet size.
   *
   * @param robots fleet size
   * @param baseline whether this is the baseline phase
   * @param resources per node, then the bench process
   * @param kills one per silenced robot
   * @param spuriousFailures robots declared failed that were never silenced
   * @param joined robots that joined before the window
   * @param tasks tasks submitted
   * @param tasksPlaced tasks the allocator had placed before the window
   * @param setupSeconds from the first heartbeat to every task placed (or the wait giving up)
   * @param odometryWriters odometry topics written, each by its own DDS writer
   * @param odometrySetupSeconds time to create those writers
   * @param heartbeatRate heartbeats sent per second during the window
   * @param maxSendLagMillis worst lag of the load generator behind its schedule
   */
  public record Phase(int robots, boolean baseline, List<Resources> resources, List<Kill> kills,
      int spuriousFailures, int joined, int tasks, int tasksPlaced, double setupSeconds,
      int odometryWriters, double odometrySetupSeconds, double heartbeatRate,
      double maxSendLagMillis) {

    /** @return detection latencies of the detected kills, seconds */
    public double[] detect() {
      return kills.stream().mapToDouble(Kill::detect).filter(d -> !Double.isNaN(d)).toArray();
    }

    /** @return reassignment latencies of the reassigned kills, seconds */
    public double[] reassign() {
      return kills.stream().mapToDouble(Kill::reassign).filter(d -> !Double.isNaN(d)).toArray();
    }

    /**
     * @param node a node name or {@code bench}
     * @return its resources
     */
    public Resources of(String node) {
      return resources.stream().filter(r -> r.node().equals(node)).findFirst().orElseThrow();
    }
  }

  private final Config config;
  private static final java.util.concurrent.atomic.AtomicLong SEQUENCE =
      new java.util.concurrent.atomic.AtomicLong();
  /** Signs the simulated robots' heartbeats and the bench's tasks; null with security off. */
  private dev.flotilla.security.MessageAuthenticator signer;
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
    dev.flotilla.security.KeyDir.generate(keysDir, ids, true);
    List<String> robots = ids.subList(4, ids.size());
    this.signer = new dev.flotilla.security.MessageAuthenticator(
        dev.flotilla.security.Roster.of(dev.flotilla.security.Roster.defaultNodes(), robots),
        dev.flotilla.security.KeyDir.load(keysDir));
    this.keysDir = keysDir.toAbsolutePath();
    return this;
  }

  /**
   * Runs the baseline (when configured) and every fleet size, one after the other.
   *
   * @return one phase per fleet size, the baseline first
   * @throws Exception when a node process does not start or DDS fails
   */
  public List<Phase> run() throws Exception {
    List<Phase> phases = new ArrayList<>();
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
    return dev.flotilla.security.SecureBus.nextSequence(SEQUENCE);
  }

  static String robotId(int i) {
    return String.format(Locale.ROOT, "r%04d", i);
  }

  private Phase runPhase(int n, boolean baseline, int domain, int index) throws Exception {
    PrintStream log = config.log();
    log.printf(Locale.ROOT, "fleet bench: %d robots%s on domain %d%n", n,
        baseline ? " (baseline)" : "", domain);
    Path dir = Files.createDirectories(config.workDir().resolve("phase" + index + "_" + n));
    Path paramsFile = Files.writeString(dir.resolve("fleet.yaml"), params(n));
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (String node : NODES) {
        nodes.add(new NodeProcess(node, paramsFile, domain, dir));
      }
      for (NodeProcess p : nodes) {
        p.awaitReady(60);
      }
      return measure(n, baseline, domain, nodes);
    } finally {
      for (NodeProcess p : nodes) {
        p.close();
      }
    }
  }

  private Phase measure(int n, boolean baseline, int domain, List<NodeProcess> nodes)
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
              reassignments.add(new Received(r.subject(), now));
            } else if (r.cause() == Reassignment.CAUSE_NEW_TASK) {
              placed.add(r.subject());
              holders.addAll(r.affectedRobots());
            }
          });
      long odomStart = System.nanoTime();
      LoadGenerator load = new LoadGenerator(fleet, odometryBus, n, config.heartbeatHz(),
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
        submitTasks(fleet, tasks, n, placed, accepted);
        double setup = (System.nanoTime() - setupStart) / 1e9;
        log.printf(Locale.ROOT, "  %d/%d tasks placed after %.1f s%n", placed.size(), tasks,
            setup);
        int placedBefore = placed.size();
        Thread.sleep(2000);
        log.printf(Locale.ROOT, "  setup: load generator lagged up to %.0f ms; %d robot_failed "
            + "events before the window; %d robots were given tasks%n", load.maxLagNanos() / 1e6,
            failures.size(), holders.size());

        // The measurement window.
        List<NodeStats> before = nodes.stream().map(NodeProcess::latest).toList();
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
        List<Long> heapMax = nodes.stream().map(NodeProcess::heapUsedMaxSinceMark).toList();
        nodes.forEach(p -> p.awaitNextLine(3));
        List<NodeStats> after = nodes.stream().map(NodeProcess::latest).toList();
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
        Set<String> victimIds = new java.util.HashSet<>();
        victims.forEach(v -> victimIds.add(robotId(v)));
        // Spurious: a robot that kept heartbeating was declared failed during the window.
        int spurious = (int) failures.stream().filter(f -> f.nanoTime() >= start
            && !victimIds.contains(f.robot())).map(Received::robot).distinct().count();
        List<Resources> resources = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
          resources.add(resources(NODES.get(i), before.get(i), after.get(i), heapMax.get(i)));
        }
        resources.add(resources("bench", selfBefore, selfAfter, selfAfter.heapUsed()));
        return new Phase(n, baseline, resources, kills, spurious, joined.size(), tasks,
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

  /**
   * Submits single-robot tasks spread over the fleet's grid, paced so the reliable task topic's
   * history is not overrun, and waits until the allocator has placed them (re-sending lost ones;
   * the planner rejects the duplicates). A task the planner accepted is not re-sent: when this
   * watcher matched the allocator too late to see its placement, waiting longer would not help.
   */
  private void submitTasks(Bus bus, int tasks, int robots, Set<String> placed,
      Set<String> accepted) throws InterruptedException {
    Bus.Publisher<TaskRequest> publisher = bus.publisher(
        TopicNames.resolve("/", TopicNames.TASKS), TaskRequest.TYPE, FlotillaQos.TASKS);
    int rows = Math.max(1, (robots + 31) / 32);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + tasks / 5);
    long lastProgress = System.nanoTime();
    int lastPlaced = -1;
    Thread.sleep(500);
    for (int round = 0; placed.size() < tasks && System.nanoTime() < deadline; round++) {
      int sent = 0;
      for (int t = 0; t < tasks; t++) {
        String id = String.format(Locale.ROOT, "t%04d", t);
        if (placed.contains(id) || accepted.contains(id)) {
          continue;
        }
        TaskRequest task = TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
            .location(new Point(2.0 * ((t * 7) % 32) + 1, 2.0 * ((t * 3) % rows) + 1, 0))
            .requiredRobots(1).baseUtility(100).decayRate(0.0001).duration(3600).build();
        if (signer != null) {
          task = signer.sign(TopicNames.resolve("/", TopicNames.TASKS), TaskRequest.TYPE, task,
              "operator", nextSequence(), dev.flotilla.msgs.flotilla_msgs.Auth.SCHEME_ED25519);
        }
        publisher.publish(task);
        if (++sent % 25 == 0) {
          Thread.sleep(50);
        }
      }
      // Wait while the allocator makes progress; re-send what is still missing when it stalls.
      while (placed.size() < tasks && System.nanoTime() < deadline) {
        Thread.sleep(500);
        if (placed.size() != lastPlaced) {
          lastPlaced = placed.size();
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
          lastProgress = System.nanoTime();
          break;
        }
      }
      if (round > 0 && accepted.size() >= tasks) {
        return;
      }
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /**
   * The simulated fleet: one thread publishes every robot's heartbeat and another its odometry,
   * each at its rate with robot i offset by i/n of the period, so the load is smooth rather than
   * one burst per period. A silenced robot stops both at once.
   */
  private static final class LoadGenerator {
    private final Bus.Publisher<Heartbeat> heartbeats;
    private final List<Bus.Publisher<Odometry>> odometry = new ArrayList<>();
    private final int n;
    private final long heartbeatPeriod;
    private final long odometryPeriod;
    private final boolean[] silent;
    private final long[] lastBeat;
    private final Thread thread;
    private final Thread odometryThread;
    private volatile long sent;
    private volatile long maxLag;
    private final dev.flotilla.security.MessageAuthenticator signer;
    private final String heartbeatTopic = TopicNames.resolve("/", TopicNames.HEARTBEAT);

    LoadGenerator(Bus bus, Bus odometryBus, int n, double heartbeatHz, double odometryHz,
        dev.flotilla.security.MessageAuthenticator signer) {
      this.signer = signer;
      this.heartbeats = bus.publisher(heartbeatTopic, Heartbeat.TYPE, QosProfile.SENSOR_DATA);
      this.n = n;
      this.heartbeatPeriod = (long) (1e9 / heartbeatHz);
      this.odometryPeriod = odometryHz > 0 ? (long) (1e9 / odometryHz) : 0;
      if (odometryHz > 0) {
        for (int i = 0; i < n; i++) {
          odometry.add(odometryBus.publisher(TopicNames.odometry("/", robotId(i)),
              Odometry.TYPE, QosProfile.SENSOR_DATA));
        }
      }
      this.silent = new boolean[n];
      this.lastBeat = new long[n];
      this.thread = new Thread(this::heartbeatLoop, "bench-load");
      thread.setDaemon(true);
      this.odometryThread = new Thread(this::odometryLoop, "bench-odometry");
      odometryThread.setDaemon(true);
    }

    void start() {
      thread.start();
      if (odometryPeriod > 0) {
        odometryThread.start();
      }
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      odometryThread.interrupt();
      thread.join();
      if (odometryPeriod > 0) {
        odometryThread.join();
      }
    }

    long heartbeatsSent() {
      return sent;
    }

    long maxLagNanos() {
      return maxLag;
    }

    void resetLag() {
      maxLag = 0;
    }

    /** Silences a robot; returns when its last heartbeat left, in System.nanoTime(). */
    synchronized long silence(int robot) {
      silent[robot] = true;
      return lastBeat[robot];
    }

    private void heartbeatLoop() {
      long start = System.nanoTime();
      long beats = 0;
      while (!Thread.currentThread().isInterrupted()) {
        long now = System.nanoTime();
        // Sends due by now: robot i's k-th message is due at start + (k + i / n) · period.
        long beatsDue = (now - start) * n / heartbeatPeriod + 1;
        if (beatsDue - beats > 1) {
          long lag = now - (start + (beats * heartbeatPeriod) / n);
          maxLag = Math.max(maxLag, lag);
        }
        // A robot that could not send on time sends late, once: more than a period behind, the
        // schedule skips ahead rather than bursting a backlog no real fleet would send.
        if (beatsDue - beats > n) {
          beats = beatsDue - n;
        }
        for (; beats < beatsDue; beats++) {
          int i = (int) (beats % n);
          synchronized (this) {
            if (!silent[i]) {
              Heartbeat hb = Heartbeat.builder().robotId(robotId(i))
                  .sequenceNumber(beats / n + 1).stamp(Stamps.time(System.currentTimeMillis()
                      / 1e3)).battery(Float.NaN).health(1f).build();
              if (signer != null) {
                hb = signer.sign(heartbeatTopic, Heartbeat.TYPE, hb, robotId(i), nextSequence(),
                    dev.flotilla.msgs.flotilla_msgs.Auth.SCHEME_HMAC_SHA256);
              }
              heartbeats.publish(hb);
              lastBeat[i] = System.nanoTime();
              sent++;
            }
          }
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void odometryLoop() {
      long start = System.nanoTime();
      long odoms = 0;
      while (!Thread.currentThread().isInterrupted()) {
        long odomsDue = (System.nanoTime() - start) * n / odometryPeriod + 1;
        if (odomsDue - odoms > n) {
          odoms = odomsDue - n;
        }
        for (; odoms < odomsDue; odoms++) {
          int i = (int) (odoms % n);
          // Not under the lock: a publish held up by a slow reader must not hold up heartbeats.
          boolean quiet;
          synchronized (this) {
            quiet = silent[i];
          }
          if (!quiet) {
            odometry.get(i).publish(Odometry.builder()
                .header(new Header(Stamps.time(System.currentTimeMillis() / 1e3), "odom"))
                .childFrameId(robotId(i) + "/base_link")
                .pose(PoseWithCovariance.builder().build()).build());
          }
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** A node JVM: {@code flotilla bench fleet-node NAME}, printing its status lines. */
  private final class NodeProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<NodeStats> stats = new CopyOnWriteArrayList<>();
    /** Stops the node if the benchmark itself is stopped (Ctrl-C), so no JVM is left behind. */
    private final Thread reaper;
    private volatile int mark;

    NodeProcess(String name, Path params, int domain, Path dir) throws IOException {
      this.name = name;
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // "{node}" in an option names the node, e.g. one JFR recording per node process.
      config.nodeJvmOptions().forEach(o -> command.add(o.replace("{node}", name)));
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
}
