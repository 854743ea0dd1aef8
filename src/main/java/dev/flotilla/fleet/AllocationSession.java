package dev.flotilla.fleet;

import dev.flotilla.alloc.GreedyAllocator;
import dev.flotilla.alloc.PotentialGameAllocator;
import dev.flotilla.alloc.PotentialGamePlanRepairer;
import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.CapabilityModel;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import dev.flotilla.alloc.rebalance.RebalanceEvent;
import dev.flotilla.alloc.rebalance.RebalanceOutcome;
import dev.flotilla.alloc.travel.StraightLineTravel;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlanCause;
import dev.flotilla.model.PlanChange;
import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.model.TaskSpec;
import dev.flotilla.resume.RobotResume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The allocator's state and decisions, free of any transport: which robots are alive and where,
 * which tasks are open, the current plan, and how each event changes it. Times inside the plan are
 * seconds since {@code epoch} (the node clock when the session began), so task decay keeps
 * counting across replans.
 *
 * <p>With {@code potential_game} every event goes through seed 000's
 * {@link EventTriggeredRebalancer}: local repair with seed 001's re-insertion (Eq. 22), and a
 * global re-plan only when efficiency drops by more than {@code rebalance_threshold}. A robot the
 * plan has never seen (it joined late) starts a new global plan. The {@code greedy} baseline
 * re-plans everything at every event. Not thread-safe: the allocator node drives it from one
 * thread. Slightly above 400 lines: the state every event reads and writes stays in one class;
 * plan building and diffing are in {@link FleetPlans}.
 */
public final class AllocationSession {
  private static final Logger LOG = Logger.getLogger("flotilla.allocator");
  /** Odometry is compared with the plan at most this often per robot, in seconds. */
  private static final double DEVIATION_CHECK_PERIOD = 1.0;
  /** Plans the improvement pass may evaluate per global plan (as {@code bench alloc} uses). */
  private static final long IMPROVEMENT_BUDGET = 200_000;

  private AllocationSettings params;
  private final double epoch;
  private final Map<String, Point3> positions = new LinkedHashMap<>();
  private final Set<String> alive = new LinkedHashSet<>();
  private final Set<String> failed = new LinkedHashSet<>();
  private final Map<String, Task> openTasks = new LinkedHashMap<>();
  private final Map<String, Set<String>> resumeCapabilities = new LinkedHashMap<>();
  private final Map<String, RobotResume> resumes = new LinkedHashMap<>();
  private final Map<String, Double> lastDeviationCheck = new HashMap<>();
  private final Set<String> failedPairs = new HashSet<>();
  /** Tasks completed in this session: a late copy of their request must not revive them. */
  private final Set<String> completed = new HashSet<>();
  /** Tasks an operator cancelled (issue 14): like completed ones, never planned again. */
  private final Set<String> cancelled = new LinkedHashSet<>();
  /**
   * Robots an operator took out of the pool (issue 14) → whether the fleet last heard them alive,
   * so a resume puts back only a robot that is there.
   */
  private final Map<String, Boolean> paused = new LinkedHashMap<>();
  private final CapabilityModel fromResumes = new ResumeCapabilityModel(resumes, failedPairs);
  /** λ_ij: the operator's table where it has the pair, else the resumes (seed 002). */
  private final CapabilityModel capability;
  /** LTL steps per robot from the planner (seed 003); such robots are kept out of allocation. */
  private Map<String, List<PlannedStep>> ltlSteps = Map.of();
  private long ltlVersion;
  private EventTriggeredRebalancer rebalancer;
  private Set<String> plannedRobots = Set.of();
  /** Whether a batch is open: plans are computed but published once, when it closes. */
  private boolean batching;
  /** The newest plan computed in the open batch, or null. */
  private Deferred deferred;

  /** A plan computed during a batch, with what caused it. */
  private record Deferred(AllocationPlan plan, AllocationProblem problem, PlanCause cause,
      Set<String> subjects) {}
  private long version;
  private FleetPlan current;
  private AllocationPlan lastPlan;
  private AllocationProblem lastProblem;
  private RebalanceOutcome lastOutcome;
  /**
   * A passive session (hot standby, or restoring from the journal) takes every input into its
   * state but plans and publishes nothing.
   */
  private boolean passive;

  /**
   * @param params how to plan
   * @param epoch node-clock time that plan time 0 stands for, in seconds
   */
  public AllocationSession(AllocationSettings params, double epoch) {
    this.params = params;
    this.epoch = epoch;
    this.capability = (robot, task) -> {
      Double set = params.lambda().getOrDefault(robot.id(), Map.of()).get(task.id());
      return set != null && !failedPairs.contains(robot.id() + "|" + task.id()) ? set
          : fromResumes.capability(robot, task);
    };
    for (RobotSpec r : params.roster().robots()) {
      positions.put(r.id(), r.start());
    }
  }

  /** @param passive whether to keep state without planning (standby, restore) */
  public void setPassive(boolean passive) {
    this.passive = passive;
    if (passive) {
      // The active instance's plans are the truth now; ours is rebuilt when we take over.
      rebalancer = null;
      plannedRobots = Set.of();
    }
  }

  /** @return whether the session plans nothing (standby, restore) */
  public boolean passive() {
    return passive;
  }

  /** @return the last plan version issued or adopted, 0 before any */
  public long version() {
    return version;
  }

  /**
   * Takes a plan another instance published (or this node journaled before a crash): it becomes
   * the current plan and our next version is above it.
   *
   * @param plan the plan seen
   * @return whether it became the current plan
   */
  public boolean adopt(FleetPlan plan) {
    if (plan.version() >= version) {
      version = plan.version();
      current = plan;
      return true;
    }
    return false;
  }

  /** @param seen a plan version published elsewhere; our next version is above it */
  public void versionAtLeast(long seen) {
    version = Math.max(version, seen);
  }

  /**
   * Becomes active and issues a fresh global plan above every version seen, so consumers switch
   * to it at once (restart from the journal, standby takeover, or winning a split brain).
   *
   * @param subject why, e.g. {@code recovered from journal}
   * @param now node-clock time in seconds
   * @return the new version
   */
  public PlanUpdate takeOver(String subject, double now) {
    passive = false;
    rebalancer = null;
    return replan(PlanCause.INITIAL, subject, now);
  }

  /** @return whether the robot is configured or has been seen */
  public boolean knows(String robotId) {
    return positions.containsKey(robotId);
  }

  /**
   * Takes a robot's resume (seed 002): its capabilities join the configured ones, and λ_ij for
   * the allocator comes from it. What a working robot can do changed, so open work is re-planned.
   */
  public PlanUpdate setResume(RobotResume resume, double now) {
    resumes.put(resume.robotId(), resume);
    resumeCapabilities.put(resume.robotId(), Set.copyOf(resume.capabilities()));
    if (!alive.contains(resume.robotId()) || openTasks.isEmpty()) {
      return null;
    }
    return replan(PlanCause.REBALANCE, resume.robotId(), now);
  }

  /** @return the current plan, or null before any */
  public FleetPlan current() {
    return current;
  }

  /** @return robots' last known positions in map (m) */
  public Map<String, Point3> positions() {
    return Map.copyOf(positions);
  }

  /** @return robots currently alive */
  public Set<String> alive() {
    return Set.copyOf(alive);
  }

  /** @return robots currently declared failed */
  public Set<String> failed() {
    return Set.copyOf(failed);
  }

  /** @return what the last event-triggered decision did, or null (greedy, or none yet) */
  public RebalanceOutcome lastOutcome() {
    return lastOutcome;
  }

  private boolean eventTriggered() {
    return params.eventTriggered();
  }

  /** Whether the event-triggered planner knows every robot now alive and free of LTL work. */
  private boolean planCoversFleet() {
    return rebalancer != null && alive.stream()
        .filter(id -> !ltlSteps.containsKey(id)).allMatch(plannedRobots::contains);
  }

  private double planTime(double now) {
    return Math.max(0, now - epoch);
  }

  /**
   * New odometry, already in the map frame. With the event-triggered planner a robot far from
   * where the plan expects it is an event (seed 000), checked at most once a second per robot.
   */
  public PlanUpdate setPosition(String robotId, Point3 mapPosition, double now) {
    positions.put(robotId, mapPosition);
    if (rebalancer == null || !alive.contains(robotId) || !plannedRobots.contains(robotId)) {
      return null;
    }
    Double last = lastDeviationCheck.get(robotId);
    if (last != null && now - last < DEVIATION_CHECK_PERIOD) {
      return null;
    }
    lastDeviationCheck.put(robotId, now);
    return event(new RebalanceEvent.OdometryDeviation(robotId, mapPosition, planTime(now)),
        PlanCause.REBALANCE, robotId, now);
  }

  /** A robot joined or recovered: it may take work again. */
  public PlanUpdate robotAvailable(String robotId, double now, boolean recovered) {
    positions.putIfAbsent(robotId, params.roster().robot(robotId).start());
    failed.remove(robotId);
    if (paused.containsKey(robotId)) {
      // Heard, but out of the pool until an operator resumes it.
      paused.put(robotId, true);
      return null;
    }
    if (!alive.add(robotId) || openTasks.isEmpty()) {
      return null;
    }
    PlanCause cause = recovered ? PlanCause.ROBOT_RECOVERED : PlanCause.REBALANCE;
    if (rebalancer != null && plannedRobots.contains(robotId)) {
      return event(new RebalanceEvent.RobotRecovered(robotId, positions.get(robotId),
          planTime(now)), cause, robotId, now);
    }
    return replan(cause, robotId, now);
  }

  /** A robot failed permanently: its work moves to others (seed 001 §3). */
  public PlanUpdate robotFailed(String robotId, double now) {
    if (paused.containsKey(robotId)) {
      paused.put(robotId, false);
      failed.add(robotId);
      return null;
    }
    if (!alive.remove(robotId)) {
      return null;
    }
    failed.add(robotId);
    if (rebalancer != null && plannedRobots.contains(robotId)) {
      return event(new RebalanceEvent.RobotFailed(robotId, planTime(now)),
          PlanCause.ROBOT_FAILED, robotId, now);
    }
    return replan(PlanCause.ROBOT_FAILED, robotId, now);
  }

  /**
   * A task was accepted: it is planned unless it is open or was completed already.
   *
   * @param request the task
   * @param now node-clock time in seconds
   * @return the new plan, or null when nothing changed
   */
  public PlanUpdate taskAdded(TaskSpec request, double now) {
    if (openTasks.containsKey(request.id()) || completed.contains(request.id())
        || cancelled.contains(request.id())) {
      return null;
    }
    Task task = toTask(request, now);
    openTasks.put(task.id(), task);
    if (planCoversFleet()) {
      return event(new RebalanceEvent.NewTask(task, planTime(now)), PlanCause.NEW_TASK,
          task.id(), now);
    }
    return replan(PlanCause.NEW_TASK, task.id(), now);
  }

  /**
   * A robot reported it could not do a task (e.g. its goal was never reached): it will not be
   * given that task again, and the task is re-planned among the others.
   */
  public PlanUpdate taskFailed(String robotId, String taskId, double now) {
    if (!openTasks.containsKey(taskId) || !failedPairs.add(robotId + "|" + taskId)) {
      return null;
    }
    return replan(PlanCause.REBALANCE, taskId, now);
  }

  /**
   * A task was completed: it is never planned again.
   *
   * @param taskId the task
   * @param now node-clock time in seconds
   * @return the new plan, or null when nothing changed
   */
  public PlanUpdate taskDone(String taskId, double now) {
    // Remembered even when unknown: over DDS a completion from the events history may arrive
    // before the task's acceptance does, and must still keep the task from being planned.
    completed.add(taskId);
    if (openTasks.remove(taskId) == null) {
      return null;
    }
    if (planCoversFleet()) {
      return event(new RebalanceEvent.TaskCompleted(taskId, planTime(now)),
          PlanCause.TASK_DONE, taskId, now);
    }
    return replan(PlanCause.TASK_DONE, taskId, now);
  }

  /**
   * Why cancelling a task would change nothing, if it would not (issue 14).
   *
   * @param taskId the task
   * @return the reason (already done, already cancelled), or empty when it can be cancelled
   */
  public Optional<String> cancelRefusal(String taskId) {
    if (cancelled.contains(taskId)) {
      return Optional.of("task '" + taskId + "' was already cancelled");
    }
    if (completed.contains(taskId)) {
      return Optional.of("task '" + taskId + "' is already done; nothing to cancel");
    }
    return Optional.empty();
  }

  /**
   * An operator cancelled a task: it leaves the plan and is never planned again, even when its
   * acceptance arrives after the cancellation (no order across topics).
   *
   * @param taskId the task
   * @param now node-clock time in seconds
   * @return the new plan, or null when the task was not open
   */
  public PlanUpdate taskCancelled(String taskId, double now) {
    cancelled.add(taskId);
    if (openTasks.remove(taskId) == null) {
      return null;
    }
    if (planCoversFleet()) {
      return event(new RebalanceEvent.TaskCompleted(taskId, planTime(now)),
          PlanCause.TASK_CANCELLED, taskId, now);
    }
    return replan(PlanCause.TASK_CANCELLED, taskId, now);
  }

  /** @return tasks cancelled by an operator, in order */
  public Set<String> cancelled() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(cancelled));
  }

  /**
   * An operator took a robot out of the pool (maintenance): its work moves to others as after a
   * failure, and it gets none until {@link #robotResumed}, whatever the synchronizer says.
   *
   * @param robotId the robot
   * @param now node-clock time in seconds
   * @return the new plan, or null when the robot was not in the pool
   */
  public PlanUpdate robotPaused(String robotId, double now) {
    boolean wasAlive = alive.remove(robotId);
    paused.put(robotId, wasAlive || paused.getOrDefault(robotId, false));
    if (!wasAlive) {
      return null;
    }
    if (rebalancer != null && plannedRobots.contains(robotId)) {
      return event(new RebalanceEvent.RobotFailed(robotId, planTime(now)),
          PlanCause.ROBOT_PAUSED, robotId, now);
    }
    return replan(PlanCause.ROBOT_PAUSED, robotId, now);
  }

  /**
   * Puts a paused robot back into the pool, if the fleet hears it (a robot that failed while
   * paused comes back when the synchronizer hears it again).
   *
   * @param robotId the robot
   * @param now node-clock time in seconds
   * @return the new plan, or null when nothing changed
   */
  public PlanUpdate robotResumed(String robotId, double now) {
    Boolean heard = paused.remove(robotId);
    if (heard == null || !heard) {
      return null;
    }
    return robotAvailable(robotId, now, false);
  }

  /** @return robots an operator paused */
  public Set<String> paused() {
    return Set.copyOf(paused.keySet());
  }

  private Task toTask(TaskSpec r, double now) {
    double deadline = r.deadline();
    return new Task(r.id(), r.location(), r.requiredRobots(),
        r.baseUtility(), r.decayRate(), r.duration(), planTime(now),
        deadline > 0 ? OptionalDouble.of(deadline - epoch) : OptionalDouble.empty(),
        (int) Math.round(r.priority()), new LinkedHashSet<>(r.requiredCapabilities()));
  }

  private PlanUpdate event(RebalanceEvent event, PlanCause cause, String subject, double now) {
    if (passive) {
      return null;
    }
    RebalanceOutcome outcome = rebalancer.onEvent(event);
    lastOutcome = outcome;
    if (outcome.robotsTouched().isEmpty() && cause == PlanCause.REBALANCE) {
      return null;
    }
    if (event instanceof RebalanceEvent.OdometryDeviation) {
      // A robot running late only shifts times: publish when it moves work between robots.
      PlanUpdate update = publish(outcome.plan(), rebalancer.problem(), cause, subject, now, true);
      return update;
    }
    LOG.fine(() -> String.format(Locale.ROOT, "%s: %s, efficiency %.4f (reference "
        + "%.4f), %d robots touched, %d messages", event.getClass().getSimpleName(),
        outcome.globalReplan() ? "global re-plan" : "local repair", outcome.efficiency(),
        outcome.referenceEfficiency(), outcome.robotsTouched().size(), outcome.messages()));
    return publish(outcome.plan(), rebalancer.problem(), cause, subject, now, false);
  }

  /**
   * The planner's current LTL plan: its steps go into the published allocation, and the robots
   * that have LTL work are no longer offered multi-robot tasks.
   */
  public PlanUpdate ltlPlan(FleetPlan plan, double now) {
    if (plan.version() <= ltlVersion) {
      return null;
    }
    ltlVersion = plan.version();
    Map<String, List<PlannedStep>> steps = new LinkedHashMap<>();
    for (RobotItinerary p : plan.itineraries()) {
      if (!p.steps().isEmpty()) {
        steps.put(p.robotId(), p.steps());
        positions.putIfAbsent(p.robotId(), params.roster().robot(p.robotId()).start());
      }
    }
    boolean reservedChanged = !steps.keySet().equals(ltlSteps.keySet());
    ltlSteps = steps;
    if (passive) {
      return null;
    }
    if (reservedChanged || current == null || lastPlan == null) {
      return replan(PlanCause.NEW_TASK, "ltl_plan v" + ltlVersion, now);
    }
    return publish(lastPlan, lastProblem, PlanCause.NEW_TASK, "ltl_plan v" + ltlVersion,
        now, false);
  }

  private PlanUpdate replan(PlanCause cause, String subject, double now) {
    if (passive) {
      return null;
    }
    double t = planTime(now);
    List<Robot> robots = new ArrayList<>();
    for (String id : alive) {
      if (ltlSteps.containsKey(id)) {
        continue;
      }
      RobotSpec c = params.roster().robot(id);
      Set<String> capabilities = new LinkedHashSet<>(c.capabilities());
      capabilities.addAll(resumeCapabilities.getOrDefault(id, Set.of()));
      robots.add(new Robot(id, positions.get(id), c.maxSpeed(), c.maxAcceleration(),
          c.reliability(), c.costRate(), t, capabilities));
    }
    AllocationProblem problem = new AllocationProblem(robots, List.copyOf(openTasks.values()),
        capability, new StraightLineTravel(), params.utility());
    if (eventTriggered() && !robots.isEmpty()) {
      rebalancer = new EventTriggeredRebalancer(problem, params.rebalanceThreshold(),
          params.deviationTolerance(), params.replanPolicy(),
          new PotentialGameAllocator().withImprovement(params.improvementPass(),
              IMPROVEMENT_BUDGET), new PotentialGamePlanRepairer()).reportingCompletions();
      plannedRobots = robots.stream().map(Robot::id).collect(Collectors.toSet());
      lastOutcome = null;
      return publish(rebalancer.plan(), problem, cause, subject, now, false);
    }
    return publish(new GreedyAllocator().allocate(problem), problem, cause, subject, now, false);
  }

  /**
   * Takes new re-plan threshold and deviation tolerance (live parameters) for every event from
   * now on, in the current rebalancer too; the plan itself is not changed.
   *
   * @param rebalanceThreshold relative efficiency drop that triggers a global re-plan, in [0, 1]
   * @param deviationTolerance odometry deviation from the plan that is ignored, metres
   */
  public void retune(double rebalanceThreshold, double deviationTolerance) {
    if (rebalancer != null) {
      rebalancer.retune(rebalanceThreshold, deviationTolerance);
    }
    params = new AllocationSettings(params.roster(), params.eventTriggered(), params.utility(),
        rebalanceThreshold, deviationTolerance, params.replanPolicy(), params.lambda(),
        params.improvementPass());
  }

  /**
   * Opens a batch: until {@link #endBatch} the calls that change the plan still repair it, one
   * after the other as they would alone, but return null and publish nothing. A storm of
   * failures and recoveries (a partition healing, a starved detector) then costs the fleet one
   * new version instead of one per robot.
   */
  public void beginBatch() {
    batching = true;
  }

  /**
   * Closes the batch and publishes its last plan, if any call in it changed the plan: one
   * version, its diff against the version before the batch, its cause {@code robot_failed} when
   * any robot failed (else the first cause) and every subject, comma-separated.
   *
   * @param now node-clock time in seconds
   * @return the new plan, or null when nothing changed
   */
  public PlanUpdate endBatch(double now) {
    batching = false;
    Deferred d = deferred;
    deferred = null;
    return d == null ? null
        : publish(d.plan(), d.problem(), d.cause(), String.join(",", d.subjects()), now, false);
  }

  /**
   * Builds the next version from a plan and its diff against the current one.
   *
   * @param onlyIfMoved publish nothing when no robot's task list changed
   */
  private PlanUpdate publish(AllocationPlan plan, AllocationProblem problem, PlanCause cause,
      String subject, double now, boolean onlyIfMoved) {
    lastPlan = plan;
    lastProblem = problem;
    if (batching) {
      Set<String> subjects = new LinkedHashSet<>();
      PlanCause batchCause = cause;
      if (deferred != null) {
        subjects.addAll(deferred.subjects());
        batchCause = deferred.cause() == PlanCause.ROBOT_FAILED ? deferred.cause() : cause;
      }
      subjects.add(subject);
      deferred = new Deferred(plan, problem, batchCause, subjects);
      return null;
    }
    Map<String, Task> tasks = new LinkedHashMap<>();
    // Completed tasks stay in the planner's history but are no longer anybody's work.
    problem.tasks().stream().filter(task -> openTasks.containsKey(task.id()))
        .forEach(task -> tasks.put(task.id(), task));
    List<String> robotIds = new ArrayList<>(positions.keySet());
    FleetPlan next = FleetPlans.withLtlSteps(
        FleetPlans.of(plan, tasks, robotIds, epoch, version + 1, cause, now), ltlSteps);
    PlanChange diff = FleetPlans.diff(current, next, subject);
    if (onlyIfMoved && diff.affectedRobots().isEmpty()) {
      return null;
    }
    version++;
    current = next;
    return new PlanUpdate(next, diff);
  }
}
