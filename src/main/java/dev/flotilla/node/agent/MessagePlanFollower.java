package dev.flotilla.node.agent;

import dev.flotilla.fleet.PlanFollower;
import dev.flotilla.model.FleetEventKind;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.Pose2;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.node.InputRejections;
import dev.flotilla.node.PlanMessages;
import dev.flotilla.node.SyncMessages;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleet layer's {@link PlanFollower} driven by messages: allocations and sync commands in,
 * heartbeat states, fleet event kinds and this robot's {@code PlanStep}s out. Each step the
 * follower handles is handed back as the very message it came from, so a goal is published
 * exactly as the allocation carried it. Not thread-safe, like the follower.
 */
public final class MessagePlanFollower {

  /** What the follower asks of the robot and the fleet. */
  public interface Effects {
    /** Drive to a goal in the map frame (m, rad). */
    void navigate(PlanStep step, double x, double y, double yaw);

    /** Stop moving. */
    void stop();

    /** Start a non-navigation action on a real effector (command topic mode). */
    void startAction(PlanStep step);

    /** Report a step event ({@code FleetEvent.TASK_*}). */
    void event(byte kind, PlanStep step, String reason);
  }

  private final String robotId;
  private final PlanFollower follower;
  /** The message of each step the follower may still hand out: the plan's and the current. */
  private Map<PlannedStep, PlanStep> messages = new IdentityHashMap<>();

  /**
   * @param robotId this robot's id
   * @param knownRegions named regions of the map; a step naming another region is ignored (empty:
   *     no check)
   * @param tolerance distance (m) at which a goal counts as reached
   * @param goalTimeout seconds allowed to reach a goal before the step fails
   * @param goalResend seconds without coming closer to the goal after which it is sent again (0:
   *     never)
   * @param syncGrace seconds to wait for a sync command after arriving
   * @param effectorActions whether non-navigation actions run on an effector (else timed)
   * @param effects what the follower drives
   * @param rejections where ignored input is counted and logged
   */
  public MessagePlanFollower(String robotId, Set<String> knownRegions, double tolerance,
      double goalTimeout, double goalResend, double syncGrace, boolean effectorActions,
      Effects effects, InputRejections rejections) {
    this.robotId = robotId;
    this.follower = new PlanFollower(robotId, knownRegions, tolerance, goalTimeout, goalResend,
        syncGrace, effectorActions, new PlanFollower.Effects() {
          @Override
          public void navigate(PlannedStep step, double x, double y, double yaw) {
            effects.navigate(messages.get(step), x, y, yaw);
          }

          @Override
          public void stop() {
            effects.stop();
          }

          @Override
          public void startAction(PlannedStep step) {
            effects.startAction(messages.get(step));
          }

          @Override
          public void event(FleetEventKind kind, PlannedStep step, String reason) {
            effects.event(kind(kind), messages.get(step), reason);
          }
        }, rejections);
  }

  /** @return the {@code FleetEvent} constant of a step event kind */
  private static byte kind(FleetEventKind kind) {
    return switch (kind) {
      case TASK_STARTED -> FleetEvent.TASK_STARTED;
      case TASK_COMPLETED -> FleetEvent.TASK_COMPLETED;
      case TASK_FAILED -> FleetEvent.TASK_FAILED;
      default -> throw new IllegalArgumentException("not a step event: " + kind);
    };
  }

  /** Takes a new allocation; only a newer version than the one in force is acted on. */
  public void onAllocation(Allocation a) {
    long before = follower.planVersion();
    List<PlanStep> own = a.plans().stream().filter(p -> p.robotId().equals(robotId))
        .map(RobotPlan::steps).findFirst().orElse(List.of());
    Map<PlannedStep, PlanStep> next = new IdentityHashMap<>();
    List<PlannedStep> steps = new ArrayList<>();
    for (PlanStep s : own) {
      PlannedStep step = PlanMessages.plannedStep(s);
      next.put(step, s);
      steps.add(step);
    }
    follower.onAllocation(new FleetPlan(a.planVersion(), Stamps.seconds(a.stamp()),
        PlanMessages.cause(a.cause()), List.of(new RobotItinerary(robotId, steps)), List.of(),
        a.expectedUtility()));
    if (follower.planVersion() != before) {
      PlannedStep current = follower.current();
      if (current != null && !next.containsKey(current)) {
        next.put(current, messages.get(current));
      }
      messages = next;
    }
  }

  /** @see PlanFollower#onDeclaredFailed */
  public List<String> onDeclaredFailed() {
    List<String> dropped = follower.onDeclaredFailed();
    messages = new IdentityHashMap<>();
    return dropped;
  }

  /** Takes a synchronizer command; only ours, for the step we are on, counts. */
  public void onSync(SyncCommand c) {
    follower.onSync(SyncMessages.directive(c));
  }

  /** @see PlanFollower#arrivalFromNavigation */
  public void arrivalFromNavigation() {
    follower.arrivalFromNavigation();
  }

  /** @see PlanFollower#onNavigationEnded */
  public void onNavigationEnded(boolean reached, String reason) {
    follower.onNavigationEnded(reached, reason);
  }

  /** An effector reported the current action done (command-topic mode). */
  public void onActionDone() {
    follower.onActionDone();
  }

  /**
   * Advances the state machine.
   *
   * @param pose robot pose in the map frame
   * @param now node-clock time (s)
   */
  public void tick(Pose2 pose, double now) {
    follower.tick(pose, now);
  }

  /** @return heartbeat state: idle, moving, waiting or working */
  public byte state() {
    return switch (follower.state()) {
      case IDLE -> Heartbeat.STATE_IDLE;
      case MOVING -> Heartbeat.STATE_MOVING;
      case WAITING -> Heartbeat.STATE_WAITING;
      case WORKING -> Heartbeat.STATE_WORKING;
    };
  }

  /** @return the step in progress, or null */
  public PlanStep current() {
    PlannedStep current = follower.current();
    return current == null ? null : messages.get(current);
  }

  /** @return the plan version acted on (0 before any) */
  public long planVersion() {
    return follower.planVersion();
  }

  /** @see PlanFollower#planStamp */
  public double planStamp() {
    return follower.planStamp();
  }

  /** @return the plan in force's {@code cause} (a {@code Reassignment.CAUSE_*} value) */
  public byte planCause() {
    return PlanMessages.cause(follower.planCause());
  }
}
