package dev.flotilla.node;

import dev.flotilla.fleet.ltl.LtlFleet;
import dev.flotilla.fleet.ltl.LtlPlans;
import dev.flotilla.fleet.ltl.LtlSessionRecord;
import dev.flotilla.fleet.ltl.LtlTaskPlanner;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.Auth;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.OperatorCommand;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.journal.StateJournal;
import dev.flotilla.model.PlanCause;
import dev.flotilla.model.UnplannedReason;
import dev.flotilla.model.UnplannedTask;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParameterTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The planner: accepts {@code TaskRequest}s on {@code /flotilla/tasks}, validates them, and hands
 * the valid multi-robot ones to the allocator on {@code /flotilla/accepted_tasks}. LTL tasks
 * (seed 003) go to an {@link LtlTaskPlanner} when {@code ltl_scenario} is set: the first ones are
 * planned together offline, later ones online, and every new plan version is published whole on
 * {@code flotilla/ltl_plan} (an {@code Allocation}, for the allocator and the robots) and
 * {@code flotilla/ltl_plan_detail} (JSON with the R-poset, for the synchronizer); the
 * synchronizer's GO orders on {@code flotilla/sync} tell which chains have started. LTL tasks are
 * not published on {@code accepted_tasks}. Every decision is also a {@code task_accepted} /
 * {@code task_rejected} event with its reason, so nothing is dropped silently.
 */
public final class PlannerNode implements FlotillaNode {

  /** Journal meta key of the LTL planner's {@link LtlSessionRecord}. */
  private static final String LTL_SESSION_KEY = "ltl_session";
  /** Journal meta key of the LTL tasks cancelled, comma-separated (never planned again). */
  private static final String LTL_CANCELLED_KEY = "ltl_cancelled";

  private final NodeContext ctx;
  private final Logger log;
  private final InputRejections rejections;
  private final TaskRequestValidator validator;
  private final Set<String> seenTaskIds = new HashSet<>();
  /** Ids of LTL tasks received, and of tasks refused after their id was taken (issue 14). */
  private final Set<String> ltlTaskIds = new HashSet<>();
  private final Set<String> refusedTaskIds = new HashSet<>();
  /** Node time at start: pauses and resumes stamped earlier are history (see onEvent). */
  private double startedAt;
  /** The verdict of each LTL cancel command, repeated to a repeated command. */
  private final Map<String, FleetEvent> ltlCommandVerdicts = new HashMap<>();
  private Bus.Publisher<OperatorCommand> acceptedCommands;
  /**
   * The first request of each id taken (unsigned), and the verdict announced for it: an operator
   * tool that heard no verdict sends the same request again (DDS may not have matched its first
   * copy), and gets the same verdict instead of a duplicate-id rejection.
   */
  private final Map<String, TaskRequest> firstRequests = new HashMap<>();
  private final Map<String, FleetEvent> verdicts = new HashMap<>();
  private final String tasksTopic;
  private final PlannerParams params;
  private ParameterTable<PlannerParams> parameterTable;
  private AutoCloseable parameterServices = () -> { };
  private final LtlTaskPlanner ltl;
  private Bus.Publisher<TaskRequest> accepted;
  private Bus.Publisher<FleetEvent> events;
  private Bus.Publisher<Allocation> ltlPlan;
  private Bus.Publisher<dev.flotilla.msgs.std_msgs.String> ltlDetail;
  /** Crash-recovery journal, or null without {@code state_dir}. */
  private StateJournal journal;

  /**
   * @param ctx host services
   * @param params validated parameters
   */
  public PlannerNode(NodeContext ctx, PlannerParams params) {
    this.ctx = ctx;
    this.params = params;
    this.log = ctx.log();
    this.rejections = new InputRejections(log);
    this.validator = new TaskRequestValidator(params.fleet().regions());
    this.tasksTopic = ctx.topic(TopicNames.TASKS);
    this.ltl = params.ltl().enabled()
        ? new LtlTaskPlanner(params.ltl().settings(), new LtlFleet(params.ltl().scenario(),
            params.fleet().robots()))
        : null;
  }

  /**
   * @param table the node's parameters, served to {@code ros2 param} once started
   * @return this node
   */
  public PlannerNode withParameters(ParameterTable<PlannerParams> table) {
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
    startedAt = ctx.clock().now();
    accepted = ctx.bus().publisher(ctx.topic(TopicNames.ACCEPTED_TASKS), TaskRequest.TYPE,
        FlotillaQos.ACCEPTED_TASKS);
    events = ctx.bus().publisher(ctx.topic(TopicNames.EVENTS), FleetEvent.TYPE,
        FlotillaQos.EVENTS);
    if (ltl != null) {
      ltlPlan = ctx.bus().publisher(ctx.topic(TopicNames.LTL_PLAN), Allocation.TYPE,
          QosProfile.LATCHED);
      ltlDetail = ctx.bus().publisher(ctx.topic(TopicNames.LTL_PLAN_DETAIL),
          dev.flotilla.msgs.std_msgs.String.TYPE, QosProfile.LATCHED);
      ctx.bus().subscribe(ctx.topic(TopicNames.SYNC), SyncCommand.TYPE,
          new QosProfile(true, false, 100), c -> ctx.executor().execute(() -> onSync(c)));
      // The allocator's robot_paused / robot_resumed verdicts: LTL work moves like the rest.
      ctx.bus().subscribe(ctx.topic(TopicNames.EVENTS), FleetEvent.TYPE, FlotillaQos.EVENTS,
          e -> ctx.executor().execute(() -> onEvent(e)));
      log.info("planner plans LTL tasks on " + params.ltl().scenarioPath() + " with robots "
          + ltl.fleet().robotOfAgent() + " as agents " + ltl.fleet().agentCounts());
    }
    if (params.stateDir() != null) {
      journal = StateJournal.open(params.stateDir(), ctx.name());
      restore();
    }
    ctx.bus().subscribe(tasksTopic, TaskRequest.TYPE, FlotillaQos.TASKS,
        t -> ctx.executor().execute(() -> onTask(t)));
    acceptedCommands = ctx.bus().publisher(ctx.topic(TopicNames.ACCEPTED_COMMANDS),
        OperatorCommand.TYPE, FlotillaQos.COMMANDS);
    ctx.bus().subscribe(ctx.topic(TopicNames.COMMANDS), OperatorCommand.TYPE,
        FlotillaQos.COMMANDS, c -> ctx.executor().execute(() -> onCommand(c)));
    parameterServices = NodeParameterServices.start(ctx, parameterTable, p -> { });
    log.info("planner accepting tasks on " + tasksTopic
        + (journal == null ? "" : ", journal " + journal.file()));
  }

  /**
   * After a restart: task ids stay taken, accepted multi-robot tasks are offered to the allocator
   * again (it ignores those it has, or completed), the LTL plan in force before the crash is
   * restored exactly from its journal record and republished with a version above the last one,
   * and LTL tasks received but not yet in that plan are planned (on top of it) now.
   */
  private void restore() {
    if (ltl != null) {
      // Also after a recovery that kept nothing else: the seal's high-water mark.
      ltl.versionAtLeast(journal.maxVersion());
    }
    if (journal.fresh()) {
      return;
    }
    int multi = 0;
    List<TaskRequest> ltlTasks = new ArrayList<>();
    for (StateJournal.Task t : journal.tasks()) {
      seenTaskIds.add(t.taskId());
      TaskRequest request = TaskRequest.TYPE.decode(t.request());
      if (t.state() == StateJournal.TaskState.REJECTED) {
        refusedTaskIds.add(t.taskId());
        continue;
      }
      if (request.kind() == TaskRequest.KIND_LTL) {
        ltlTaskIds.add(t.taskId());
        ltlTasks.add(request);
      } else {
        accepted.publish(request);
        multi++;
      }
    }
    log.info("restored from " + journal.file() + ": " + multi + " accepted tasks offered again, "
        + ltlTasks.size() + " LTL tasks to plan again");
    if (ltl == null) {
      return;
    }
    ltl.versionAtLeast(journal.meta("ltl_version").map(Long::parseLong).orElse(0L));
    Set<String> restored = restoreLtlPlan();
    Set<String> cancelled = new HashSet<>(ltl.cancelledTaskIds());
    for (String id : journal.meta(LTL_CANCELLED_KEY).orElse("").split(",")) {
      if (!id.isEmpty() && cancelled.add(id)) {
        ltl.cancelledBefore(id);
      }
    }
    double now = ctx.clock().now();
    for (TaskRequest r : ltlTasks) {
      if (!restored.contains(r.taskId()) && !cancelled.contains(r.taskId())) {
        apply(ltl.submit(r.taskId(), r.ltlFormula(), now));
      }
    }
  }

  /**
   * Restores and republishes the journaled LTL plan. Planning again would not do: the search is
   * time-budgeted, so it would find another plan, and steps the robots already did could be given
   * to others and done twice.
   *
   * @return ids of the LTL tasks in the restored plan (none when there is no usable record)
   */
  private Set<String> restoreLtlPlan() {
    Optional<String> json = journal.meta(LTL_SESSION_KEY);
    if (json.isEmpty()) {
      return Set.of();
    }
    Optional<String> failure;
    try {
      failure = ltl.restore(LtlSessionRecord.fromJson(json.get()));
    } catch (IllegalArgumentException e) {
      failure = Optional.of(e.getMessage());
    }
    if (failure.isPresent()) {
      log.warning("The LTL plan journaled in " + journal.file() + " cannot be restored ("
          + failure.get() + "); its tasks are planned again from scratch, so robots may repeat "
          + "steps they already did.");
      return Set.of();
    }
    for (String id : ltl.acceptedTaskIds()) {
      // The crash may have come between the plan's commit and the task's acceptance.
      if (journal.taskState(id).orElse(null) != StateJournal.TaskState.ACCEPTED) {
        journal.taskState(id, StateJournal.TaskState.ACCEPTED, ctx.clock().now());
        events.publish(event(FleetEvent.TASK_ACCEPTED, id, "restored from the journal"));
      }
    }
    log.info("restored the LTL plan of " + ltl.acceptedTaskIds() + " from " + journal.file());
    publishLtlPlan();
    return Set.copyOf(ltl.acceptedTaskIds());
  }

  void onTask(TaskRequest request) {
    Optional<String> problem = validator.problem(request);
    TaskRequest unsigned = request.withAuth(Auth.builder().build());
    if (problem.isEmpty() && unsigned.equals(firstRequests.get(request.taskId()))) {
      FleetEvent verdict = verdicts.get(request.taskId());
      if (verdict != null) {
        events.publish(verdict.toBuilder().stamp(Stamps.time(ctx.clock().now())).build());
      }
      // Else an LTL task still waiting for the offline window: its verdict is to come.
      return;
    }
    if (problem.isEmpty() && seenTaskIds.add(request.taskId())) {
      firstRequests.put(request.taskId(), unsigned);
    } else if (problem.isEmpty()) {
      problem = Optional.of("task_id '" + request.taskId() + "' is taken by an earlier task "
          + "(ids are never reused); submit under another id");
    }
    if (problem.isPresent()) {
      rejections.reject(tasksTopic, request.taskId(), "invalid_task", problem.get());
      events.publish(event(FleetEvent.TASK_REJECTED, request.taskId(), problem.get()));
      return;
    }
    if (request.kind() == TaskRequest.KIND_LTL) {
      if (ltl == null) {
        String why = "LTL planning is disabled: the planner has no ltl_scenario parameter.";
        refusedTaskIds.add(request.taskId());
        rejections.reject(tasksTopic, request.taskId(), "ltl_disabled", why);
        announce(event(FleetEvent.TASK_REJECTED, request.taskId(), why));
        return;
      }
      log.info("LTL task " + request.taskId() + ": " + request.ltlFormula());
      ltlTaskIds.add(request.taskId());
      if (journal != null) {
        // Durable before it is planned: a crash in the offline window must not lose it.
        journal.taskReceived(request.taskId(), TaskRequest.TYPE.encode(request),
            ctx.clock().now(), StateJournal.TaskState.RECEIVED);
      }
      // The formula is compiled (within its budget) off the message thread; the planner then
      // finds it compiled, so this thread keeps answering other tasks meanwhile.
      ctx.background().execute(() -> {
        LtlTaskPlanner.precompile(request.ltlFormula());
        ctx.executor().execute(() -> submitLtl(request));
      });
      return;
    }
    TaskRequest resolved = request;
    if (!request.region().isEmpty()) {
      var p = params.fleet().regions().get(request.region());
      resolved = request.toBuilder().location(new Point(
          p.x(), p.y(), p.z())).build();
    }
    if (journal != null) {
      journal.taskReceived(resolved.taskId(), TaskRequest.TYPE.encode(resolved),
          ctx.clock().now(), StateJournal.TaskState.ACCEPTED);
    }
    accepted.publish(resolved);
    announce(event(FleetEvent.TASK_ACCEPTED, request.taskId(), "valid"));
    log.info("accepted task " + request.taskId());
  }

  private void submitLtl(TaskRequest request) {
    List<LtlTaskPlanner.Outcome> outcomes;
    try {
      outcomes = ltl.submit(request.taskId(), request.ltlFormula(), ctx.clock().now());
    } catch (RuntimeException e) {
      // A planner defect must not kill the node's thread; the task is refused, not lost.
      log.log(Level.SEVERE, "LTL planning failed for " + request.taskId(), e);
      outcomes = List.of(new LtlTaskPlanner.Rejected(request.taskId(),
          "The LTL planner failed on this formula: " + e));
    }
    apply(outcomes);
  }

  /**
   * An operator command (issue 14): checked here, carried out by the allocator, except the
   * cancel of an LTL task, which the planner carries out itself ({@link #cancelLtl}). A malformed
   * command, an unknown or refused task or a robot outside the fleet is answered with
   * {@code command_rejected} and its reason, and goes no further.
   */
  void onCommand(OperatorCommand c) {
    String topic = ctx.topic(TopicNames.COMMANDS);
    String subject = c.taskId().isEmpty() ? c.robotId() : c.taskId();
    Optional<String> problem = OperatorCommandValidator.problem(c);
    if (problem.isEmpty() && c.kind() == OperatorCommand.KIND_CANCEL_TASK) {
      if (!seenTaskIds.contains(c.taskId())) {
        problem = Optional.of("task '" + c.taskId() + "' is unknown: the planner never "
            + "accepted it; nothing to cancel");
      } else if (refusedTaskIds.contains(c.taskId())) {
        problem = Optional.of("task '" + c.taskId() + "' was rejected; nothing to cancel");
      } else if (ltlTaskIds.contains(c.taskId()) && ltl == null) {
        problem = Optional.of("task '" + c.taskId() + "' is an LTL task and LTL planning is "
            + "disabled (no ltl_scenario parameter); nothing to cancel");
      } else if (ltlTaskIds.contains(c.taskId())) {
        cancelLtl(c);
        return;
      }
    } else if (problem.isEmpty() && !params.fleet().discoverRobots()
        && params.fleet().robots().stream().noneMatch(r -> r.id().equals(c.robotId()))) {
      problem = Optional.of("robot '" + c.robotId() + "' is not in the fleet");
    }
    if (problem.isPresent()) {
      rejections.reject(topic, subject, "invalid_command", problem.get());
      events.publish(FleetEvent.builder().stamp(Stamps.time(ctx.clock().now()))
          .kind(FleetEvent.COMMAND_REJECTED).robotId(c.robotId()).taskId(c.taskId())
          .stepIndex(-1).source(ctx.name()).reason(problem.get()).build());
      return;
    }
    log.info("operator command " + c.commandId() + " (kind " + c.kind() + ") on " + subject
        + " handed to the allocator");
    acceptedCommands.publish(c);
  }

  /**
   * Cancels an LTL task here, not in the allocator: its steps are in the planner's R-poset plan.
   * The new plan version (without the task, re-timed) goes out as any LTL replan, and the
   * {@code task_cancelled} event tells the robots that were on it to end their current step.
   */
  private void cancelLtl(OperatorCommand c) {
    FleetEvent earlier = ltlCommandVerdicts.get(c.commandId());
    if (earlier != null && !c.commandId().isEmpty()) {
      events.publish(earlier.toBuilder().stamp(Stamps.time(ctx.clock().now())).build());
      return;
    }
    double now = ctx.clock().now();
    LtlTaskPlanner.CancelResult r = ltl.cancel(c.taskId(), now);
    FleetEvent verdict;
    if (r instanceof LtlTaskPlanner.NotCancelled no) {
      rejections.reject(ctx.topic(TopicNames.COMMANDS), c.taskId(), "invalid_command",
          no.reason());
      verdict = FleetEvent.builder().stamp(Stamps.time(now)).kind(FleetEvent.COMMAND_REJECTED)
          .taskId(c.taskId()).stepIndex(-1).source(ctx.name()).reason(no.reason()).build();
    } else {
      LtlTaskPlanner.Cancelled yes = (LtlTaskPlanner.Cancelled) r;
      String who = c.reason().isEmpty() ? "by an operator" : "by an operator: " + c.reason();
      if (journal != null) {
        String ids = String.join(",", ltl.cancelledTaskIds());
        journal.batch(() -> {
          journal.put(LTL_CANCELLED_KEY, ids);
          if (ltl.record() != null) {
            journal.put(LTL_SESSION_KEY, ltl.record().toJson());
          }
        });
      }
      if (yes.planChanged()) {
        publishLtlPlan(PlanCause.TASK_CANCELLED, List.of());
      }
      verdict = event(FleetEvent.TASK_CANCELLED, c.taskId(), "cancelled " + who + " ("
          + yes.detail() + ")" + (yes.robots().isEmpty() ? "; no robot was on it"
              : "; robots told: " + String.join(", ", yes.robots())));
      log.info("LTL task " + c.taskId() + " " + verdict.reason());
    }
    ltlCommandVerdicts.put(c.commandId(), verdict);
    events.publish(verdict);
  }

  /**
   * A robot paused or resumed by an operator (the allocator's verdict event), or failed or
   * recovered (the synchronizer's): a paused or failed robot's unfinished LTL chains move to other
   * robots of its type, or stay, reported unassignable with the reason; a resumed or recovered one
   * may get LTL work from later formulas again.
   */
  void onEvent(FleetEvent e) {
    if (e.source().equals(ctx.name())) {
      return;
    }
    if (e.kind() == FleetEvent.TASK_STARTED || e.kind() == FleetEvent.TASK_COMPLETED) {
      // Robots know their progress by step index: a cancel or a pause must keep these in place.
      if (ltlTaskIds.contains(e.taskId()) && ltl.onStepReport(e.robotId(), e.taskId(),
          e.stepIndex(), e.kind() == FleetEvent.TASK_COMPLETED) && journal != null) {
        journal.put(LTL_SESSION_KEY, ltl.record().toJson());
      }
    } else if (Stamps.seconds(e.stamp()) < startedAt) {
      // A pause, resume, failure or recovery from before this run, replayed by the events
      // topic's history: the journal's record already holds the paused and failed robots.
      return;
    } else if (e.kind() == FleetEvent.ROBOT_PAUSED) {
      LtlTaskPlanner.PauseResult r = ltl.pause(e.robotId(), ctx.clock().now());
      List<UnplannedTask> stuck = new ArrayList<>();
      r.unassignable().forEach((task, why) -> stuck.add(new UnplannedTask(task,
          UnplannedReason.NOT_ENOUGH_ROBOTS, "robot " + e.robotId() + " is paused and " + why
              + "; its steps wait for the robot's resume")));
      stuck.forEach(u -> log.warning("LTL task " + u.taskId() + ": " + u.detail()));
      if (r.planChanged()) {
        publishLtlPlan(PlanCause.ROBOT_PAUSED, stuck);
      } else if (journal != null && ltl.record() != null) {
        journal.put(LTL_SESSION_KEY, ltl.record().toJson());
      }
      if (!r.movedTasks().isEmpty()) {
        log.info("robot " + e.robotId() + " paused: LTL chains of " + r.movedTasks()
            + " moved to other robots");
      }
    } else if (e.kind() == FleetEvent.ROBOT_FAILED) {
      onRobotFailed(e);
    } else if (e.kind() == FleetEvent.ROBOT_RECOVERED) {
      onRobotRecovered(e);
    } else if (e.kind() == FleetEvent.ROBOT_RESUMED && ltl.resume(e.robotId())) {
      if (journal != null && ltl.record() != null) {
        journal.put(LTL_SESSION_KEY, ltl.record().toJson());
      }
      log.info("robot " + e.robotId() + " resumed: back in the LTL pool for later formulas");
    }
  }

  /**
   * A robot the synchronizer declared failed (no heartbeat): its unfinished LTL chains move to
   * other robots of its type as for a pause (the chain it was in the middle of included, since it
   * finishes nothing now), or stay, reported unassignable with the reason; the new version's
   * cause is {@code robot_failed}. A second report of the same failure changes nothing.
   */
  private void onRobotFailed(FleetEvent e) {
    LtlTaskPlanner.PauseResult r = ltl.fail(e.robotId(), ctx.clock().now());
    List<UnplannedTask> stuck = new ArrayList<>();
    r.unassignable().forEach((task, why) -> stuck.add(new UnplannedTask(task,
        UnplannedReason.NOT_ENOUGH_ROBOTS, "robot " + e.robotId() + " failed (" + e.reason()
            + ") and " + why + "; its steps wait for the robot's recovery")));
    stuck.forEach(u -> log.warning("LTL task " + u.taskId() + ": " + u.detail()));
    if (r.planChanged()) {
      publishLtlPlan(PlanCause.ROBOT_FAILED, stuck);
    } else if (journal != null && ltl.record() != null) {
      journal.put(LTL_SESSION_KEY, ltl.record().toJson());
    }
    if (!r.movedTasks().isEmpty()) {
      log.info("robot " + e.robotId() + " failed: LTL chains of " + r.movedTasks()
          + " moved to other robots");
    }
  }

  /**
   * A failed robot heard again: back in the LTL pool for later formulas (what moved stays moved);
   * when it still holds LTL steps, the plan is published again (cause {@code robot_recovered}), a
   * version newer than the one it dropped when declared failed.
   */
  private void onRobotRecovered(FleetEvent e) {
    LtlTaskPlanner.Recovery r = ltl.recover(e.robotId());
    if (r.planChanged()) {
      publishLtlPlan(PlanCause.ROBOT_RECOVERED, List.of());
    } else if (r.recovered() && journal != null && ltl.record() != null) {
      journal.put(LTL_SESSION_KEY, ltl.record().toJson());
    }
    if (r.recovered()) {
      log.info("robot " + e.robotId() + " recovered: back in the LTL pool for later formulas");
    }
  }

  /** Started chains are kept out of online replanning: learn them from the synchronizer. */
  void onSync(SyncCommand c) {
    if (c.command() == SyncCommand.GO) {
      LtlSessionRecord before = ltl.record();
      if (ltl.onGo(c.robotId(), c.taskId(), c.stepIndex()) && journal != null) {
        LtlSessionRecord after = ltl.record();
        if (!after.startedChains().equals(before.startedChains())
            || after.goSeen() != before.goSeen()) {
          // Online formulas after a restart must keep these chains out of the replanning too.
          journal.put(LTL_SESSION_KEY, after.toJson());
        }
      }
    }
  }

  /** @return the period at which the host calls {@link #tick()}: LTL offline batching only */
  @Override
  public double tickPeriod() {
    return ltl == null ? 0 : 0.1;
  }

  /** Plans the queued LTL tasks offline once {@code ltl_offline_window} has passed. */
  @Override
  public void tick() {
    if (ltl != null) {
      apply(ltl.tick(ctx.clock().now()));
    }
  }

  private void apply(List<LtlTaskPlanner.Outcome> outcomes) {
    List<LtlTaskPlanner.Accepted> acceptedNow = new ArrayList<>();
    for (LtlTaskPlanner.Outcome o : outcomes) {
      if (o instanceof LtlTaskPlanner.Rejected r) {
        refusedTaskIds.add(r.taskId());
        rejections.reject(tasksTopic, r.taskId(), "ltl_rejected", "LTL task " + r.taskId()
            + " rejected: " + r.reason());
        if (journal != null) {
          journal.taskState(r.taskId(), StateJournal.TaskState.REJECTED, ctx.clock().now());
        }
        announce(event(FleetEvent.TASK_REJECTED, r.taskId(), r.reason()));
      } else if (o instanceof LtlTaskPlanner.Accepted a) {
        acceptedNow.add(a);
      }
    }
    if (acceptedNow.isEmpty()) {
      return;
    }
    Allocation plan = PlanMessages.allocation(LtlPlans.fleetPlan(ltl, ctx.clock().now()));
    if (journal != null) {
      // One transaction, before anything is announced: the plan, its version and the acceptances
      // survive a crash together, or not at all (then the tasks are planned again on restart).
      String record = ltl.record().toJson();
      journal.batch(() -> {
        for (LtlTaskPlanner.Accepted a : acceptedNow) {
          journal.taskState(a.taskId(), StateJournal.TaskState.ACCEPTED, ctx.clock().now());
        }
        journal.put(LTL_SESSION_KEY, record);
        journal.put("ltl_version", Long.toString(plan.planVersion()));
        journal.versionSeen(plan.planVersion());
      });
    }
    for (LtlTaskPlanner.Accepted a : acceptedNow) {
      log.info("accepted LTL task " + a.taskId() + ": " + a.detail());
      announce(event(FleetEvent.TASK_ACCEPTED, a.taskId(), a.detail()));
    }
    publish(plan);
  }

  /** Journals the running LTL plan (committed before it is published), then publishes it. */
  private void publishLtlPlan() {
    publishLtlPlan(PlanCause.NEW_TASK, List.of());
  }

  private void publishLtlPlan(PlanCause cause, List<UnplannedTask> unplanned) {
    Allocation plan = PlanMessages.allocation(
        LtlPlans.fleetPlan(ltl, ctx.clock().now(), cause, unplanned));
    if (journal != null) {
      String record = ltl.record().toJson();
      journal.batch(() -> {
        journal.put(LTL_SESSION_KEY, record);
        journal.put("ltl_version", Long.toString(plan.planVersion()));
        journal.versionSeen(plan.planVersion());
      });
    }
    publish(plan);
  }

  private void publish(Allocation plan) {
    ltlPlan.publish(plan);
    ltlDetail.publish(new dev.flotilla.msgs.std_msgs.String(
        LtlPlans.document(ltl, params.ltl().scenarioYaml()).toJson()));
    log.info("published LTL plan version " + plan.planVersion() + " for robots "
        + plan.plans().stream().map(p -> p.robotId()).toList());
  }

  /** @return the LTL planner, or null when LTL planning is disabled */
  public LtlTaskPlanner ltl() {
    return ltl;
  }

  /** Publishes a task's verdict and keeps the first one, to repeat it to a repeated request. */
  private void announce(FleetEvent verdict) {
    verdicts.putIfAbsent(verdict.taskId(), verdict);
    events.publish(verdict);
  }

  private FleetEvent event(byte kind, String taskId, String reason) {
    return FleetEvent.builder().stamp(Stamps.time(ctx.clock().now())).kind(kind).taskId(taskId)
        .stepIndex(-1).source(ctx.name()).reason(reason).build();
  }

  /** @return rejected-input counters */
  public InputRejections rejections() {
    return rejections;
  }
}
