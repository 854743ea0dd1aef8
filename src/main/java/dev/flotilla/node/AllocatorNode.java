package dev.flotilla.node;

import dev.flotilla.alloc.api.UtilityMode;
import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.node.journal.StateJournal;
import dev.flotilla.resume.ResumeJson;
import dev.flotilla.resume.Resumes;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.urdf.UrdfException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The allocator: keeps the current allocation and republishes it (with a {@code Reassignment}
 * naming only the robots whose plans changed) when a robot fails or recovers, a task arrives or a
 * task is done. Thin adapter over {@link AllocationSession} and the {@code alloc} library.
 */
public final class AllocatorNode implements FlotillaNode {

  /**
   * Validated parameters of the {@code allocator} node.
   *
   * @param fleet the fleet
   * @param algorithm {@code greedy} (nearest capable robots) or {@code potential_game} (seed 001)
   * @param utility α, β, σ_f, δ of seed 001 Eqs. (2)–(6)
   * @param rebalanceThreshold relative efficiency drop that triggers a global re-plan (seed 000)
   * @param deviationTolerance metres of odometry deviation from the plan that are ignored
   * @param replanPolicy event-triggered (seed 000) or a global re-plan at every event
   * @param lambda capabilities λ_ij set by the operator per robot and task id, in [0, 1]; pairs
   *     not listed are scored from the robots' resumes
   * @param stateDir directory of the crash-recovery journal, or null for none ({@code state_dir})
   * @param standby whether this instance starts as the hot standby ({@code standby})
   * @param leaseDuration seconds without the active allocator's lease before another instance
   *     takes over; 0 turns the lease protocol off (a single allocator, {@code lease_duration})
   */
  public record Params(FleetParams fleet, String algorithm, UtilityParams utility,
      double rebalanceThreshold, double deviationTolerance,
      EventTriggeredRebalancer.Policy replanPolicy,
      java.util.Map<String, java.util.Map<String, Double>> lambda,
      java.nio.file.Path stateDir, boolean standby, double leaseDuration) {
    /**
     * @param p the node's parameters
     * @return the validated record
     */
    public static Params read(ParamReader p) {
      FleetParams fleet = FleetParams.read(p);
      String algorithm = p.string("algorithm", "potential_game",
          Set.of("greedy", "potential_game"));
      UtilityParams utility = new UtilityParams(p.number("alpha", 1.0, 0, 1e6),
          p.number("beta", 0.001, 0, 1e6), p.number("sigma_f", 1e-5, 0, 1e6),
          p.number("delta", 1.0, 1e-9, 1e9),
          p.string("utility", "expected_utility", Set.of("expected_utility",
              "quality_minus_cost")).equals("expected_utility")
              ? UtilityMode.EXPECTED_UTILITY : UtilityMode.QUALITY_MINUS_COST);
      double threshold = p.number("rebalance_threshold", 0.1, 0, 1);
      double tolerance = p.number("deviation_tolerance", 1.0, 0, 1e6);
      EventTriggeredRebalancer.Policy policy = p.string("replan_policy", "event_triggered",
          Set.of("event_triggered", "always_global")).equals("event_triggered")
          ? EventTriggeredRebalancer.Policy.EVENT_TRIGGERED
          : EventTriggeredRebalancer.Policy.ALWAYS_GLOBAL;
      java.util.Map<String, java.util.Map<String, Double>> lambda = new java.util.LinkedHashMap<>();
      for (String robot : p.children("lambda")) {
        java.util.Map<String, Double> row = new java.util.LinkedHashMap<>();
        for (String task : p.children("lambda." + robot)) {
          row.put(task, p.number("lambda." + robot + "." + task, 1, 0, 1));
        }
        lambda.put(robot, java.util.Map.copyOf(row));
      }
      String stateDir = p.string("state_dir", "", Set.of());
      boolean standby = p.bool("standby", false);
      double lease = p.number("lease_duration", 0, 0, 3600);
      if (standby && lease == 0) {
        throw new dev.flotilla.ros.params.ParamsException(p.source() + ": allocator.standby "
            + "needs allocator.lease_duration > 0 to know when the primary is gone.");
      }
      p.finish();
      return new Params(fleet, algorithm, utility, threshold, tolerance, policy,
          java.util.Map.copyOf(lambda), stateDir.isEmpty() ? null : p.resolve(stateDir),
          standby, lease);
    }
  }

  /** Planner → allocator: the LTL plan as an Allocation of LTL steps per robot. */
  static final String LTL_PLAN = "flotilla/ltl_plan";

  private final NodeContext ctx;
  private final Params params;
  private final Logger log;
  private final InputRejections rejections;
  private final Set<String> odometrySubscribed = new HashSet<>();
  private final Set<String> descriptionSubscribed = new HashSet<>();
  private final java.util.Map<String, RobotResume> resumes = new java.util.LinkedHashMap<>();
  /**
   * Configured robots by id, for the odometry path: {@link FleetParams#robot} scans the fleet,
   * 10^7 steps a second at 1000 robots × 10 Hz on the thread that also handles failures.
   */
  private final java.util.Map<String, RobotSpec> configured;
  private Bus.Publisher<dev.flotilla.msgs.std_msgs.String> resumeTopic;
  private AllocationSession session;
  private Bus.Publisher<Allocation> allocations;
  private Bus.Publisher<Reassignment> reassignments;
  private Bus.Publisher<dev.flotilla.msgs.visualization_msgs.MarkerArray> markers;
  private Consumer<PlanUpdate> observer = u -> {};
  /** Crash-recovery journal, or null without {@code state_dir}. */
  private StateJournal journal;
  /** This instance in the lease protocol: node name plus a random suffix, unique per start. */
  private final String instanceId;
  private Bus.Publisher<Heartbeat> leases;
  private boolean active;
  private double startedAt;
  private double lastActiveLease = Double.NEGATIVE_INFINITY;
  private long leaseSequence;

  /**
   * @param ctx host services
   * @param params validated parameters
   */
  public AllocatorNode(NodeContext ctx, Params params) {
    this.ctx = ctx;
    this.params = params;
    this.log = ctx.log();
    this.rejections = new InputRejections(log);
    this.instanceId = ctx.name() + "@" + java.util.UUID.randomUUID().toString().substring(0, 8);
    this.configured = params.fleet().robots().stream().collect(
        java.util.stream.Collectors.toUnmodifiableMap(RobotSpec::id, r -> r));
  }

  @Override
  public String name() {
    return ctx.name();
  }

  @Override
  public void start() {
    double now = ctx.clock().now();
    startedAt = now;
    double epoch = now;
    if (params.stateDir() != null) {
      journal = StateJournal.open(params.stateDir(), ctx.name());
      // Plan times count from the first start, so task decay survives a restart.
      epoch = journal.number("epoch").orElse(now);
      if (journal.number("epoch").isEmpty()) {
        journal.put("epoch", Double.toString(now));
      }
    }
    session = new AllocationSession(params, epoch);
    // Inputs (our journal, then DDS history) fill the state before this instance plans anything.
    session.setPassive(true);
    boolean restored = restore();
    allocations = ctx.bus().publisher(ctx.topic(TopicNames.ALLOCATION), Allocation.TYPE,
        FlotillaQos.ALLOCATION);
    reassignments = ctx.bus().publisher(ctx.topic(TopicNames.REASSIGNMENT), Reassignment.TYPE,
        FlotillaQos.REASSIGNMENT);
    markers = ctx.bus().publisher(ctx.topic(TopicNames.MARKERS),
        dev.flotilla.msgs.visualization_msgs.MarkerArray.TYPE, FlotillaQos.ALLOCATION);
    resumeTopic = ctx.bus().publisher(ctx.topic(TopicNames.RESUMES),
        dev.flotilla.msgs.std_msgs.String.TYPE, new QosProfile(true, true, 1000));
    for (RobotSpec r : params.fleet().robots()) {
      subscribeOdometry(r.id());
      subscribeDescription(r.id());
      if (r.urdf() != null) {
        onDescription(r.id(), r.urdf().toString(), readUrdf(r));
      }
    }
    ctx.bus().subscribe(ctx.topic(TopicNames.EVENTS), FleetEvent.TYPE, FlotillaQos.EVENTS,
        e -> ctx.executor().execute(() -> onEvent(e)));
    // The LTL planner's plan (seed 003): merged into the allocation we publish.
    ctx.bus().subscribe(ctx.topic(LTL_PLAN), Allocation.TYPE, FlotillaQos.ALLOCATION,
        plan -> ctx.executor().execute(() -> {
          if (journal != null && plan.planVersion() > journal.meta("ltl_version")
              .map(Long::parseLong).orElse(0L)) {
            journal.batch(() -> {
              journal.putBlob("ltl_plan", Allocation.TYPE.encode(plan));
              journal.put("ltl_version", Long.toString(plan.planVersion()));
            });
          }
          apply(session.ltlPlan(plan, ctx.clock().now()));
        }));
    ctx.bus().subscribe(ctx.topic(TopicNames.ACCEPTED_TASKS), TaskRequest.TYPE,
        FlotillaQos.ACCEPTED_TASKS, t -> ctx.executor().execute(() -> onAcceptedTask(t)));
    log.info("allocator (" + params.algorithm() + ") planning for "
        + params.fleet().robots().size() + " configured robots"
        + (journal == null ? "" : ", journal " + journal.file())
        + (params.leaseDuration() > 0 ? String.format(java.util.Locale.ROOT,
            ", %s instance %s, lease %.2f s", params.standby() ? "standby" : "primary",
            instanceId, params.leaseDuration()) : ""));
    if (params.leaseDuration() > 0) {
      leases = ctx.bus().publisher(ctx.topic(LEASE), Heartbeat.TYPE, QosProfile.SENSOR_DATA);
      ctx.bus().subscribe(ctx.topic(LEASE), Heartbeat.TYPE, QosProfile.SENSOR_DATA,
          l -> ctx.executor().execute(() -> onLease(l)));
      ctx.bus().subscribe(ctx.topic(TopicNames.ALLOCATION), Allocation.TYPE,
          FlotillaQos.ALLOCATION, a -> ctx.executor().execute(() -> onAllocation(a)));
      // Active only after hearing no active instance for a while: see tick().
      return;
    }
    if (restored) {
      // Republish only after the fleet's transient-local history (events, accepted tasks) has
      // had time to arrive: a task completed while we were down must not be planned again.
      recoverAt = now + RECOVERY_SETTLE;
    } else {
      activate(null);
    }
  }

  /** Seconds a restarted allocator listens before it republishes its plan (see start()). */
  static final double RECOVERY_SETTLE = 1.0;
  private double recoverAt = Double.NaN;

  /** Topic of the allocators' lease protocol (hot standby): {@code Heartbeat}s per instance. */
  static final String LEASE = TopicNames.ALLOCATOR_LEASE;

  /**
   * Replays the journal into the (passive) session: robots, accepted tasks not yet done, failed
   * pairs, the planner's LTL plan and the last published plan, whose version ours will exceed.
   *
   * @return whether there was state to restore
   */
  private boolean restore() {
    if (journal == null || journal.fresh()) {
      return false;
    }
    for (StateJournal.Task t : journal.tasks()) {
      if (t.state() == StateJournal.TaskState.ACCEPTED) {
        session.taskAdded(TaskRequest.TYPE.decode(t.request()), t.receivedAt());
      }
    }
    double now = ctx.clock().now();
    for (StateJournal.Robot r : journal.robots().values()) {
      if (!session.knows(r.robotId()) && !params.fleet().discoverRobots()) {
        continue;
      }
      session.robotAvailable(r.robotId(), now, false);
      if (!r.alive()) {
        session.robotFailed(r.robotId(), now);
      }
      if (Double.isFinite(r.x())) {
        session.setPosition(r.robotId(), new dev.flotilla.model.Point3(r.x(), r.y(), r.z()), now);
      }
    }
    for (String pair : journal.failedPairs()) {
      int bar = pair.indexOf('|');
      session.taskFailed(pair.substring(0, bar), pair.substring(bar + 1), now);
    }
    journal.blob("ltl_plan").ifPresent(b -> session.ltlPlan(Allocation.TYPE.decode(b), now));
    journal.latestPlan().ifPresent(b -> session.adopt(Allocation.TYPE.decode(b)));
    session.versionAtLeast(journal.maxVersion());
    log.info("restored from " + journal.file() + ": " + journal.tasks().stream()
        .filter(t -> t.state() == StateJournal.TaskState.ACCEPTED).count() + " open tasks, "
        + journal.robots().size() + " robots, last plan version " + session.version());
    return true;
  }

  /**
   * Makes this instance the one that plans. With a reason it publishes a fresh plan at once,
   * above every version seen (restart, takeover); without one it waits for the first event.
   */
  private void activate(String reason) {
    active = true;
    if (reason == null) {
      session.setPassive(false);
      return;
    }
    log.info("allocator " + instanceId + " active: " + reason + " (versions above "
        + session.version() + ")");
    apply(session.takeOver(reason, ctx.clock().now()));
  }

  void onAcceptedTask(TaskRequest t) {
    double now = ctx.clock().now();
    if (journal != null) {
      var state = journal.taskState(t.taskId());
      if (state.isPresent() && state.get() == StateJournal.TaskState.DONE) {
        // A copy from the planner's history after our restart: it was done, never redo it.
        log.fine(() -> "task " + t.taskId() + " was completed before; not planned again");
        return;
      }
      if (state.isEmpty()) {
        journal.taskReceived(t.taskId(), TaskRequest.TYPE.encode(t), now,
            StateJournal.TaskState.ACCEPTED);
      }
    }
    apply(session.taskAdded(t, now));
  }

  @Override
  public double tickPeriod() {
    // Six lease messages per lease: a dead primary is noticed within lease + lease/6.
    return params.leaseDuration() > 0 ? params.leaseDuration() / 6
        : Double.isNaN(recoverAt) ? 0 : 0.1;
  }

  /** Lease protocol: the active instance asserts its lease; a passive one may take over. */
  @Override
  public void tick() {
    double now = ctx.clock().now();
    if (leases == null) {
      if (!active && now >= recoverAt) {
        activate("recovered from journal");
      }
      return;
    }
    leases.publish(Heartbeat.builder().robotId(instanceId).sequenceNumber(++leaseSequence)
        .stamp(dev.flotilla.ros.NodeClock.Stamps.time(now))
        .state(active ? Heartbeat.STATE_WORKING : Heartbeat.STATE_WAITING)
        .currentTaskId(ctx.name()).currentStep(-1).planVersion(session.version())
        .battery(Float.NaN).health(1f).build());
    if (active) {
      return;
    }
    // At start a standby gives the primary one more lease to show up, so that a cold start of
    // both elects the primary; afterwards both take over after one lease of silence.
    double silentSince = Math.max(lastActiveLease, startedAt
        + (params.standby() && lastActiveLease < startedAt ? params.leaseDuration() : 0));
    if (now - silentSince > params.leaseDuration()) {
      boolean restored = journal != null && !journal.fresh();
      activate(lastActiveLease > Double.NEGATIVE_INFINITY
          ? String.format(java.util.Locale.ROOT, "takeover: no lease from the active allocator "
              + "for %.2f s", now - lastActiveLease)
          : restored ? "recovered from journal" : "no other active allocator");
    }
  }

  void onLease(Heartbeat lease) {
    if (lease.robotId().equals(instanceId) || lease.state() != Heartbeat.STATE_WORKING) {
      return;
    }
    lastActiveLease = ctx.clock().now();
    noteVersion(lease.planVersion());
    if (!active) {
      return;
    }
    // Two active instances (a partition healed, or a cold start race): the higher version wins,
    // then the higher id; the loser becomes standby. On a tie the winner re-plans above it, so
    // that every consumer converges on the winner's plan.
    boolean otherWins = lease.planVersion() > session.version()
        || lease.planVersion() == session.version() && lease.robotId().compareTo(instanceId) > 0;
    if (otherWins) {
      demote("allocator " + lease.robotId() + " is active with plan version "
          + lease.planVersion());
    } else if (lease.planVersion() == session.version()) {
      // Both may have issued this version with different content: go above it.
      activate("split brain with " + lease.robotId() + " resolved in our favour");
    }
  }

  void onAllocation(Allocation a) {
    if (a.planVersion() <= session.version()) {
      return;
    }
    // A newer plan than ours that we did not publish: another instance is active.
    session.adopt(a);
    noteVersion(a.planVersion());
    if (active) {
      demote("plan version " + a.planVersion() + " was published by another allocator");
    }
  }

  private void noteVersion(long version) {
    session.versionAtLeast(version);
    if (journal != null && version > journal.maxVersion()) {
      journal.versionSeen(version);
    }
  }

  private void demote(String why) {
    log.warning("allocator " + instanceId + " steps down to standby: " + why);
    active = false;
    session.setPassive(true);
  }

  /** @return whether this instance is the one planning (always, without the lease protocol) */
  public boolean active() {
    return active;
  }

  private void subscribeOdometry(String robotId) {
    if (!odometrySubscribed.add(robotId)) {
      return;
    }
    String topic = TopicNames.odometry(ctx.namespace(), robotId);
    ctx.bus().subscribe(topic, Odometry.TYPE, QosProfile.SENSOR_DATA,
        o -> ctx.executor().execute(() -> onOdometry(robotId, topic, o)));
  }

  private static String readUrdf(RobotSpec r) {
    try {
      return java.nio.file.Files.readString(r.urdf());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot read " + r.urdf() + " for robot " + r.id() + ": "
          + e.getMessage(), e);
    }
  }

  private void subscribeDescription(String robotId) {
    if (!descriptionSubscribed.add(robotId)) {
      return;
    }
    String topic = TopicNames.robotDescription(ctx.namespace(), robotId);
    ctx.bus().subscribe(topic, dev.flotilla.msgs.std_msgs.String.TYPE, QosProfile.LATCHED,
        d -> ctx.executor().execute(() -> onDescription(robotId, topic, d.data())));
  }

  /**
   * Builds the robot's resume from its URDF (seed 002) and publishes it; its capabilities join
   * the configured ones for allocation. A bad URDF is counted and logged with its line; the robot
   * keeps its configured capabilities.
   */
  void onDescription(String robotId, String source, String urdfXml) {
    RobotResume resume;
    try {
      resume = Resumes.resumeFromUrdf(robotId, urdfXml, source);
      resume = params.fleet().resumeOverrides()
          .getOrDefault(robotId, dev.flotilla.resume.ResumeOverrides.NONE).apply(resume);
    } catch (UrdfException | IllegalArgumentException e) {
      rejections.reject(source, robotId, "invalid_urdf", e.getMessage());
      return;
    }
    if (resume.equals(resumes.get(robotId))) {
      return;
    }
    resumes.put(robotId, resume);
    resumeTopic.publish(new dev.flotilla.msgs.std_msgs.String(ResumeJson.toJson(resume)));
    log.info("resume of " + robotId + ": " + resume.summary());
    Resumes.lowConfidenceWarning(resume).ifPresent(log::warning);
    apply(session.setResume(resume, ctx.clock().now()));
  }

  /** @return the resumes built so far, by robot id */
  public java.util.Map<String, RobotResume> resumes() {
    return java.util.Map.copyOf(resumes);
  }

  void onOdometry(String robotId, String topic, Odometry o) {
    var p = o.pose().pose().position();
    if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || !Double.isFinite(p.z())) {
      rejections.reject(topic, robotId, "non_finite_pose",
          "odometry position (" + p.x() + ", " + p.y() + ", " + p.z() + ") is not finite");
      return;
    }
    RobotSpec config = configured.get(robotId);
    if (config == null) {
      config = params.fleet().robot(robotId);
    }
    apply(session.setPosition(robotId, config.odomToMap(p.x(), p.y(), p.z()),
        ctx.clock().now()));
  }

  void onEvent(FleetEvent e) {
    double now = ctx.clock().now();
    switch (e.kind()) {
      case FleetEvent.ROBOT_JOINED, FleetEvent.ROBOT_RECOVERED -> {
        if (!session.knows(e.robotId()) && !params.fleet().discoverRobots()) {
          rejections.reject(ctx.topic(TopicNames.EVENTS), e.robotId(), "unknown_robot",
              "robot '" + e.robotId() + "' is not in the fleet");
          return;
        }
        subscribeOdometry(e.robotId());
        subscribeDescription(e.robotId());
        apply(session.robotAvailable(e.robotId(), now, e.kind() == FleetEvent.ROBOT_RECOVERED));
      }
      case FleetEvent.ROBOT_FAILED -> apply(session.robotFailed(e.robotId(), now));
      case FleetEvent.TASK_COMPLETED -> {
        // A shared task is done when its master (or its only robot) says so.
        if (!isCollaborator(e.robotId(), e.taskId())) {
          if (journal != null && !e.taskId().isEmpty()) {
            // Durable before anyone can see a plan without it: it is never planned again, even
            // when its acceptance arrives after this completion (no order across topics).
            if (journal.taskState(e.taskId()).isEmpty()) {
              journal.taskReceived(e.taskId(), new byte[0], now, StateJournal.TaskState.DONE);
            } else {
              journal.taskState(e.taskId(), StateJournal.TaskState.DONE, now);
            }
          }
          apply(session.taskDone(e.taskId(), now));
        }
      }
      case FleetEvent.TASK_FAILED -> {
        if (journal != null) {
          journal.failedPair(e.robotId(), e.taskId());
        }
        apply(session.taskFailed(e.robotId(), e.taskId(), now));
      }
      default -> {
        // Other events (task accepted/started, rejections) do not change the plan.
      }
    }
  }

  private boolean isCollaborator(String robotId, String taskId) {
    Allocation a = session.current();
    return a != null && a.plans().stream().filter(p -> p.robotId().equals(robotId))
        .flatMap(p -> p.steps().stream()).anyMatch(s -> s.taskId().equals(taskId)
            && s.role() == dev.flotilla.msgs.flotilla_msgs.PlanStep.ROLE_COLLABORATOR);
  }

  private void apply(PlanUpdate update) {
    if (update == null) {
      return;
    }
    if (journal != null) {
      // Committed before publishing: a version anyone has seen survives a crash.
      double now = ctx.clock().now();
      Set<String> alive = session.alive();
      journal.batch(() -> {
        journal.planPublished(update.allocation().planVersion(), update.allocation().cause(), now,
            Allocation.TYPE.encode(update.allocation()));
        session.positions().forEach((id, p) -> {
          if (alive.contains(id) || session.failed().contains(id)) {
            journal.robot(new StateJournal.Robot(id, alive.contains(id), p.x(), p.y(), p.z()));
          }
        });
      });
    }
    allocations.publish(update.allocation());
    reassignments.publish(update.reassignment());
    markers.publish(PlanMarkers.of(update.allocation(), session.positions(), session.failed(),
        ctx.clock().now()));
    log.info("allocation v" + update.allocation().planVersion() + " (cause "
        + update.reassignment().cause() + ", subject " + update.reassignment().subject()
        + "): affected robots " + update.reassignment().affectedRobots());
    observer.accept(update);
  }

  /** @param observer called after each published update (demo output, tests) */
  public void onUpdate(Consumer<PlanUpdate> observer) {
    this.observer = observer;
  }

  /** @return the last published allocation, or null */
  public Allocation current() {
    return session == null ? null : session.current();
  }

  /** @return rejected-input counters */
  public InputRejections rejections() {
    return rejections;
  }
}
