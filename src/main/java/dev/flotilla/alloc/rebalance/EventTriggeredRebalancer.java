package dev.flotilla.alloc.rebalance;

import dev.flotilla.alloc.PotentialGameAllocator;
import dev.flotilla.alloc.PotentialGamePlanRepairer;
import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Reallocation;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 000's event-triggered planning over seed 001's allocator. Every event (new task, task
 * completed, robot failed or recovered, odometry deviation beyond a tolerance) is first repaired
 * locally (re-insertion with Eq. 22). A global re-plan of everything not yet started runs only
 * when the repaired plan's efficiency falls below the last global plan's by more than {@code
 * rebalanceThreshold} (relative), and is adopted when it is at least as efficient. Efficiency is
 * the expected global utility per second of plan, u_g^E / makespan. With {@link
 * Policy#ALWAYS_GLOBAL} every event re-plans globally (the full re-plan baseline). Not
 * thread-safe; call from one thread.
 */
public final class EventTriggeredRebalancer {

  /** When to re-plan globally. */
  public enum Policy {
    /** Local repair, global re-plan only below the efficiency threshold. */
    EVENT_TRIGGERED,
    /** Global re-plan at every event (baseline). */
    ALWAYS_GLOBAL
  }

  private double threshold;
  private double deviationTolerance;
  private final Policy policy;
  private final PotentialGameAllocator allocator;
  private final PotentialGamePlanRepairer repairer;
  /** Tasks reported done: a failed robot's other started tasks were not, whatever the plan says. */
  private final Set<String> completed = new HashSet<>();
  private boolean completionsReported;
  private final Set<String> failed = new HashSet<>();
  private AllocationProblem problem;
  private AllocationPlan plan;
  private double reference;
  private double clock;

  /**
   * Plans globally once and starts listening for events.
   *
   * @param problem robots and the tasks known at time 0
   * @param rebalanceThreshold relative efficiency drop that triggers a global re-plan, in [0, 1]
   * @param deviationTolerance odometry deviation ignored, metres
   * @param policy event-triggered or always global
   */
  public EventTriggeredRebalancer(AllocationProblem problem, double rebalanceThreshold,
      double deviationTolerance, Policy policy) {
    this(problem, rebalanceThreshold, deviationTolerance, policy, new PotentialGameAllocator(),
        new PotentialGamePlanRepairer());
  }

  /**
   * @param problem robots and the tasks known at time 0
   * @param rebalanceThreshold relative efficiency drop that triggers a global re-plan, in [0, 1]
   * @param deviationTolerance odometry deviation ignored, metres
   * @param policy event-triggered or always global
   * @param allocator the global allocator
   * @param repairer the local repairer
   */
  public EventTriggeredRebalancer(AllocationProblem problem, double rebalanceThreshold,
      double deviationTolerance, Policy policy, PotentialGameAllocator allocator,
      PotentialGamePlanRepairer repairer) {
    if (!(rebalanceThreshold >= 0 && rebalanceThreshold <= 1)) {
      throw new IllegalArgumentException(
          "rebalance_threshold must be in [0, 1], got " + rebalanceThreshold + ".");
    }
    if (!(deviationTolerance >= 0)) {
      throw new IllegalArgumentException(
          "deviationTolerance must be >= 0 m, got " + deviationTolerance + ".");
    }
    this.threshold = rebalanceThreshold;
    this.deviationTolerance = deviationTolerance;
    this.policy = policy;
    this.allocator = allocator;
    this.repairer = repairer;
    this.problem = problem;
    this.plan = allocator.allocate(problem);
    this.reference = efficiency(plan);
  }

  /**
   * Changes the re-plan threshold and the deviation tolerance for the events that follow (a live
   * parameter change); the current plan and its reference efficiency stay.
   *
   * @param rebalanceThreshold relative efficiency drop that triggers a global re-plan, in [0, 1]
   * @param deviationTolerance odometry deviation ignored, metres, &gt;= 0
   */
  public void retune(double rebalanceThreshold, double deviationTolerance) {
    if (!(rebalanceThreshold >= 0 && rebalanceThreshold <= 1) || !(deviationTolerance >= 0)) {
      throw new IllegalArgumentException("rebalance_threshold must be in [0, 1] and "
          + "deviationTolerance >= 0 m, got " + rebalanceThreshold + " and " + deviationTolerance
          + ".");
    }
    this.threshold = rebalanceThreshold;
    this.deviationTolerance = deviationTolerance;
  }

  /**
   * Efficiency of a plan: u_g^E per second of makespan (latest finish, at least 1 s).
   *
   * @param plan the plan
   * @return utility per second
   */
  public static double efficiency(AllocationPlan plan) {
    double makespan = 1;
    for (TaskAssignment t : plan.assignments()) {
      makespan = Math.max(makespan, t.finishTime());
    }
    return plan.expectedGlobalUtility() / makespan;
  }

  /**
   * The plan in force.
   *
   * @return the plan
   */
  public AllocationPlan plan() {
    return plan;
  }

  /**
   * The problem in force (new tasks included).
   *
   * @return the problem
   */
  public AllocationProblem problem() {
    return problem;
  }

  /**
   * Declares that every completion will be reported as a {@link RebalanceEvent.TaskCompleted}, as
   * a live fleet does. A failed robot's task that started and was not reported done is then
   * re-inserted even when its planned finish has passed (robots run late). Without this, planned
   * times decide what was executed, as in seed 001's model.
   *
   * @return this rebalancer
   */
  public EventTriggeredRebalancer reportingCompletions() {
    completionsReported = true;
    return this;
  }

  /**
   * Handles one event. Events must come in time order.
   *
   * @param event the event
   * @return what changed
   */
  public RebalanceOutcome onEvent(RebalanceEvent event) {
    if (event.time() < clock) {
      throw new IllegalArgumentException("Events must come in time order: got t=" + event.time()
          + " s after t=" + clock + " s.");
    }
    clock = event.time();
    Map<String, Point3> displaced = new HashMap<>();
    if (event instanceof RebalanceEvent.NewTask e) {
      addTask(e.task());
    } else if (event instanceof RebalanceEvent.RobotFailed e) {
      problem.robotIndex(e.robotId());
      failed.add(e.robotId());
    } else if (event instanceof RebalanceEvent.RobotRecovered e) {
      problem.robotIndex(e.robotId());
      failed.remove(e.robotId());
      displaced.put(e.robotId(), e.position());
    } else if (event instanceof RebalanceEvent.OdometryDeviation e) {
      Point3 expected = repairer.expectedPosition(problem, plan, e.robotId(), e.time());
      if (expected.distanceTo(e.measuredPosition()) <= deviationTolerance) {
        return unchanged(event);
      }
      displaced.put(e.robotId(), e.measuredPosition());
    } else if (event instanceof RebalanceEvent.TaskCompleted e) {
      completed.add(e.taskId());
      TaskAssignment done = plan.assignment(e.taskId()).orElse(null);
      if (done == null || done.startTime() > e.time()
          || Math.abs(done.finishTime() - e.time()) < 1e-6) {
        return unchanged(event);
      }
      Point3 at = problem.tasks().get(problem.taskIndex(e.taskId())).location();
      for (String robot : done.robotIds()) {
        displaced.put(robot, at);
      }
    }
    return policy == Policy.ALWAYS_GLOBAL
        ? global(event, displaced, Double.NaN, null)
        : local(event, displaced);
  }

  private RebalanceOutcome local(RebalanceEvent event, Map<String, Point3> displaced) {
    Reallocation r = repairer.repairLocally(problem, plan, event.time(), failed, displaced,
        completionsReported ? completed : null);
    double eta = efficiency(r.plan());
    if (eta < (1 - threshold) * reference - 1e-12) {
      return global(event, displaced, eta, r);
    }
    plan = r.plan();
    return new RebalanceOutcome(event, false, eta, reference, eta, r.changedRobots(),
        2 * r.plan().iterations(), plan);
  }

  private RebalanceOutcome global(RebalanceEvent event, Map<String, Point3> displaced,
      double localEta, Reallocation local) {
    Reallocation g = repairer.replanGlobally(problem, plan, event.time(), failed, displaced,
        allocator, completionsReported ? completed : null);
    double previousReference = reference;
    double eta = efficiency(g.plan());
    long negotiation = 2 * g.plan().iterations() + (local == null ? 0 : 2 * local.plan()
        .iterations());
    Reallocation adopted = local != null && localEta > eta ? local : g;
    plan = adopted.plan();
    reference = efficiency(plan);
    return new RebalanceOutcome(event, true, localEta, previousReference, reference,
        adopted.changedRobots(), negotiation, plan);
  }

  private RebalanceOutcome unchanged(RebalanceEvent event) {
    double eta = efficiency(plan);
    return new RebalanceOutcome(event, false, Double.NaN, reference, eta, Set.of(), 0, plan);
  }

  private void addTask(Task task) {
    for (Task t : problem.tasks()) {
      if (t.id().equals(task.id())) {
        throw new IllegalArgumentException("NewTask: task id '" + task.id() + "' already exists.");
      }
    }
    List<Task> tasks = new ArrayList<>(problem.tasks());
    tasks.add(task);
    problem = problem.withTasks(tasks);
  }
}
