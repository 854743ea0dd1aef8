package dev.flotilla.node;

import dev.flotilla.fleet.AllocationSession;
import dev.flotilla.fleet.AllocatorLease;
import dev.flotilla.fleet.PlanUpdate;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.model.StepRole;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.OperatorCommand;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.visualization_msgs.MarkerArray;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParameterTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The allocator: keeps the current allocation and republishes it (with a {@code Reassignment}
 * naming only the robots whose plans changed) when a robot fails or recovers, a task arrives or a
 * task is done. Thin adapter over the fleet layer's {@link AllocationSession} and
 * {@link AllocatorLease}: the journal ({@link AllocatorJournal}), the byte-exact messages
 * ({@link AllocationTranslator}), the robots' resumes ({@link RobotResumes}) and the validated
 * parameters ({@link AllocatorParams}) have their own classes.
 */
public final class AllocatorNode implements FlotillaNode {

  /** Planner → allocator: the LTL plan as an Allocation of LTL steps per robot. */
  static final String LTL_PLAN = "flotilla/ltl_plan";

  private final NodeContext ctx;
  private final AllocatorParams params;
  private ParameterTable<AllocatorParams> parameterTable;
  private AutoCloseable parameterServices = () -> { };
  private final Logger log;
  private final InputRejections rejections;
  /** Joins, failures and recoveries not yet applied; see {@link #applyMembership}. */
  private final List<FleetEvent> membership = new ArrayList<>();
  private boolean membershipQueued;
  /** Accepted tasks not yet placed, in arrival order; see {@link #placeNextTask}. */
  private final ArrayDeque<TaskRequest> pendingTasks = new ArrayDeque<>();
  private boolean taskPlacementQueued;
  /** Each robot's newest odometry not yet applied; see {@link #applyOdometry}. */
  private final Map<String, Odometry> latestOdometry = new ConcurrentHashMap<>();
  private final AtomicBoolean odometryQueued = new AtomicBoolean();
  /** Each subscribed robot's odometry topic, named once rather than per message. */
  private final Map<String, String> odometryTopics = new ConcurrentHashMap<>();
  private final Set<String> odometrySubscribed = new HashSet<>();
  /**
   * Configured robots by id, for the odometry path: {@link FleetParams#robot} scans the fleet,
   * 10^7 steps a second at 1000 robots × 10 Hz on the thread that also handles failures.
   */
  private final Map<String, RobotSpec> configured;
  private RobotResumes resumes;
  private AllocationSession session;
  private final AllocationTranslator messages = new AllocationTranslator();
  private Bus.Publisher<Allocation> allocations;
  private Bus.Publisher<Reassignment> reassignments;
  private Bus.Publisher<MarkerArray> markers;
  /** Outcomes of operator commands: task_cancelled, robot_paused/resumed, command_rejected. */
  private Bus.Publisher<FleetEvent> events;
  /**
   * The verdict of each recent operator command, by command id: a tool that heard no verdict
   * sends the same command again and gets the same answer (the last 1000 are kept).
   */
  private final Map<String, FleetEvent> commandVerdicts = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, FleetEvent> eldest) {
      return size() > 1000;
    }
  };
  private Consumer<PlanUpdate> observer = u -> {};
  /** Crash-recovery journal, or null without {@code state_dir}. */
  private AllocatorJournal journal;
  /** This instance in the lease protocol: node name plus a random suffix, unique per start. */
  private final String instanceId;
  /** The lease protocol, or null without {@code lease_duration}. */
  private AllocatorLease lease;
  private Bus.Publisher<Heartbeat> leases;
  private long leaseSequence;
  private boolean active;

  /**
   * @param ctx host services
   * @param params validated parameters
   */
  public AllocatorNode(NodeContext ctx, AllocatorParams params) {
    this.ctx = ctx;
    this.params = params;
    this.log = ctx.log();
    this.rejections = new InputRejections(log);
    this.instanceId = ctx.name() + "@" + UUID.randomUUID().toString().substring(0, 8);
    this.configured = params.fleet().robots().stream().collect(
        Collectors.toUnmodifiableMap(RobotSpec::id, r -> r));
  }

  /**
   * @param table the node's parameters, served to {@code ros2 param} once started
   * @return this node
   */
  public AllocatorNode withParameters(ParameterTable<AllocatorParams> table) {
    this.parameterTable = table;
    return this;
  }

  @Override
  public void close() {
    NodeParameterServices.close(parameterServices);
  }

  @Override
  public String name() {
    return ctx.name();
  }

  @Override
  public void start() {
    double now = ctx.clock().now();
    double epoch = now;
    if (params.stateDir() != null) {
      journal = AllocatorJournal.open(params.stateDir(), ctx.name());
      epoch = journal.epoch(now);
    }
    session = new AllocationSession(params.settings(), epoch);
    // Inputs (our journal, then DDS history) fill the state before this instance plans anything.
    session.setPassive(true);
    boolean restored = journal != null && journal.restore(session,
        params.fleet().discoverRobots(), ctx.clock().now(),
        plan -> ltlPlan(plan, ctx.clock().now()), a -> messages.adopt(a, session), log);
    allocations = ctx.bus().publisher(ctx.topic(TopicNames.ALLOCATION), Allocation.TYPE,
        FlotillaQos.ALLOCATION);
    reassignments = ctx.bus().publisher(ctx.topic(TopicNames.REASSIGNMENT), Reassignment.TYPE,
        FlotillaQos.REASSIGNMENT);
    markers = ctx.bus().publisher(ctx.topic(TopicNames.MARKERS), MarkerArray.TYPE,
        FlotillaQos.ALLOCATION);
    resumes = new RobotResumes(ctx, rejections, params.fleet().resumeOverrides(),
        resume -> apply(session.setResume(resume, ctx.clock().now())));
    for (RobotSpec r : params.fleet().robots()) {
      subscribeOdometry(r.id());
      resumes.subscribe(r.id());
      if (r.urdf() != null) {
        resumes.fromFile(r);
      }
    }
    ctx.bus().subscribe(ctx.topic(TopicNames.EVENTS), FleetEvent.TYPE, FlotillaQos.EVENTS,
        e -> ctx.executor().execute(() -> onEvent(e)));
    // The LTL planner's plan (seed 003): merged into the allocation we publish.
    ctx.bus().subscribe(ctx.topic(LTL_PLAN), Allocation.TYPE, FlotillaQos.ALLOCATION,
        plan -> ctx.executor().execute(() -> {
          if (journal != null) {
            journal.ltlPlan(plan);
          }
          apply(ltlPlan(plan, ctx.clock().now()));
        }));
    ctx.bus().subscribe(ctx.topic(TopicNames.ACCEPTED_TASKS), TaskRequest.TYPE,
        FlotillaQos.ACCEPTED_TASKS, t -> ctx.executor().execute(() -> queueTask(t)));
    events = ctx.bus().publisher(ctx.topic(TopicNames.EVENTS), FleetEvent.TYPE,
        FlotillaQos.EVENTS);
    ctx.bus().subscribe(ctx.topic(TopicNames.ACCEPTED_COMMANDS), OperatorCommand.TYPE,
        FlotillaQos.COMMANDS, c -> ctx.executor().execute(() -> onCommand(c)));
    log.info("allocator (" + params.algorithm() + ") planning for "
        + params.fleet().robots().size() + " configured robots"
        + (journal == null ? "" : ", journal " + journal.file())
        + (params.leaseDuration() > 0 ? String.format(Locale.ROOT,
            ", %s instance %s, lease %.2f s", params.standby() ? "standby" : "primary",
            instanceId, params.leaseDuration()) : ""));
    parameterServices = NodeParameterServices.start(ctx, parameterTable,
        p -> session.retune(p.rebalanceThreshold(), p.deviationTolerance()));
    // The latched plan tells every start the highest version published, even one a damaged or
    // recovered journal lost: ours continue above it.
    ctx.bus().subscribe(ctx.topic(TopicNames.ALLOCATION), Allocation.TYPE,
        FlotillaQos.ALLOCATION, a -> ctx.executor().execute(() -> onAllocation(a)));
    if (params.leaseDuration() > 0) {
      lease = new AllocatorLease(new AllocatorLease.Allocator() {
        @Override
        public boolean active() {
          return active;
        }

        @Override
        public long version() {
          return session.version();
        }

        @Override
        public void activate(String reason) {
          AllocatorNode.this.activate(reason);
        }

        @Override
        public void demote(String why) {
          AllocatorNode.this.demote(why);
        }

        @Override
        public void noteVersion(long version) {
          AllocatorNode.this.noteVersion(version);
        }
      }, instanceId, params.leaseDuration(), params.standby(),
          () -> journal != null && !journal.fresh(), now);
      leases = ctx.bus().publisher(ctx.topic(LEASE), Heartbeat.TYPE, QosProfile.SENSOR_DATA);
      ctx.bus().subscribe(ctx.topic(LEASE), Heartbeat.TYPE, QosProfile.SENSOR_DATA,
          l -> ctx.executor().execute(() -> lease.onLease(l.robotId(),
              l.state() == Heartbeat.STATE_WORKING, l.planVersion(), ctx.clock().now())));
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

  /** Takes the planner's LTL plan into the session. */
  private PlanUpdate ltlPlan(Allocation plan, double now) {
    return session.ltlPlan(messages.ltlPlan(plan), now);
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

  /**
   * Queues an accepted task to be placed one per turn of the node's executor, so that whatever
   * arrives meanwhile is not stuck behind every task still waiting: each placement is a plan
   * version, and with 2000 robots beside two CPU hogs one took 70–100 ms, so a robot failure
   * heard behind hundreds of queued requests went unrepaired for tens of seconds. It is now
   * repaired after at most one placement. Tasks are still placed in the order they arrived.
   */
  private void queueTask(TaskRequest t) {
    pendingTasks.add(t);
    if (!taskPlacementQueued) {
      taskPlacementQueued = true;
      ctx.executor().execute(this::placeNextTask);
    }
  }

  /** Places the oldest queued task, and queues itself behind what arrived meanwhile. */
  private void placeNextTask() {
    TaskRequest t = pendingTasks.poll();
    if (t != null) {
      onAcceptedTask(t);
    }
    if (pendingTasks.isEmpty()) {
      taskPlacementQueued = false;
    } else {
      ctx.executor().execute(this::placeNextTask);
    }
  }

  /** Places every queued task now: an operator command may name one of them. */
  private void placeQueuedTasks() {
    for (TaskRequest t = pendingTasks.poll(); t != null; t = pendingTasks.poll()) {
      onAcceptedTask(t);
    }
  }

  void onAcceptedTask(TaskRequest t) {
    double now = ctx.clock().now();
    if (journal != null && !journal.taskAccepted(t, now)) {
      // A copy from the planner's history after our restart: it was done, never redo it.
      log.fine(() -> "task " + t.taskId() + " was completed before; not planned again");
      return;
    }
    apply(session.taskAdded(PlanMessages.task(t), now));
  }

  /**
   * An operator command the planner validated (issue 14): cancel a task, pause or resume a robot.
   * Each ends in one event: the change, or {@code command_rejected} with why nothing changed. A
   * standby instance only keeps the state; the active one answers.
   */
  void onCommand(OperatorCommand c) {
    placeQueuedTasks();
    FleetEvent earlier = commandVerdicts.get(c.commandId());
    if (earlier != null) {
      if (active) {
        events.publish(earlier.toBuilder().stamp(Stamps.time(ctx.clock().now())).build());
      }
      return;
    }
    String id = c.commandId();
    double now = ctx.clock().now();
    String who = c.reason().isEmpty() ? "by an operator" : "by an operator: " + c.reason();
    switch (c.kind()) {
      case OperatorCommand.KIND_CANCEL_TASK -> {
        var refusal = session.cancelRefusal(c.taskId());
        if (refusal.isPresent()) {
          answer(id, FleetEvent.COMMAND_REJECTED, "", c.taskId(), refusal.get());
          return;
        }
        List<String> robots = robotsOf(c.taskId());
        if (journal != null) {
          journal.taskCancelled(c.taskId(), now);
        }
        apply(session.taskCancelled(c.taskId(), now));
        answer(id, FleetEvent.TASK_CANCELLED, "", c.taskId(), "cancelled " + who
            + (robots.isEmpty() ? "; no robot was on it" : "; robots told: "
                + String.join(", ", robots)));
      }
      case OperatorCommand.KIND_PAUSE_ROBOT -> {
        if (session.paused().contains(c.robotId())) {
          answer(id, FleetEvent.COMMAND_REJECTED, c.robotId(), "", "robot '" + c.robotId()
              + "' is already paused");
          return;
        }
        List<String> tasks = tasksOf(c.robotId(), false);
        List<String> ltl = tasksOf(c.robotId(), true);
        apply(session.robotPaused(c.robotId(), now));
        if (journal != null) {
          journal.pausedRobots(session.paused());
        }
        answer(id, FleetEvent.ROBOT_PAUSED, c.robotId(), "", "out of the pool " + who
            + (tasks.isEmpty() ? "; it had no multi-robot work" : "; its tasks " + tasks
                + " reassigned")
            + (ltl.isEmpty() ? "" : "; its LTL steps of " + ltl
                + " are moved by the LTL planner"));
      }
      case OperatorCommand.KIND_RESUME_ROBOT -> {
        if (!session.paused().contains(c.robotId())) {
          answer(id, FleetEvent.COMMAND_REJECTED, c.robotId(), "", "robot '" + c.robotId()
              + "' is not paused");
          return;
        }
        apply(session.robotResumed(c.robotId(), now));
        if (journal != null) {
          journal.pausedRobots(session.paused());
        }
        answer(id, FleetEvent.ROBOT_RESUMED, c.robotId(), "", "back in the pool " + who
            + (session.alive().contains(c.robotId()) ? ""
                : "; it takes work once the synchronizer hears it"));
      }
      default -> rejections.reject(ctx.topic(TopicNames.ACCEPTED_COMMANDS), c.commandId(),
          "unknown_command", "command kind " + Byte.toUnsignedInt(c.kind()) + " is unknown");
    }
  }

  private List<String> robotsOf(String taskId) {
    FleetPlan a = session.current();
    return a == null ? List.of() : a.itineraries().stream()
        .filter(p -> p.steps().stream().anyMatch(s -> s.taskId().equals(taskId)))
        .map(p -> p.robotId()).toList();
  }

  /** Tasks of a robot in the current plan: its LTL steps (actions other than goto) or not. */
  private List<String> tasksOf(String robotId, boolean ltl) {
    FleetPlan a = session.current();
    return a == null ? List.of() : a.itineraries().stream()
        .filter(p -> p.robotId().equals(robotId)).flatMap(p -> p.steps().stream())
        .filter(s -> s.action().equals("goto") != ltl).map(s -> s.taskId()).distinct()
        .toList();
  }

  private void answer(String commandId, byte kind, String robotId, String taskId,
      String reason) {
    log.info("operator command on " + robotId + taskId + ": " + reason);
    FleetEvent verdict = FleetEvent.builder().stamp(Stamps.time(ctx.clock().now())).kind(kind)
        .robotId(robotId).taskId(taskId).stepIndex(-1).source(ctx.name()).reason(reason)
        .build();
    if (!commandId.isEmpty()) {
      commandVerdicts.put(commandId, verdict);
    }
    if (active) {
      events.publish(verdict);
    }
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
    if (lease == null) {
      if (!active && now >= recoverAt) {
        activate("recovered from journal");
      }
      return;
    }
    leases.publish(Heartbeat.builder().robotId(instanceId).sequenceNumber(++leaseSequence)
        .stamp(Stamps.time(now))
        .state(active ? Heartbeat.STATE_WORKING : Heartbeat.STATE_WAITING)
        .currentTaskId(ctx.name()).currentStep(-1).planVersion(session.version())
        .battery(Float.NaN).health(1f).build());
    lease.tick(now);
  }

  void onAllocation(Allocation a) {
    if (a.planVersion() <= session.version()) {
      return;
    }
    if (params.leaseDuration() <= 0) {
      // No other allocator runs without the lease protocol: a higher version was published
      // before this start and our journal no longer knows it. Continue above it.
      log.warning("plan version " + a.planVersion() + " was published before this start, above "
          + "the journal's " + session.version() + "; versions continue above it");
      noteVersion(a.planVersion());
      return;
    }
    // A newer plan than ours that we did not publish: another instance is active.
    messages.adopt(a, session);
    noteVersion(a.planVersion());
    if (lease != null) {
      lease.onForeignPlan(ctx.clock().now());
    }
    if (active) {
      demote("plan version " + a.planVersion() + " was published by another allocator");
    }
  }

  private void noteVersion(long version) {
    session.versionAtLeast(version);
    if (journal != null) {
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
    odometryTopics.put(robotId, topic);
    // Only each robot's newest pose waits for the node's thread: queueing every message let
    // 20 000 odometry messages a second at 2000 robots outrun a loaded node (its queue grew
    // to gigabytes and failures waited behind stale poses).
    ctx.bus().subscribe(topic, Odometry.TYPE, QosProfile.SENSOR_DATA, o -> {
      latestOdometry.put(robotId, o);
      if (odometryQueued.compareAndSet(false, true)) {
        ctx.executor().execute(this::applyOdometry);
      }
    });
  }

  /** Applies the newest pose of every robot heard since the last call, on the node's thread. */
  private void applyOdometry() {
    odometryQueued.set(false);
    // The map's iterator is weakly consistent: removing while walking it needs no copy.
    for (Map.Entry<String, Odometry> e : latestOdometry.entrySet()) {
      if (latestOdometry.remove(e.getKey(), e.getValue())) {
        onOdometry(e.getKey(), odometryTopics.get(e.getKey()), e.getValue());
      }
    }
  }

  /** @return the resumes built so far, by robot id */
  public Map<String, RobotResume> resumes() {
    return resumes.all();
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
      case FleetEvent.ROBOT_JOINED, FleetEvent.ROBOT_RECOVERED, FleetEvent.ROBOT_FAILED -> {
        membership.add(e);
        if (!membershipQueued) {
          membershipQueued = true;
          ctx.executor().execute(this::applyMembership);
        }
      }
      case FleetEvent.TASK_COMPLETED -> {
        // A shared task is done when its master (or its only robot) says so.
        if (!isCollaborator(e.robotId(), e.taskId())) {
          if (journal != null && !e.taskId().isEmpty()) {
            journal.taskDone(e.taskId(), now);
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

  /**
   * Applies the robots' joins, failures and recoveries heard since the last call as one batch:
   * queued behind the events already waiting, so a storm that arrives while the node is busy is
   * repaired once and published as one version, while a lone event is applied at once.
   */
  private void applyMembership() {
    membershipQueued = false;
    List<FleetEvent> batch = List.copyOf(membership);
    membership.clear();
    double now = ctx.clock().now();
    session.beginBatch();
    try {
      for (FleetEvent e : batch) {
        if (e.kind() == FleetEvent.ROBOT_FAILED) {
          session.robotFailed(e.robotId(), now);
          continue;
        }
        if (!session.knows(e.robotId()) && !params.fleet().discoverRobots()) {
          rejections.reject(ctx.topic(TopicNames.EVENTS), e.robotId(), "unknown_robot",
              "robot '" + e.robotId() + "' is not in the fleet");
          continue;
        }
        subscribeOdometry(e.robotId());
        resumes.subscribe(e.robotId());
        session.robotAvailable(e.robotId(), now, e.kind() == FleetEvent.ROBOT_RECOVERED);
      }
    } finally {
      apply(session.endBatch(now));
    }
    if (batch.size() > 1) {
      log.info("applied " + batch.size() + " liveness changes as one repair");
    }
  }

  private boolean isCollaborator(String robotId, String taskId) {
    FleetPlan a = session.current();
    return a != null && a.itineraries().stream().filter(p -> p.robotId().equals(robotId))
        .flatMap(p -> p.steps().stream()).anyMatch(s -> s.taskId().equals(taskId)
            && s.role() == StepRole.COLLABORATOR);
  }

  private void apply(PlanUpdate update) {
    if (update == null) {
      return;
    }
    Allocation allocation = messages.allocation(update);
    Reassignment reassignment = PlanMessages.reassignment(update.change());
    if (journal != null) {
      // Committed before publishing: a version anyone has seen survives a crash.
      journal.published(allocation, session, ctx.clock().now());
    }
    allocations.publish(allocation);
    reassignments.publish(reassignment);
    markers.publish(PlanMarkers.of(allocation, session.positions(), session.failed(),
        ctx.clock().now()));
    log.info("allocation v" + allocation.planVersion() + " (cause "
        + reassignment.cause() + ", subject " + reassignment.subject()
        + "): affected robots " + reassignment.affectedRobots());
    observer.accept(update);
  }

  /** @param observer called after each published update (demo output, tests) */
  public void onUpdate(Consumer<PlanUpdate> observer) {
    this.observer = observer;
  }

  /** @return the last published allocation, or null */
  public Allocation current() {
    return session == null ? null : messages.current();
  }

  /** @return rejected-input counters */
  public InputRejections rejections() {
    return rejections;
  }
}
