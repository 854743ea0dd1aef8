package dev.flotilla.bench;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Measures heartbeat-timeout → reassignment latency over DDS on loopback: three robots heartbeat
 * at 20 Hz, one falls silent, and we time from the instant its timeout expires (last heartbeat +
 * {@code heartbeat_timeout}) to the {@code robot_failed} event and to the {@code Reassignment}
 * received by a separate participant. The baseline, measured in the same run, is DDS's one-way
 * latency between two participants of this process.
 */
public final class FailoverBenchmark {
  private static final double TIMEOUT = 1.0;
  private static final String PARAMS = """
      /**:
        ros__parameters:
          robots:
            r1: {x: 0.0, y: 0.0}
            r2: {x: 5.0, y: 0.0}
            r3: {x: 0.0, y: 5.0}
      synchronizer:
        ros__parameters:
          heartbeat_timeout: %s
          check_period: %s
      allocator:
        ros__parameters:
          algorithm: %s
      """;

  /**
   * Latencies of one run, in seconds.
   *
   * @param robot the robot that fell silent
   * @param detect timeout expiry → {@code robot_failed} event received
   * @param reassign timeout expiry → {@code Reassignment} received
   */
  public record Sample(String robot, double detect, double reassign) {}

  /**
   * All figures of a benchmark run.
   *
   * @param samples one per failure
   * @param ddsOneWay one-way DDS latencies between two participants (s), the baseline
   * @param checkPeriod synchronizer check period (s)
   * @param algorithm allocator algorithm
   */
  public record Report(List<Sample> samples, double[] ddsOneWay, double checkPeriod,
      String algorithm) {

    /** Header of the CSV of {@link #csv()}. */
    public static final String CSV_HEADER = "run,robot,detect_s,reassign_s";

    /**
     * Prints the latency table (median, p90 and max after the timeout) and the ratio of the
     * reassignment to DDS's one-way latency.
     *
     * @param out where it goes
     */
    public void print(TableWriter out) {
      double[] detect = samples.stream().mapToDouble(Sample::detect).toArray();
      double[] reassign = samples.stream().mapToDouble(Sample::reassign).toArray();
      out.printf("failover over DDS on loopback: %d runs, heartbeat_timeout "
          + "1.0 s, check_period %.3f s, allocator %s%n", samples.size(), checkPeriod, algorithm);
      out.println("latency after the timeout expires   median      p90      max");
      row(out, "robot_failed event received", detect);
      row(out, "Reassignment received", reassign);
      row(out, "baseline: DDS one-way (200 pings)", ddsOneWay);
      out.printf("reassignment median / DDS one-way median = %.1f%n",
          Statistics.quantile(reassign, 0.5) / Statistics.quantile(ddsOneWay, 0.5));
    }

    /** @return the CSV lines after the header: one per run, then one per baseline ping */
    public List<String> csv() {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        Sample s = samples.get(i);
        lines.add(String.format(Locale.ROOT, "%d,%s,%.6f,%.6f", i, s.robot(), s.detect(),
            s.reassign()));
      }
      for (double v : ddsOneWay) {
        lines.add(String.format(Locale.ROOT, "baseline,ping,,%.6f", v));
      }
      return lines;
    }

    private static void row(TableWriter out, String label, double[] v) {
      out.printf("%-34s %7.1f ms %7.1f ms %7.1f ms%n", label,
          1e3 * Statistics.quantile(v, 0.5), 1e3 * Statistics.quantile(v, 0.9),
          1e3 * Statistics.quantile(v, 1.0));
    }
  }

  /**
   * What to run.
   *
   * @param runs failures to time, &ge; 1
   * @param domainId DDS domain for the run
   * @param checkPeriod synchronizer check period (s)
   * @param algorithm {@code potential_game} or {@code greedy}
   */
  public record Settings(int runs, int domainId, double checkPeriod, String algorithm) {}

  private final int runs;
  private final int domainId;
  private final double checkPeriod;
  private final String algorithm;

  /** @param settings what to run */
  public FailoverBenchmark(Settings settings) {
    if (settings.runs() < 1) {
      throw new IllegalArgumentException("The benchmark needs at least one run, got "
          + settings.runs() + ".");
    }
    this.runs = settings.runs();
    this.domainId = settings.domainId();
    this.checkPeriod = settings.checkPeriod();
    this.algorithm = settings.algorithm();
  }

  /**
   * Runs the benchmark.
   *
   * @return the figures
   * @throws InterruptedException when interrupted
   */
  public Report run() throws InterruptedException {
    RosParamsFile file = RosParamsFile.parse("(failover benchmark)",
        String.format(Locale.ROOT, PARAMS, TIMEOUT, checkPeriod, algorithm));
    try (NodeHost host = new NodeHost(true);
        DdsBus fleet = new DdsBus("bench_fleet", "/", domainId, true);
        DdsBus watcher = new DdsBus("bench_watcher", "/", domainId, true)) {
      for (String node : List.of("synchronizer", "allocator", "planner")) {
        host.start(NodeHost.spec(node, file, "/"), domainId);
      }
      double[] baseline = ddsOneWay(fleet, watcher);
      BlockingQueue<Object[]> seen = new LinkedBlockingQueue<>();
      Set<String> joined = ConcurrentHashMap.newKeySet();
      Set<String> accepted = ConcurrentHashMap.newKeySet();
      watcher.subscribe(TopicNames.resolve("/", TopicNames.EVENTS), FleetEvent.TYPE,
          FlotillaQos.EVENTS, e -> {
            if (e.kind() == FleetEvent.TASK_ACCEPTED) {
              accepted.add(e.taskId());
            } else if (e.kind() == FleetEvent.ROBOT_JOINED
                || e.kind() == FleetEvent.ROBOT_RECOVERED) {
              joined.add(e.robotId());
            } else if (e.kind() == FleetEvent.ROBOT_FAILED) {
              joined.remove(e.robotId());
              seen.add(new Object[] {"failed", e.robotId(), System.nanoTime()});
            }
          });
      watcher.subscribe(TopicNames.resolve("/", TopicNames.REASSIGNMENT), Reassignment.TYPE,
          FlotillaQos.REASSIGNMENT, r -> {
            if (r.cause() == Reassignment.CAUSE_ROBOT_FAILED) {
              seen.add(new Object[] {"reassigned", r.subject(), System.nanoTime()});
            }
          });
      Heartbeats beats = new Heartbeats(fleet, List.of("r1", "r2", "r3"));
      beats.start();
      try {
        Bus.Publisher<TaskRequest> tasks = fleet.publisher(
            TopicNames.resolve("/", TopicNames.TASKS), TaskRequest.TYPE, FlotillaQos.TASKS);
        waitFor(() -> joined.size() == 3, 30);
        // Re-send until the planner has matched and accepted them (discovery takes a moment).
        for (int i = 0; i < 100 && accepted.size() < 3; i++) {
          for (String id : List.of("a", "b", "c")) {
            if (accepted.contains(id)) {
              continue;
            }
            tasks.publish(TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
                .location(new Point(id.charAt(0) - 'a', 1, 0)).requiredRobots(1)
                .baseUtility(100).decayRate(0.0001).duration(3600).build());
          }
          Thread.sleep(100);
        }
        List<Sample> samples = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          String victim = "r" + (1 + run % 3);
          waitFor(() -> joined.size() == 3, 30);
          Thread.sleep(300);
          seen.clear();
          long last = beats.silence(victim);
          long expiry = last + (long) (TIMEOUT * 1e9);
          Long failed = null;
          Long reassigned = null;
          long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while ((failed == null || reassigned == null) && System.nanoTime() < until) {
            Object[] e = seen.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && victim.equals(e[1])) {
              if (e[0].equals("failed")) {
                failed = (Long) e[2];
              } else {
                reassigned = (Long) e[2];
              }
            }
          }
          beats.resume(victim);
          if (failed == null || reassigned == null) {
            throw new IllegalStateException("Run " + run + ": no failover observed for "
                + victim + " within 10 s.");
          }
          samples.add(new Sample(victim, (failed - expiry) / 1e9, (reassigned - expiry) / 1e9));
        }
        return new Report(samples, baseline, checkPeriod, algorithm);
      } finally {
        beats.stop();
      }
    }
  }

  private static double[] ddsOneWay(DdsBus from, DdsBus to) throws InterruptedException {
    String topic = "/flotilla/bench/ping";
    Map<Long, Long> sent = new ConcurrentHashMap<>();
    BlockingQueue<Double> latencies = new LinkedBlockingQueue<>();
    to.subscribe(topic, Heartbeat.TYPE, QosProfile.DEFAULT, h -> {
      Long t = sent.get(h.sequenceNumber());
      if (t != null) {
        latencies.add((System.nanoTime() - t) / 1e9);
      }
    });
    Bus.Publisher<Heartbeat> ping = from.publisher(topic, Heartbeat.TYPE, QosProfile.DEFAULT);
    // Warm up discovery first; only pings sent once matched count.
    long seq = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (latencies.isEmpty() && System.nanoTime() < deadline) {
      sent.put(++seq, System.nanoTime());
      ping.publish(Heartbeat.builder().robotId("ping").sequenceNumber(seq).build());
      Thread.sleep(50);
    }
    latencies.clear();
    for (int i = 0; i < 200; i++) {
      sent.put(++seq, System.nanoTime());
      ping.publish(Heartbeat.builder().robotId("ping").sequenceNumber(seq).build());
      Thread.sleep(5);
    }
    Thread.sleep(200);
    return latencies.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void waitFor(BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The benchmark fleet did not reach its expected state "
            + "within " + seconds + " s.");
      }
      Thread.sleep(20);
    }
  }

  /** Robots heartbeating at 20 Hz; one can be silenced and resumed. */
  private static final class Heartbeats {
    private final Bus.Publisher<Heartbeat> publisher;
    private final List<String> robots;
    private final Map<String, Long> lastSent = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private long sequence;

    Heartbeats(Bus bus, List<String> robots) {
      this.publisher = bus.publisher(TopicNames.resolve("/", TopicNames.HEARTBEAT),
          Heartbeat.TYPE, QosProfile.SENSOR_DATA);
      this.robots = robots;
      this.thread = new Thread(this::loop, "bench-heartbeats");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join();
    }

    private void loop() {
      while (!Thread.currentThread().isInterrupted()) {
        sequence++;
        for (String r : robots) {
          synchronized (this) {
            if (!silent.contains(r)) {
              publisher.publish(Heartbeat.builder().robotId(r).sequenceNumber(sequence).build());
              lastSent.put(r, System.nanoTime());
            }
          }
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** Silences a robot; returns when its last heartbeat left, in System.nanoTime(). */
    synchronized long silence(String robot) {
      silent.add(robot);
      return lastSent.get(robot);
    }

    synchronized void resume(String robot) {
      silent.remove(robot);
    }
  }
}
