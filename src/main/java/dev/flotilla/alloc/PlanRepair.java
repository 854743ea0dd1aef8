package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.Assignment;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.alloc.api.TrapezoidalProfile;
import dev.flotilla.alloc.api.UnassignedTask;
import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Local repair of a plan being executed at time {@code now} (seed 001 §3). Tasks that started by
 * {@code now} are frozen; every live robot gets an anchor (its place and time at {@code now}, or
 * the leg it is driving if its next task stays the same); tasks taken from dead robots are removed
 * from every strategy, which lets later tasks move earlier when Eq. (1) allows; then pending tasks
 * are re-inserted by {@link Reinsertion} (Algorithm 1 over Eq. 22, §2.2 and Eq. 21), whose
 * scoring propagates the delay it causes ({@link InsertScorer}). This class is the split at
 * {@code now} and the repaired plan built from it; O(n·Σ|s_i| + m) to split.
 */
final class PlanRepair {
  final Instance in;
  final double now;
  final boolean[] alive;
  private final List<List<Assignment>> executed = new ArrayList<>();
  private final List<TaskAssignment> executedTasks = new ArrayList<>();
  private final StrategySchedule.Anchor[] anchors;
  final Point3[] place;
  private final int[][] seqs;
  private final List<UnassignedTask> unassigned = new ArrayList<>();
  private final List<List<Assignment>> oldOpen = new ArrayList<>();
  private final Random rng;
  private final int maxExpansions;
  private final boolean[] frozen;
  final List<Integer> pending = new ArrayList<>();
  final List<Integer> orphaned = new ArrayList<>();
  long iterations;

  /**
   * Splits a plan at {@code now}.
   *
   * @param dead robots that failed at {@code now}: their open tasks (and tasks they were
   *     executing) become pending
   * @param moved robots whose actual position at {@code now} differs from the plan (odometry)
   */
  PlanRepair(Instance in, AllocationPlan plan, double now, Set<String> dead,
      Map<String, Point3> moved, Random rng, int maxExpansions) {
    this(in, plan, now, dead, moved, null, rng, maxExpansions);
  }

  /**
   * Splits a plan at {@code now}, knowing which tasks were reported done.
   *
   * @param reportedDone tasks reported completed, or null to trust the planned times (the paper's
   *     model). When given, a dead robot's task that started by {@code now} but was not reported
   *     done is re-inserted even if its planned finish has passed: robots run late, and a task
   *     the plan believes finished may still have been under way when the robot died.
   */
  PlanRepair(Instance in, AllocationPlan plan, double now, Set<String> dead,
      Map<String, Point3> moved, Set<String> reportedDone, Random rng, int maxExpansions) {
    this.in = in;
    this.now = now;
    this.rng = rng;
    this.maxExpansions = maxExpansions;
    alive = new boolean[in.n];
    anchors = new StrategySchedule.Anchor[in.n];
    place = new Point3[in.n];
    seqs = new int[in.n][];
    frozen = new boolean[in.m];
    Map<String, Integer> index = new HashMap<>();
    for (int j = 0; j < in.m; j++) {
      index.put(in.tasks[j].id(), j);
    }
    Set<String> terminated = new HashSet<>();
    Set<String> known = new HashSet<>();
    for (TaskAssignment a : plan.assignments()) {
      known.add(a.taskId());
      boolean running = a.startTime() <= now && now < a.finishTime();
      boolean unfinished = reportedDone != null && a.startTime() <= now
          && !reportedDone.contains(a.taskId());
      if ((running || unfinished) && a.robotIds().stream().anyMatch(dead::contains)) {
        terminated.add(a.taskId());
      } else if (a.startTime() <= now) {
        executedTasks.add(a);
        frozen[index.get(a.taskId())] = true;
      }
    }
    for (UnassignedTask u : plan.unassigned()) {
      known.add(u.taskId());
      if (index.containsKey(u.taskId())) {
        pending.add(index.get(u.taskId()));
      }
    }
    for (int j = 0; j < in.m; j++) {
      if (!known.contains(in.tasks[j].id())) {
        pending.add(j);
      }
    }
    Set<Integer> orphans = new HashSet<>();
    Map<String, List<Assignment>> byRobot = new HashMap<>();
    plan.schedules().forEach(x -> byRobot.put(x.robotId(), x.assignments()));
    for (int i = 0; i < in.n; i++) {
      String id = in.robots[i].id();
      alive[i] = !dead.contains(id);
      List<Assignment> done = new ArrayList<>();
      List<Assignment> open = new ArrayList<>();
      List<Assignment> scheduled = byRobot.getOrDefault(id, List.of());
      for (Assignment a : scheduled) {
        if (frozen[index.get(a.taskId())]) {
          done.add(a);
        } else {
          open.add(a);
        }
      }
      executed.add(done);
      oldOpen.add(open);
      if (!alive[i]) {
        open.forEach(a -> orphans.add(index.get(a.taskId())));
      }
    }
    for (int i = 0; i < in.n; i++) {
      List<Integer> seq = new ArrayList<>();
      if (alive[i]) {
        for (Assignment a : oldOpen.get(i)) {
          int j = index.get(a.taskId());
          if (!orphans.contains(j)) {
            seq.add(j);
          }
        }
      }
      seqs[i] = seq.stream().mapToInt(x -> x).toArray();
      anchors[i] = anchor(i, index, terminated, moved.get(in.robots[i].id()));
    }
    List<Integer> sortedOrphans = new ArrayList<>(orphans);
    sortedOrphans.sort((a, b) -> Double.compare(startIn(plan, a), startIn(plan, b)));
    pending.addAll(0, sortedOrphans);
    orphaned.addAll(sortedOrphans);
  }

  private double startIn(AllocationPlan plan, int j) {
    return plan.assignment(in.tasks[j].id()).map(TaskAssignment::startTime).orElse(0.0);
  }

  /** Where robot i's open strategy begins (see class comment). */
  private StrategySchedule.Anchor anchor(int i, Map<String, Integer> index, Set<String> terminated,
      Point3 movedTo) {
    double prior = 0;
    Point3 place = in.robots[i].position();
    double free = in.robots[i].availableFrom();
    double[] row = in.startDist[i];
    for (Assignment a : executed.get(i)) {
      int j = index.get(a.taskId());
      prior += a.startTime();
      place = in.tasks[j].location();
      free = a.finishTime();
      row = in.taskDist[j];
    }
    for (Assignment a : oldOpen.get(i)) {
      if (terminated.contains(a.taskId()) && a.startTime() <= now) {
        int j = index.get(a.taskId());
        this.place[i] = in.tasks[j].location();
        return StrategySchedule.Anchor.at(in.taskDist[j], now, prior);
      }
    }
    if (movedTo != null) {
      this.place[i] = movedTo;
      return StrategySchedule.Anchor.at(in.distancesFrom(movedTo), Math.max(now, free), prior);
    }
    if (free >= now || oldOpen.get(i).isEmpty()) {
      this.place[i] = place;
      return StrategySchedule.Anchor.at(row, Math.max(now, free), prior);
    }
    Assignment next = oldOpen.get(i).get(0);
    int o = index.get(next.taskId());
    double legLength = in.problem.travel().distance(place, in.tasks[o].location());
    double[] hereRow;
    if (now >= next.arrivalTime()) {
      hereRow = in.taskDist[o];
      this.place[i] = in.tasks[o].location();
    } else {
      double covered = TrapezoidalProfile.travelled(legLength, now - next.departureTime(),
          in.robots[i].maxSpeed(), in.robots[i].maxAcceleration());
      Point3 here = in.problem.travel().pointAlong(place, in.tasks[o].location(), covered);
      hereRow = in.distancesFrom(here);
      this.place[i] = here;
    }
    return new StrategySchedule.Anchor(hereRow, now, prior, o, next.arrivalTime(),
        next.departureTime(), row[o]);
  }

  /** Marks pending tasks that nobody alive can do, then re-inserts the rest (§3). */
  void reinsertPending() {
    Reinsertion reinsertion = new Reinsertion(in, alive, anchors, seqs, rng, maxExpansions);
    reinsertion.reinsertAll(pending, unassigned);
    iterations += reinsertion.iterations;
  }

  /** Σ t_k over the tasks robot i executed before {@code now} (Eq. 5), seconds. */
  double executedStartSum(int i) {
    return anchors[i].prior();
  }

  /** When robot i is free at {@link #place}, seconds. */
  double freeAt(int i) {
    return anchors[i].time();
  }

  /** Assignments robot i executed before {@code now}. */
  List<Assignment> executedBy(int i) {
    return executed.get(i);
  }

  /** Tasks executed before {@code now}. */
  List<TaskAssignment> executedTasks() {
    return executedTasks;
  }

  /** Whether task j started before {@code now}. */
  boolean frozen(int j) {
    return frozen[j];
  }

  /** The repaired plan. */
  AllocationPlan toPlan() {
    return PlanAssembler.assemble(in, executed, executedTasks, anchors, seqs, unassigned,
        iterations);
  }

  /** Robots whose open tasks or their planned starts differ between the old plan and {@code p}. */
  Set<String> changedRobots(AllocationPlan p, boolean orderOnly) {
    Set<String> changed = new HashSet<>();
    Map<String, List<Assignment>> byRobot = new HashMap<>();
    p.schedules().forEach(x -> byRobot.put(x.robotId(), x.assignments()));
    for (int i = 0; i < in.n; i++) {
      String id = in.robots[i].id();
      List<Assignment> before = oldOpen.get(i);
      List<Assignment> all = byRobot.get(id);
      List<Assignment> after = all.subList(executed.get(i).size(), all.size());
      boolean same = before.size() == after.size();
      for (int k = 0; same && k < before.size(); k++) {
        same = before.get(k).taskId().equals(after.get(k).taskId())
            && (orderOnly || Math.abs(before.get(k).startTime() - after.get(k).startTime()) < 1e-6);
      }
      if (!same) {
        changed.add(id);
      }
    }
    return changed;
  }
}

