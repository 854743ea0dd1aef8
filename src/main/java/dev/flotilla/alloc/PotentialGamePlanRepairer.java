package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Assignment;
import dev.flotilla.alloc.api.Reallocation;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.RobotSchedule;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.alloc.api.TrapezoidalProfile;
import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Repairs a plan under execution after any event (seed 000's event-triggered planning on top of
 * seed 001 §3). {@link #repairLocally} keeps everything that started by {@code now}, frees the
 * failed robots' open tasks, re-anchors displaced robots at their measured positions, drops tasks
 * pushed past their deadlines, and re-inserts all pending tasks (freed, dropped, new, previously
 * unassigned) with Eq. (22). {@link #replanGlobally} instead re-runs the whole initial allocation
 * of §2 on every task not yet started, from the robots' places at {@code now}.
 * Costs: see {@link PlanRepair} (local) and {@link PotentialGameAllocator} (global).
 */
public final class PotentialGamePlanRepairer {
  private final long seed;
  private final int maxConflictExpansions;

  /** Seed 1, at most 32 linear-table expansions. */
  public PotentialGamePlanRepairer() {
    this(1, 32);
  }

  /**
   * @param seed seeds the random initial crews of Algorithm 1
   * @param maxConflictExpansions cap on the §2.2 linear-table walk (&ge; 1)
   */
  public PotentialGamePlanRepairer(long seed, int maxConflictExpansions) {
    if (maxConflictExpansions < 1) {
      throw new IllegalArgumentException(
          "maxConflictExpansions must be >= 1, got " + maxConflictExpansions + ".");
    }
    this.seed = seed;
    this.maxConflictExpansions = maxConflictExpansions;
  }

  /**
   * Local repair.
   *
   * @param problem all robots (failed ones included) and all tasks (new ones included)
   * @param plan the plan being executed
   * @param now seconds on the plan clock
   * @param failedRobots robots out of service (their open tasks are re-inserted)
   * @param displacedRobots measured positions (metres, map frame) of robots that are not where
   *     the plan expects them at {@code now}, or that just came back into service
   * @return the repaired plan, changed robots and the tasks that had to be re-inserted
   */
  public Reallocation repairLocally(AllocationProblem problem, AllocationPlan plan, double now,
      Set<String> failedRobots, Map<String, Point3> displacedRobots) {
    return repairLocally(problem, plan, now, failedRobots, displacedRobots, null);
  }

  /**
   * Local repair of a plan whose execution is reported: as {@link #repairLocally(
   * AllocationProblem, AllocationPlan, double, Set, Map)}, but a failed robot's task that started
   * and was not reported done is re-inserted even when its planned finish has passed.
   *
   * @param doneTasks ids of the tasks reported completed, or null to trust the planned times
   */
  public Reallocation repairLocally(AllocationProblem problem, AllocationPlan plan, double now,
      Set<String> failedRobots, Map<String, Point3> displacedRobots, Set<String> doneTasks) {
    PlanRepair repair = split(problem, plan, now, failedRobots, displacedRobots, doneTasks);
    List<String> moved = new ArrayList<>();
    for (int j : repair.orphaned) {
      moved.add(repair.in.tasks[j].id());
    }
    repair.reinsertPending();
    AllocationPlan repaired = repair.toPlan();
    return new Reallocation(repaired, repair.changedRobots(repaired, false),
        repair.changedRobots(repaired, true), moved);
  }

  /**
   * Global re-plan of everything not yet started.
   *
   * @param problem all robots and tasks
   * @param plan the plan being executed
   * @param now seconds on the plan clock
   * @param failedRobots robots out of service
   * @param displacedRobots measured positions of robots off their plan (metres, map frame)
   * @param allocator the initial allocator to re-run
   * @return the new plan (executed part kept) and the robots whose plans changed
   */
  public Reallocation replanGlobally(AllocationProblem problem, AllocationPlan plan, double now,
      Set<String> failedRobots, Map<String, Point3> displacedRobots,
      PotentialGameAllocator allocator) {
    return replanGlobally(problem, plan, now, failedRobots, displacedRobots, allocator, null);
  }

  /**
   * Global re-plan of a plan whose execution is reported (see {@link #repairLocally(
   * AllocationProblem, AllocationPlan, double, Set, Map, Set)}).
   *
   * @param doneTasks ids of the tasks reported completed, or null to trust the planned times
   */
  public Reallocation replanGlobally(AllocationProblem problem, AllocationPlan plan, double now,
      Set<String> failedRobots, Map<String, Point3> displacedRobots,
      PotentialGameAllocator allocator, Set<String> doneTasks) {
    PlanRepair snap = split(problem, plan, now, failedRobots, displacedRobots, doneTasks);
    Instance in = snap.in;
    List<Robot> robots = new ArrayList<>();
    Map<String, Double> priors = new HashMap<>();
    for (int i = 0; i < in.n; i++) {
      if (snap.alive[i]) {
        robots.add(in.robots[i].at(snap.place[i], snap.freeAt(i)));
        priors.put(in.robots[i].id(), snap.executedStartSum(i));
      }
    }
    List<Task> open = new ArrayList<>();
    for (int j = 0; j < in.m; j++) {
      if (!snap.frozen(j)) {
        open.add(in.tasks[j]);
      }
    }
    AllocationPlan fresh =
        allocator.allocate(problem.withRobots(robots).withTasks(open), priors);
    List<RobotSchedule> schedules = new ArrayList<>();
    Map<String, List<Assignment>> freshByRobot = new HashMap<>();
    fresh.schedules().forEach(x -> freshByRobot.put(x.robotId(), x.assignments()));
    for (int i = 0; i < in.n; i++) {
      List<Assignment> list = new ArrayList<>(snap.executedBy(i));
      if (snap.alive[i]) {
        list.addAll(freshByRobot.get(in.robots[i].id()));
      }
      schedules.add(new RobotSchedule(in.robots[i].id(), list));
    }
    List<TaskAssignment> tasks = new ArrayList<>(snap.executedTasks());
    double utility = fresh.expectedGlobalUtility();
    for (TaskAssignment t : snap.executedTasks()) {
      utility += t.expectedUtility();
    }
    tasks.addAll(fresh.assignments());
    tasks.sort(Comparator.comparingDouble(TaskAssignment::startTime));
    AllocationPlan merged =
        new AllocationPlan(schedules, tasks, fresh.unassigned(), utility, fresh.iterations());
    return new Reallocation(merged, snap.changedRobots(merged, false),
        snap.changedRobots(merged, true), List.of());
  }

  /**
   * Where the plan expects a robot to be at a time (on its leg, waiting at a task, or idle).
   *
   * @param problem the problem
   * @param plan the plan being executed
   * @param robotId the robot
   * @param now seconds on the plan clock
   * @return metres in the map frame
   */
  public Point3 expectedPosition(AllocationProblem problem, AllocationPlan plan, String robotId,
      double now) {
    // The same answer as a full split's anchor for this robot (no robot failed or displaced),
    // from its own schedule only: building the split's Instance costs O(robots × tasks), and the
    // allocator asks this for every planned robot once a second (seed 000's deviation check).
    Robot robot = problem.robots().get(problem.robotIndex(robotId));
    if (!(now >= 0)) {
      throw new IllegalArgumentException("now must be >= 0 s, got " + now + ".");
    }
    List<Assignment> scheduled = plan.schedules().stream()
        .filter(s -> s.robotId().equals(robotId)).findFirst()
        .map(RobotSchedule::assignments).orElse(List.of());
    Point3 place = robot.position();
    double free = robot.availableFrom();
    Assignment next = null;
    for (Assignment a : scheduled) {
      // A task is under way (frozen) once its crew's start time has passed.
      boolean started = plan.assignment(a.taskId()).map(t -> t.startTime() <= now)
          .orElse(false);
      if (started) {
        place = taskLocation(problem, a.taskId());
        free = a.finishTime();
      } else if (next == null) {
        next = a;
      }
    }
    if (free >= now || next == null) {
      return place;
    }
    Point3 target = taskLocation(problem, next.taskId());
    if (now >= next.arrivalTime()) {
      return target;
    }
    double covered = TrapezoidalProfile.travelled(
        problem.travel().distance(place, target), now - next.departureTime(), robot.maxSpeed(),
        robot.maxAcceleration());
    return problem.travel().pointAlong(place, target, covered);
  }

  private static Point3 taskLocation(AllocationProblem problem, String taskId) {
    return problem.tasks().get(problem.taskIndex(taskId)).location();
  }

  private PlanRepair split(AllocationProblem problem, AllocationPlan plan, double now,
      Set<String> failedRobots, Map<String, Point3> displacedRobots, Set<String> doneTasks) {
    for (String id : failedRobots) {
      problem.robotIndex(id);
    }
    for (String id : displacedRobots.keySet()) {
      problem.robotIndex(id);
    }
    if (!(now >= 0)) {
      throw new IllegalArgumentException("now must be >= 0 s, got " + now + ".");
    }
    return new PlanRepair(Instance.of(problem), plan, now, failedRobots, displacedRobots,
        doneTasks, new Random(seed), maxConflictExpansions);
  }
}
