package dev.flotilla.node;

import dev.flotilla.model.CrewChange;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlanCause;
import dev.flotilla.model.PlanChange;
import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.Point3;
import dev.flotilla.model.Pose2;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.StepRole;
import dev.flotilla.model.TaskSpec;
import dev.flotilla.model.UnplannedReason;
import dev.flotilla.model.UnplannedTask;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskMove;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.flotilla_msgs.UnassignedTask;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates between the fleet layer's plans ({@link FleetPlan}, {@link PlanChange},
 * {@link TaskSpec}) and the {@code Allocation}, {@code Reassignment} and {@code TaskRequest}
 * messages. Times are node-clock seconds in the model and {@code builtin_interfaces/Time} on the
 * wire ({@link Stamps}); enum values map to the messages' constants here and nowhere else.
 */
public final class PlanMessages {
  private PlanMessages() {}

  /**
   * @param plan a fleet plan
   * @param verbatim steps to publish as they arrived, per robot id (the LTL planner's, which
   *     pass through unchanged), instead of translating the plan's steps for that robot
   * @return the message (no auth)
   */
  public static Allocation allocation(FleetPlan plan, Map<String, List<PlanStep>> verbatim) {
    List<RobotPlan> plans = new ArrayList<>();
    for (RobotItinerary p : plan.itineraries()) {
      List<PlanStep> steps = verbatim.get(p.robotId());
      plans.add(new RobotPlan(p.robotId(),
          steps != null ? steps : p.steps().stream().map(PlanMessages::step).toList()));
    }
    List<UnassignedTask> unassigned = plan.unplanned().stream()
        .map(u -> new UnassignedTask(u.taskId(), reason(u.reason()), u.detail())).toList();
    return new Allocation(plan.version(), Stamps.time(plan.stamp()), cause(plan.cause()), plans,
        unassigned, plan.expectedUtility());
  }

  /**
   * @param plan a fleet plan
   * @return the message (no auth)
   */
  public static Allocation allocation(FleetPlan plan) {
    return allocation(plan, Map.of());
  }

  /**
   * @param a an allocation message
   * @return the fleet plan it carries (the stamp and step times in node-clock seconds)
   */
  public static FleetPlan fleetPlan(Allocation a) {
    List<RobotItinerary> plans = a.plans().stream().map(p -> new RobotItinerary(p.robotId(),
        p.steps().stream().map(PlanMessages::plannedStep).toList())).toList();
    List<UnplannedTask> unplanned = a.unassigned().stream()
        .map(u -> new UnplannedTask(u.taskId(), reason(u.reason()), u.detail())).toList();
    return new FleetPlan(a.planVersion(), Stamps.seconds(a.stamp()), cause(a.cause()), plans,
        unplanned, a.expectedUtility());
  }

  /**
   * @param step a planned step
   * @return the message; a heading of 0 is the identity quaternion, a missing goal NaN
   */
  public static PlanStep step(PlannedStep step) {
    Point3 p = step.goal();
    Point position = p == null ? new Point(Double.NaN, Double.NaN, Double.NaN)
        : new Point(p.x(), p.y(), p.z());
    double yaw = step.goalYaw();
    Quaternion heading = yaw == 0 ? new Quaternion(0, 0, 0, 1)
        : new Quaternion(0, 0, Math.sin(yaw / 2), Math.cos(yaw / 2));
    return PlanStep.builder().taskId(step.taskId()).stepIndex(step.stepIndex())
        .action(step.action()).region(step.region()).goal(new Pose(position, heading))
        .plannedStart(Stamps.time(step.plannedStart()))
        .plannedFinish(Stamps.time(step.plannedFinish()))
        .role(role(step.role())).partners(step.partners()).build();
  }

  /**
   * @param s a plan step message
   * @return the step; the goal's orientation becomes its yaw, a non-finite goal null
   */
  public static PlannedStep plannedStep(PlanStep s) {
    var p = s.goal().position();
    var q = s.goal().orientation();
    boolean finite = Double.isFinite(p.x()) && Double.isFinite(p.y()) && Double.isFinite(p.z());
    return new PlannedStep(s.taskId(), s.stepIndex(), s.action(), s.region(),
        finite ? new Point3(p.x(), p.y(), p.z()) : null, Pose2.yawOf(q.x(), q.y(), q.z(), q.w()),
        Stamps.seconds(s.plannedStart()),
        Stamps.seconds(s.plannedFinish()), role(s.role()), s.partners());
  }

  /**
   * @param c a plan change
   * @return the message (no auth)
   */
  public static Reassignment reassignment(PlanChange c) {
    List<TaskMove> moves = c.moves().stream()
        .map(m -> new TaskMove(m.taskId(), m.removedRobots(), m.addedRobots())).toList();
    return new Reassignment(c.previousVersion(), c.version(), Stamps.time(c.stamp()),
        cause(c.cause()), c.subject(), c.affectedRobots(), moves);
  }

  /**
   * @param r a reassignment message
   * @return the plan change it carries
   */
  public static PlanChange planChange(Reassignment r) {
    List<CrewChange> moves = r.moves().stream()
        .map(m -> new CrewChange(m.taskId(), m.removedRobots(), m.addedRobots())).toList();
    return new PlanChange(r.previousVersion(), r.planVersion(), Stamps.seconds(r.stamp()),
        cause(r.cause()), r.subject(), r.affectedRobots(), moves);
  }

  /**
   * @param r a multi-robot task request (validated: finite location)
   * @return the task; its deadline in node-clock seconds, 0 when none
   */
  public static TaskSpec task(TaskRequest r) {
    var p = r.location();
    return new TaskSpec(r.taskId(), r.region(), new Point3(p.x(), p.y(), p.z()),
        r.requiredRobots(), r.baseUtility(), r.decayRate(), r.duration(),
        Stamps.seconds(r.deadline()), r.priority(), r.requiredCapabilities());
  }

  /**
   * @param cause a plan cause
   * @return its {@code Reassignment.CAUSE_*} constant
   */
  public static byte cause(PlanCause cause) {
    return switch (cause) {
      case INITIAL -> Reassignment.CAUSE_INITIAL;
      case ROBOT_FAILED -> Reassignment.CAUSE_ROBOT_FAILED;
      case NEW_TASK -> Reassignment.CAUSE_NEW_TASK;
      case TASK_DONE -> Reassignment.CAUSE_TASK_DONE;
      case REBALANCE -> Reassignment.CAUSE_REBALANCE;
      case ROBOT_RECOVERED -> Reassignment.CAUSE_ROBOT_RECOVERED;
      case TASK_CANCELLED -> Reassignment.CAUSE_TASK_CANCELLED;
      case ROBOT_PAUSED -> Reassignment.CAUSE_ROBOT_PAUSED;
    };
  }

  /**
   * @param cause a {@code Reassignment.CAUSE_*} constant
   * @return the plan cause; an unknown value reads as {@link PlanCause#REBALANCE}
   */
  public static PlanCause cause(byte cause) {
    return switch (cause) {
      case Reassignment.CAUSE_INITIAL -> PlanCause.INITIAL;
      case Reassignment.CAUSE_ROBOT_FAILED -> PlanCause.ROBOT_FAILED;
      case Reassignment.CAUSE_NEW_TASK -> PlanCause.NEW_TASK;
      case Reassignment.CAUSE_TASK_DONE -> PlanCause.TASK_DONE;
      case Reassignment.CAUSE_ROBOT_RECOVERED -> PlanCause.ROBOT_RECOVERED;
      case Reassignment.CAUSE_TASK_CANCELLED -> PlanCause.TASK_CANCELLED;
      case Reassignment.CAUSE_ROBOT_PAUSED -> PlanCause.ROBOT_PAUSED;
      default -> PlanCause.REBALANCE;
    };
  }

  /**
   * @param role a step role
   * @return its {@code PlanStep.ROLE_*} constant
   */
  public static byte role(StepRole role) {
    return switch (role) {
      case SOLO -> PlanStep.ROLE_SOLO;
      case MASTER -> PlanStep.ROLE_MASTER;
      case COLLABORATOR -> PlanStep.ROLE_COLLABORATOR;
    };
  }

  /**
   * @param role a {@code PlanStep.ROLE_*} constant
   * @return the step role; an unknown value reads as {@link StepRole#SOLO}
   */
  public static StepRole role(byte role) {
    return switch (role) {
      case PlanStep.ROLE_MASTER -> StepRole.MASTER;
      case PlanStep.ROLE_COLLABORATOR -> StepRole.COLLABORATOR;
      default -> StepRole.SOLO;
    };
  }

  /**
   * @param reason why a task is not planned
   * @return its {@code UnassignedTask.REASON_*} constant
   */
  public static byte reason(UnplannedReason reason) {
    return switch (reason) {
      case NO_CAPABLE_ROBOT -> UnassignedTask.REASON_NO_CAPABLE_ROBOT;
      case NOT_ENOUGH_ROBOTS -> UnassignedTask.REASON_NOT_ENOUGH_ROBOTS;
      case DEADLINE_UNREACHABLE -> UnassignedTask.REASON_DEADLINE_UNREACHABLE;
      case DEFERRED -> UnassignedTask.REASON_DEFERRED;
      case INFEASIBLE_FORMULA -> UnassignedTask.REASON_INFEASIBLE_FORMULA;
    };
  }

  /**
   * @param reason an {@code UnassignedTask.REASON_*} constant
   * @return the reason; an unknown value reads as {@link UnplannedReason#DEFERRED}
   */
  public static UnplannedReason reason(byte reason) {
    return switch (reason) {
      case UnassignedTask.REASON_NO_CAPABLE_ROBOT -> UnplannedReason.NO_CAPABLE_ROBOT;
      case UnassignedTask.REASON_NOT_ENOUGH_ROBOTS -> UnplannedReason.NOT_ENOUGH_ROBOTS;
      case UnassignedTask.REASON_DEADLINE_UNREACHABLE -> UnplannedReason.DEADLINE_UNREACHABLE;
      case UnassignedTask.REASON_INFEASIBLE_FORMULA -> UnplannedReason.INFEASIBLE_FORMULA;
      default -> UnplannedReason.DEFERRED;
    };
  }
}
