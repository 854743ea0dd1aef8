package dev.flotilla.node;

import dev.flotilla.alloc.api.UtilityMode;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.resume.ResumeJson;
import dev.flotilla.resume.Resumes;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.urdf.UrdfException;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
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
   */
  public record Params(FleetParams fleet, String algorithm, UtilityParams utility,
      double rebalanceThreshold, double deviationTolerance,
      EventTriggeredRebalancer.Policy replanPolicy,
      java.util.Map<String, java.util.Map<String, Double>> lambda) {
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
      p.finish();
      return new Params(fleet, algorithm, utility, threshold, tolerance, policy,
          java.util.Map.copyOf(lambda));
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
  private final java.util.Map<String, RobotConfig> configured;
  private Bus.Publisher<dev.flotilla.msgs.std_msgs.String> resumeTopic;
  private AllocationSession session;
  private Bus.Publisher<Allocation> allocations;
  private Bus.Publisher<Reassignment> reassignments;
  private Bus.Publisher<dev.flotilla.msgs.visualization_msgs.MarkerArray> markers;
  private Consumer<PlanUpdate> observer = u -> {};

  /**
   * @param ctx host services
   * @param params validated parameters
   */
  public AllocatorNode(NodeContext ctx, Params params) {
    this.ctx = ctx;
    this.params = params;
    this.log = ctx.log();
    this.rejections = new InputRejections(log);
    this.configured = params.fleet().robots().stream().collect(
        java.util.stream.Collectors.toUnmodifiableMap(RobotConfig::id, r -> r));
  }

  @Override
  public String name() {
    return ctx.name();
  }

  @Override
  public void start() {
    session = new AllocationSession(params, ctx.clock().now());
    allocations = ctx.bus().publisher(ctx.topic(TopicNames.ALLOCATION), Allocation.TYPE,
        FlotillaQos.ALLOCATION);
    reassignments = ctx.bus().publisher(ctx.topic(TopicNames.REASSIGNMENT), Reassignment.TYPE,
        FlotillaQos.REASSIGNMENT);
    markers = ctx.bus().publisher(ctx.topic(TopicNames.MARKERS),
        dev.flotilla.msgs.visualization_msgs.MarkerArray.TYPE, FlotillaQos.ALLOCATION);
    resumeTopic = ctx.bus().publisher(ctx.topic(TopicNames.RESUMES),
        dev.flotilla.msgs.std_msgs.String.TYPE, new QosProfile(true, true, 1000));
    for (RobotConfig r : params.fleet().robots()) {
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
        plan -> ctx.executor().execute(() -> apply(session.ltlPlan(plan, ctx.clock().now()))));
    ctx.bus().subscribe(ctx.topic(TopicNames.ACCEPTED_TASKS), TaskRequest.TYPE,
        FlotillaQos.ACCEPTED_TASKS, t -> ctx.executor().execute(
            () -> apply(session.taskAdded(t, ctx.clock().now()))));
    log.info("allocator (" + params.algorithm() + ") planning for "
        + params.fleet().robots().size() + " configured robots");
  }

  private void subscribeOdometry(String robotId) {
    if (!odometrySubscribed.add(robotId)) {
      return;
    }
    String topic = TopicNames.odometry(ctx.namespace(), robotId);
    ctx.bus().subscribe(topic, Odometry.TYPE, QosProfile.SENSOR_DATA,
        o -> ctx.executor().execute(() -> onOdometry(robotId, topic, o)));
  }

  private static String readUrdf(RobotConfig r) {
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
    } catch (UrdfException e) {
      rejections.reject(source, robotId, "invalid_urdf", e.getMessage());
      return;
    }
    if (resume.equals(resumes.get(robotId))) {
      return;
    }
    resumes.put(robotId, resume);
    resumeTopic.publish(new dev.flotilla.msgs.std_msgs.String(ResumeJson.toJson(resume)));
    log.info("resume of " + robotId + ": " + resume.summary());
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
    RobotConfig config = configured.get(robotId);
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
          apply(session.taskDone(e.taskId(), now));
        }
      }
      case FleetEvent.TASK_FAILED -> apply(session.taskFailed(e.robotId(), e.taskId(), now));
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
