package dev.flotilla.node;

import dev.flotilla.fleet.ltl.LtlSyncTracker;
import dev.flotilla.liveness.HeartbeatMonitor;
import dev.flotilla.liveness.HeartbeatVerdict;
import dev.flotilla.liveness.HiccupMeter;
import dev.flotilla.liveness.InputBacklog;
import dev.flotilla.liveness.Liveness;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParameterTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The synchronizer: tracks heartbeats with a {@link HeartbeatMonitor} and publishes
 * {@code robot_joined}, {@code robot_failed} and {@code robot_recovered} on
 * {@code /flotilla/events}; and synchronizes the LTL plan (seed 003 §4.2) with an
 * {@link LtlSyncTracker}: it reads each plan version from {@code flotilla/ltl_plan_detail}, takes
 * robots' {@code TASK_STARTED} (arrived at the step's region, asks to start) and
 * {@code TASK_COMPLETED} (step done) events about LTL tasks, and publishes GO/WAIT/SKIP
 * {@code SyncCommand}s on {@code flotilla/sync}. A command's {@code plan_version} is the latest
 * {@code flotilla/allocation} version seen (0 before any), the version robots execute, and its
 * reason names the LTL plan version. Thin adapter: the decisions are the monitor's
 * and the sync engine's; inputs they refuse are counted and logged.
 *
 * <p>Heartbeats are taken on the bus's delivery thread, never queued behind the node's other
 * work, and stamped with the node clock as they arrive: on the simulated clock, which arrives on
 * the same thread in order, a starved node then sees time and heartbeats fall behind together. On
 * the system clock the monitor is told how long this process could not run (a {@link
 * HiccupMeter}) and how far behind its senders the heartbeats arrive (an {@link InputBacklog}),
 * and discounts both, so a starved synchronizer does not declare live robots failed.
 * Transitions are published on the node's executor in the order the monitor decided them.
 */
public final class SynchronizerNode implements FlotillaNode {

  /** Sync orders: reliable, not latched (a robot asks again when it arrives). */
  private static final QosProfile SYNC_QOS = new QosProfile(true, false, 100);

  private final NodeContext ctx;
  /** Replaced by a live parameter change ({@link #retune}), on the executor. */
  private volatile SynchronizerParams params;
  private ParameterTable<SynchronizerParams> parameterTable;
  private AutoCloseable parameterServices = () -> { };
  private final Logger log;
  private final InputRejections rejections;
  private final HeartbeatMonitor monitor;
  private final InputBacklog backlog = new InputBacklog();
  /** Liveness transitions in the order the monitor decided them, published by {@link #drain}. */
  private final Queue<Liveness> decided = new ConcurrentLinkedQueue<>();
  /** Held while asking the monitor and queueing its answer, so the queue keeps its order. */
  private final Object deciding = new Object();
  private final Map<String, Long> odometrySequence = new ConcurrentHashMap<>();
  /**
   * Configured robots watched through their odometry, looked up once per heartbeat: scanning the
   * fleet there made every heartbeat O(fleet size), 10^7 steps a second at 1000 robots.
   */
  private final Set<String> livenessFromOdometry;
  private final String heartbeatTopic;
  private final LtlSyncTracker ltl = new LtlSyncTracker();
  private final String eventsTopic;
  private final String ltlTopic;
  private Bus.Publisher<FleetEvent> events;
  private Bus.Publisher<SyncCommand> sync;
  private long allocationVersion;
  /** Measures this process's hiccups when the node runs on the system clock; else null. */
  private HiccupMeter hiccups;
  private double blindSeen;

  /**
   * @param ctx host services
   * @param params validated parameters
   */
  public SynchronizerNode(NodeContext ctx, SynchronizerParams params) {
    this.ctx = ctx;
    this.params = params;
    this.log = ctx.log();
    this.rejections = new InputRejections(log);
    this.monitor = new HeartbeatMonitor(params.heartbeatTimeout(), params.fleet().robotIds(),
        params.fleet().discoverRobots());
    this.heartbeatTopic = ctx.topic(TopicNames.HEARTBEAT);
    this.livenessFromOdometry = params.fleet().robots().stream()
        .filter(RobotSpec::livenessFromOdometry).map(RobotSpec::id)
        .collect(Collectors.toUnmodifiableSet());
    this.eventsTopic = ctx.topic(TopicNames.EVENTS);
    this.ltlTopic = ctx.topic(TopicNames.LTL_PLAN_DETAIL);
  }

  /**
   * @param table the node's parameters, served to {@code ros2 param} once started
   * @return this node
   */
  public SynchronizerNode withParameters(ParameterTable<SynchronizerParams> table) {
    this.parameterTable = table;
    return this;
  }

  /** Takes a live parameter change ({@code heartbeat_timeout}); runs on the executor. */
  void retune(SynchronizerParams next) {
    monitor.setTimeout(next.heartbeatTimeout());
    params = next;
  }

  @Override
  public String name() {
    return ctx.name();
  }

  @Override
  public void start() {
    events = ctx.bus().publisher(ctx.topic(TopicNames.EVENTS), FleetEvent.TYPE,
        FlotillaQos.EVENTS);
    sync = ctx.bus().publisher(ctx.topic(TopicNames.SYNC), SyncCommand.TYPE, SYNC_QOS);
    if (ctx.clock() == NodeClock.SYSTEM) {
      // 10 ms wake-ups; 5 ms of ordinary timer slack is not counted as blindness.
      hiccups = new HiccupMeter(0.010, 0.005);
    }
    // On the delivery thread: a heartbeat must not wait behind the node's other work.
    ctx.bus().subscribe(heartbeatTopic, Heartbeat.TYPE,
        heartbeatQos(params.fleet().robots().size(), params.fleet().discoverRobots()),
        this::onHeartbeat);
    // Robots without a Flotilla agent: their odometry is their heartbeat.
    for (RobotSpec r : params.fleet().robots()) {
      if (r.livenessFromOdometry()) {
        String topic = TopicNames.odometry(ctx.namespace(), r.id());
        ctx.bus().subscribe(topic, Odometry.TYPE, QosProfile.SENSOR_DATA,
            o -> onOdometry(r.id()));
      }
    }
    ctx.bus().subscribe(ltlTopic, dev.flotilla.msgs.std_msgs.String.TYPE, QosProfile.LATCHED,
        d -> ctx.executor().execute(() -> onLtlPlan(d.data())));
    ctx.bus().subscribe(eventsTopic, FleetEvent.TYPE, FlotillaQos.EVENTS,
        e -> ctx.executor().execute(() -> onEvent(e)));
    ctx.bus().subscribe(ctx.topic(TopicNames.ALLOCATION), Allocation.TYPE, FlotillaQos.ALLOCATION,
        a -> ctx.executor().execute(() -> allocationVersion =
            Math.max(allocationVersion, a.planVersion())));
    log.info(String.format(Locale.ROOT, "synchronizer watching %d robots, timeout %.2f s",
        params.fleet().robots().size(), params.heartbeatTimeout()));
    parameterServices = NodeParameterServices.start(ctx, parameterTable, this::retune);
  }

  /**
   * The heartbeat reader's QoS: sensor data, but deep enough for a whole fleet. Every robot beats
   * on one keyless topic, so the reader's keep-last history is shared by all of them: with
   * sensor data's depth of 5, a reader five samples behind (one burst of a 21-robot simulation
   * step, or a few milliseconds of a starved process at 2000 robots) overwrote heartbeats it had
   * not read, and robots that kept beating were declared failed. Four samples per robot, at least
   * 64 (256 when robots are discovered) and at most 1024: Fast-DDS refuses a depth above its
   * default {@code max_samples} (5000), and each sample held can cost a payload of the type's
   * maximum size, so 1024 bounds the reader's native memory; beyond 256 robots the depth covers
   * less than four heartbeats each, which the monitor's backlog discount then has to absorb.
   *
   * @param robots configured robots
   * @param discover whether unconfigured robots may join
   * @return the reader's QoS
   */
  static QosProfile heartbeatQos(int robots, boolean discover) {
    int depth = Math.min(1024, Math.max(discover ? 256 : 64, 4 * robots));
    return new QosProfile(false, false, depth);
  }

  /** @return the period at which the host must call {@link #tick()}, in seconds */
  @Override
  public double tickPeriod() {
    return params.checkPeriod();
  }

  /**
   * Declares silent robots failed, discounting this process's hiccups and the input's backlog
   * since the last tick; called every {@link #tickPeriod()}.
   */
  @Override
  public void tick() {
    if (hiccups != null) {
      double blind = hiccups.blindSeconds();
      monitor.addBlindTime(blind - blindSeen);
      blindSeen = blind;
    }
    double lag = backlog.endInterval();
    synchronized (deciding) {
      decided.addAll(monitor.poll(ctx.clock().now(), lag));
    }
    drain();
  }

  @Override
  public void close() {
    NodeParameterServices.close(parameterServices);
    if (hiccups != null) {
      hiccups.close();
    }
  }

  /** Odometry counts as a heartbeat for a robot whose liveness_source is odometry. */
  void onOdometry(String robotId) {
    long sequence = odometrySequence.merge(robotId, 1L, Long::sum);
    decide(robotId, sequence, ctx.clock().now());
  }

  /** Asks the monitor about one heartbeat and has any transition published in order. */
  private HeartbeatVerdict decide(String robotId, long sequence, double now) {
    List<Liveness> transitions = new ArrayList<>(1);
    HeartbeatVerdict verdict;
    synchronized (deciding) {
      verdict = monitor.onHeartbeat(robotId, sequence, now, transitions);
      decided.addAll(transitions);
    }
    if (!transitions.isEmpty()) {
      // A robot back from silence may have restarted with another clock.
      backlog.forget(robotId);
      ctx.executor().execute(this::drain);
    }
    return verdict;
  }

  /** Publishes the decided transitions; runs on the node's executor only. */
  private void drain() {
    for (Liveness l = decided.poll(); l != null; l = decided.poll()) {
      publish(l);
    }
  }

  void onHeartbeat(Heartbeat hb) {
    if (hb.robotId().isEmpty()) {
      rejections.reject(heartbeatTopic, "", "empty_robot_id", "a heartbeat has no robot_id");
      return;
    }
    if (livenessFromOdometry.contains(hb.robotId())) {
      rejections.reject(heartbeatTopic, hb.robotId(), "liveness_from_odometry",
          "robot '" + hb.robotId() + "' is watched through its odometry (liveness_source), "
              + "its heartbeats are not used");
      return;
    }
    double now = ctx.clock().now();
    HeartbeatVerdict verdict = decide(hb.robotId(), hb.sequenceNumber(), now);
    switch (verdict) {
      case ACCEPTED -> backlog.heard(hb.robotId(), Stamps.seconds(hb.stamp()), now);
      case UNKNOWN_ROBOT -> rejections.reject(heartbeatTopic, hb.robotId(), "unknown_robot",
          "robot '" + hb.robotId() + "' is not in the fleet and discover_robots is false");
      case DUPLICATE -> rejections.reject(heartbeatTopic, hb.robotId(), "duplicate_sequence",
          "sequence number " + hb.sequenceNumber() + " was already received");
      case OUT_OF_ORDER -> rejections.reject(heartbeatTopic, hb.robotId(), "out_of_order",
          "sequence number " + hb.sequenceNumber() + " is older than the last accepted one");
      default -> throw new IllegalStateException("Unhandled verdict " + verdict + ".");
    }
  }

  void onLtlPlan(String json) {
    LtlSyncTracker.Result r = ltl.applyPlan(json);
    if (!r.rejected()) {
      log.info("synchronizing LTL plan version " + ltl.version());
    }
    handle(ltlTopic, "", r);
  }

  void onEvent(FleetEvent e) {
    if (e.kind() != FleetEvent.TASK_STARTED && e.kind() != FleetEvent.TASK_COMPLETED) {
      return;
    }
    handle(eventsTopic, e.robotId(), e.kind() == FleetEvent.TASK_STARTED
        ? ltl.started(e.robotId(), e.taskId(), e.stepIndex())
        : ltl.completed(e.robotId(), e.taskId(), e.stepIndex()));
  }

  private void handle(String topic, String source, LtlSyncTracker.Result r) {
    if (r.rejected()) {
      rejections.reject(topic, source, r.rejectCode(), r.detail());
    }
    // A refused input carries no order, except a duplicate start, answered with its GO again.
    for (LtlSyncTracker.Command c : r.commands()) {
      sync.publish(new SyncCommand(Stamps.time(ctx.clock().now()), allocationVersion,
          c.robotId(), c.taskId(), c.stepIndex(), SyncMessages.command(c.command()),
          c.waitingFor(), c.reason() + " [ltl_plan v" + ltl.version() + "]"));
    }
  }

  /** @return the LTL synchronization state, for tests and diagnostics */
  public LtlSyncTracker ltl() {
    return ltl;
  }

  private void publish(Liveness l) {
    byte kind = switch (l.kind()) {
      case JOINED -> FleetEvent.ROBOT_JOINED;
      case FAILED -> FleetEvent.ROBOT_FAILED;
      case RECOVERED -> FleetEvent.ROBOT_RECOVERED;
    };
    String reason = switch (l.kind()) {
      case JOINED -> "first heartbeat";
      case FAILED -> String.format(Locale.ROOT, "no heartbeat for %.3f s (timeout %.3f s)",
          l.silence(), params.heartbeatTimeout());
      case RECOVERED -> String.format(Locale.ROOT, "heartbeat again after %.3f s", l.silence());
    };
    log.info("robot " + l.robotId() + " " + l.kind().name().toLowerCase(Locale.ROOT) + ": "
        + reason);
    events.publish(FleetEvent.builder().stamp(Stamps.time(l.time())).kind(kind)
        .robotId(l.robotId()).stepIndex(-1).source(ctx.name()).reason(reason).build());
  }

  /** @return rejected-input counters, for tests and diagnostics */
  public InputRejections rejections() {
    return rejections;
  }
}
