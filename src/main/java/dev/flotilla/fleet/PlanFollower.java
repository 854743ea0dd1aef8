package dev.flotilla.fleet;

import dev.flotilla.model.FleetEventKind;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlanCause;
import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.Point3;
import dev.flotilla.model.Pose2;
import dev.flotilla.model.RobotActivity;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.StepRole;
import dev.flotilla.model.SyncDirective;
import dev.flotilla.model.SyncOrder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a robot does with its plan: it acts only on its own steps of the newest allocation, drives
 * to each step's goal, reports arrival ({@code task_started}), obeys the synchronizer's go/wait/
 * skip for that step, performs the action for its planned duration (or until an effector reports
 * done), and reports {@code task_completed}; a goal not reached within the timeout is
 * {@code task_failed}. Without any sync command within a grace period, a solo step starts at once
 * and a shared step at its planned start (when its partners are due). Pure logic, driven by
 * {@link #tick}; not thread-safe.
 *
 * <p>Steps with an action other than {@code goto} come from the LTL planner (seed 003) and are
 * under the synchronizer's control: they never start without its GO, however long that takes,
 * since starting early would break the plan's order (≼) and conflicts (≠). The grace period only
 * applies to multi-robot {@code goto} steps, which the synchronizer does not order.
 */
public final class PlanFollower {

  /** What the follower asks of the robot and the fleet. */
  public interface Effects {
    /** Drive to a goal in the map frame (m, rad). */
    void navigate(PlannedStep step, double x, double y, double yaw);

    /** Stop moving. */
    void stop();

    /** Start a non-navigation action on a real effector (command topic mode). */
    void startAction(PlannedStep step);

    /** Report a step event (one of the {@code TASK_*} kinds). */
    void event(FleetEventKind kind, PlannedStep step, String reason);
  }

  private enum Phase { IDLE, NAVIGATING, AWAITING_SYNC, WORKING }

  private final String robotId;
  private final Set<String> knownRegions;
  private final double tolerance;
  private final double goalTimeout;
  private final double goalResend;
  private final double syncGrace;
  private final boolean effectorActions;
  private final Effects effects;
  private final InputSink rejections;
  private final Set<String> finished = new HashSet<>();
  private long planVersion;
  /** Per step key of the plan in force, the first of the consecutive versions that held it. */
  private Map<String, Long> stepSince = Map.of();
  private double planStamp = Double.NEGATIVE_INFINITY;
  private PlanCause planCause = PlanCause.INITIAL;
  private List<PlannedStep> steps = List.of();
  private PlannedStep current;
  private Phase phase = Phase.IDLE;
  private double phaseSince;
  /** Closest distance (m) to the current goal so far, and when it last improved (s). */
  private double bestDistance;
  private double progressAt;
  private boolean syncSeen;
  private SyncOrder syncCommand;
  private boolean actionDone;
  /** Whether navigation itself reports arrival (see {@link #arrivalFromNavigation}). */
  private boolean arrivalByNavigation;
  /** The navigation's verdict on the current goal: null while it drives, else reached or not. */
  private Boolean navigationReached;
  private String navigationReason = "";

  /**
   * @param robotId this robot's id
   * @param knownRegions named regions of the map; a step naming another region is ignored (empty:
   *     no check)
   * @param tolerance distance (m) at which a goal counts as reached
   * @param goalTimeout seconds allowed to reach a goal before the step fails
   * @param goalResend seconds without coming closer to the goal after which it is sent again (0:
   *     never); a navigation stack that missed the goal (not yet connected, restarted) gets it
   * @param syncGrace seconds to wait for a sync command after arriving
   * @param effectorActions whether non-navigation actions run on an effector (else timed)
   * @param effects what the follower drives
   * @param rejections where ignored input is counted and logged
   */
  public PlanFollower(String robotId, Set<String> knownRegions, double tolerance,
      double goalTimeout, double goalResend, double syncGrace, boolean effectorActions,
      Effects effects, InputSink rejections) {
    this.robotId = robotId;
    this.knownRegions = Set.copyOf(knownRegions);
    this.tolerance = tolerance;
    this.goalTimeout = goalTimeout;
    this.goalResend = goalResend;
    this.syncGrace = syncGrace;
    this.effectorActions = effectorActions;
    this.effects = effects;
    this.rejections = rejections;
  }

  private static String key(PlannedStep s) {
    return s.taskId() + "|" + s.action() + "|" + s.region() + "|" + s.stepIndex();
  }

  /**
   * @return when the allocator issued the plan in force (its {@code stamp}, s on the fleet's
   *     clock), or negative infinity before the first plan
   */
  public double planStamp() {
    return planStamp;
  }

  /** @return the plan in force's cause ({@link PlanCause#INITIAL} before the first plan) */
  public PlanCause planCause() {
    return planCause;
  }

  /** Takes a new plan; only a newer version than the one in force is acted on. */
  public void onAllocation(FleetPlan a) {
    if (a.version() <= planVersion) {
      rejections.reject("allocation", robotId, "stale_plan", "plan version " + a.version()
          + " is not newer than " + planVersion);
      return;
    }
    planVersion = a.version();
    planStamp = a.stamp();
    planCause = a.cause();
    steps = a.itineraries().stream().filter(p -> p.robotId().equals(robotId))
        .map(RobotItinerary::steps).findFirst().orElse(List.of());
    Map<String, Long> since = new HashMap<>();
    for (PlannedStep s : steps) {
      since.put(key(s), stepSince.getOrDefault(key(s), a.version()));
    }
    stepSince = since;
    if (current != null && steps.stream().noneMatch(s -> key(s).equals(key(current)))) {
      // The new plan no longer gives us this step: drop it at once.
      effects.stop();
      current = null;
      phase = Phase.IDLE;
    }
  }

  /**
   * The fleet declared this robot failed: its work has gone (or is going) to others, so it stops
   * and drops every step at once, and acts again only on a plan version newer than the one in
   * force, which the allocator issues after the failure. A robot that only lost its heartbeats
   * thus never works on a step that now belongs to another robot.
   *
   * @return the task ids of the steps dropped
   */
  public List<String> onDeclaredFailed() {
    List<String> dropped = steps.stream().filter(s -> !finished.contains(key(s)))
        .map(PlannedStep::taskId).distinct().toList();
    if (current != null) {
      effects.stop();
    }
    current = null;
    phase = Phase.IDLE;
    steps = List.of();
    stepSince = Map.of();
    return dropped;
  }

  /** Takes a synchronizer command; only ours, for the step we are on, counts. */
  public void onSync(SyncDirective c) {
    if (!c.robotId().equals(robotId)) {
      rejections.reject("sync", c.robotId(), "other_robot", "sync command for robot '"
          + c.robotId() + "' ignored by " + robotId);
      return;
    }
    // A command is stale only if it predates the plan that gave us the step we are on: a newer
    // version that left this step as it was (another robot's failure, a task done elsewhere)
    // must not void a GO the synchronizer issued just before it.
    long since = current == null ? planVersion
        : stepSince.getOrDefault(key(current), planVersion);
    if (c.planVersion() != 0 && c.planVersion() < since) {
      rejections.reject("sync", robotId, "stale_plan", "sync command for plan version "
          + c.planVersion() + " older than " + since);
      return;
    }
    if (current == null || !c.taskId().equals(current.taskId())
        || c.stepIndex() != current.stepIndex()) {
      rejections.reject("sync", robotId, "not_current_step", "sync command for "
          + c.taskId() + " step " + c.stepIndex() + ", which this robot is not on");
      return;
    }
    syncSeen = true;
    syncCommand = c.order();
  }

  /**
   * Lets the navigation stack decide arrival (Nav2's {@code navigate_to_pose} result): distance
   * to the goal no longer counts and the goal is not resent; {@link #onNavigationEnded} does.
   * The goal timeout still applies. Call before the first tick.
   */
  public void arrivalFromNavigation() {
    arrivalByNavigation = true;
  }

  /**
   * The navigation stack ended the current goal (with {@link #arrivalFromNavigation} on): reached
   * counts as arrival, anything else fails the step with the reason at the next tick. Ignored when
   * no step is being driven to.
   *
   * @param reached whether the goal was reached
   * @param reason why not, one sentence (for {@code task_failed})
   */
  public void onNavigationEnded(boolean reached, String reason) {
    if (current == null || phase != Phase.NAVIGATING) {
      return;
    }
    navigationReached = reached;
    navigationReason = reason;
  }

  /** An effector reported the current action done (command-topic mode). */
  public void onActionDone() {
    actionDone = true;
  }

  /**
   * Advances the state machine.
   *
   * @param pose robot pose in the map frame
   * @param now node-clock time (s)
   */
  public void tick(Pose2 pose, double now) {
    if (current == null) {
      current = next();
      if (current == null) {
        phase = Phase.IDLE;
        return;
      }
      enter(Phase.NAVIGATING, now);
      sendGoal(pose, now);
    }
    if (current == null) {
      return;
    }
    switch (phase) {
      case NAVIGATING -> {
        Point3 g = current.goal();
        if (arrivalByNavigation) {
          navigateByResult(g, now);
          return;
        }
        double distance = Math.hypot(g.x() - pose.x(), g.y() - pose.y());
        if (distance < bestDistance - Math.min(tolerance, 0.05)) {
          bestDistance = distance;
          progressAt = now;
        } else if (goalResend > 0 && now - progressAt >= goalResend && distance > tolerance) {
          // No progress: the goal may never have arrived (a one-shot topic whose subscriber
          // was not matched yet) or the navigation stack dropped it. Sending it again is
          // harmless for one that is busy with it and rescues one that is not.
          sendGoal(pose, now);
        }
        if (distance <= tolerance) {
          PlannedStep step = current;
          enter(Phase.AWAITING_SYNC, now);
          effects.stop();
          effects.event(FleetEventKind.TASK_STARTED, step, "arrived");
        } else if (now - phaseSince > goalTimeout) {
          effects.stop();
          finish(FleetEventKind.TASK_FAILED, String.format(Locale.ROOT,
              "goal (%.2f, %.2f) not reached within %.1f s", g.x(), g.y(), goalTimeout));
        }
      }
      case AWAITING_SYNC -> {
        if (current == null) {
          return;
        }
        if (syncSeen) {
          if (syncCommand == SyncOrder.GO) {
            startWork(now);
          } else if (syncCommand == SyncOrder.SKIP) {
            finished.add(key(current));
            current = null;
            phase = Phase.IDLE;
          }
        } else if (!current.action().equals("goto")) {
          // An LTL step: wait for the synchronizer's word.
          return;
        } else if (now - phaseSince >= syncGrace) {
          boolean shared = current.role() != StepRole.SOLO;
          if (!shared || now >= current.plannedStart()) {
            startWork(now);
          }
        }
      }
      case WORKING -> {
        if (current == null) {
          return;
        }
        double duration = Math.max(0, current.plannedFinish() - current.plannedStart());
        boolean onEffector = effectorActions && !current.action().equals("goto");
        if (onEffector ? actionDone : now - phaseSince >= duration) {
          finish(FleetEventKind.TASK_COMPLETED, "done");
        }
      }
      default -> { }
    }
  }

  /** NAVIGATING when the navigation stack reports arrival: its verdict, or the timeout. */
  private void navigateByResult(Point3 g, double now) {
    if (Boolean.TRUE.equals(navigationReached)) {
      PlannedStep step = current;
      enter(Phase.AWAITING_SYNC, now);
      effects.event(FleetEventKind.TASK_STARTED, step, "arrived");
    } else if (Boolean.FALSE.equals(navigationReached)) {
      finish(FleetEventKind.TASK_FAILED, navigationReason);
    } else if (now - phaseSince > goalTimeout) {
      effects.stop();
      finish(FleetEventKind.TASK_FAILED, String.format(Locale.ROOT,
          "goal (%.2f, %.2f) not reached within %.1f s", g.x(), g.y(), goalTimeout));
    }
  }

  /** Sends the current step's goal; progress is measured from where the robot is now. */
  private void sendGoal(Pose2 pose, double now) {
    Point3 g = current.goal();
    bestDistance = Math.hypot(g.x() - pose.x(), g.y() - pose.y());
    progressAt = now;
    effects.navigate(current, g.x(), g.y(), current.goalYaw());
  }

  private void startWork(double now) {
    PlannedStep step = current;
    enter(Phase.WORKING, now);
    actionDone = false;
    if (effectorActions && !step.action().equals("goto")) {
      effects.startAction(step);
    }
  }

  private void enter(Phase p, double now) {
    phase = p;
    phaseSince = now;
    if (p == Phase.NAVIGATING) {
      navigationReached = null;
      navigationReason = "";
      syncSeen = false;
      syncCommand = null;
    }
  }

  /**
   * Ends the current step. The state changes before the event goes out: listeners may answer
   * synchronously (a new plan, a sync command) while the event is being published.
   */
  private void finish(FleetEventKind kind, String reason) {
    PlannedStep step = current;
    finished.add(key(step));
    current = null;
    phase = Phase.IDLE;
    effects.event(kind, step, reason);
  }

  private PlannedStep next() {
    for (PlannedStep s : steps) {
      if (finished.contains(key(s))) {
        continue;
      }
      if (s.goal() == null) {
        rejections.reject("allocation", robotId, "non_finite_goal", "step " + s.stepIndex()
            + " of " + s.taskId() + " has a non-finite goal; skipped");
        finished.add(key(s));
        continue;
      }
      if (!knownRegions.isEmpty() && !s.region().isEmpty() && !knownRegions.contains(s.region())) {
        rejections.reject("allocation", robotId, "unknown_region", "step " + s.stepIndex()
            + " of " + s.taskId() + " names unknown region '" + s.region() + "'; skipped");
        finished.add(key(s));
        continue;
      }
      return s;
    }
    return null;
  }

  /** @return what the robot is doing: idle, moving, waiting or working */
  public RobotActivity state() {
    return switch (phase) {
      case IDLE -> RobotActivity.IDLE;
      case NAVIGATING -> RobotActivity.MOVING;
      case AWAITING_SYNC -> RobotActivity.WAITING;
      case WORKING -> RobotActivity.WORKING;
    };
  }

  /** @return the step in progress, or null */
  public PlannedStep current() {
    return current;
  }

  /** @return the plan version acted on (0 before any) */
  public long planVersion() {
    return planVersion;
  }
}
