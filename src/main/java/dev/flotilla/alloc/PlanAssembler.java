package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.Assignment;
import dev.flotilla.alloc.api.RobotSchedule;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.alloc.api.UnassignedReason;
import dev.flotilla.alloc.api.UnassignedTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns strategies into an {@link AllocationPlan}: retimes them with {@link StrategySchedule},
 * scores each task with Eq. (6) and sums Eq. (8). Executed prefixes (after a fault) are passed
 * through as they were. O(Σ_i |s_i|).
 */
final class PlanAssembler {
  private PlanAssembler() {}

  /** Anchors at the robots' initial places (the fault-free case). */
  static StrategySchedule.Anchor[] initialAnchors(Instance in) {
    StrategySchedule.Anchor[] anchors = new StrategySchedule.Anchor[in.n];
    for (int i = 0; i < in.n; i++) {
      anchors[i] = StrategySchedule.Anchor.at(in.startDist[i], in.robots[i].availableFrom(), 0);
    }
    return anchors;
  }

  static int[][] toArrays(List<List<Integer>> sequences) {
    int[][] seqs = new int[sequences.size()][];
    for (int i = 0; i < seqs.length; i++) {
      seqs[i] = sequences.get(i).stream().mapToInt(x -> x).toArray();
    }
    return seqs;
  }

  /**
   * Builds the plan.
   *
   * @param executed per robot, assignments already executed (kept verbatim), may be empty lists
   * @param executedTasks executed task assignments with their utilities (kept verbatim)
   * @param anchors where each robot's free strategy begins
   * @param seqs free strategies (task indices)
   * @param unassigned uncovered tasks
   * @param iterations comparisons made by the algorithm
   */
  static AllocationPlan assemble(
      Instance in,
      List<List<Assignment>> executed,
      List<TaskAssignment> executedTasks,
      StrategySchedule.Anchor[] anchors,
      int[][] seqs,
      List<UnassignedTask> unassigned,
      long iterations) {
    StrategySchedule.Result timing = StrategySchedule.compute(in, anchors, seqs);
    if (!timing.ok()) {
      throw new IllegalStateException("Internal error: the strategies deadlock each other.");
    }
    List<RobotSchedule> schedules = new ArrayList<>();
    for (int i = 0; i < in.n; i++) {
      List<Assignment> list = new ArrayList<>(executed.get(i));
      for (int pos = 0; pos < seqs[i].length; pos++) {
        int j = seqs[i][pos];
        list.add(new Assignment(in.tasks[j].id(), timing.depart()[i][pos],
            timing.arrival()[i][pos], timing.start()[j], timing.start()[j] + in.duration[j]));
      }
      schedules.add(new RobotSchedule(in.robots[i].id(), list));
    }
    List<TaskAssignment> tasks = new ArrayList<>(executedTasks);
    double total = 0;
    for (TaskAssignment t : executedTasks) {
      total += t.expectedUtility();
    }
    for (int j = 0; j < in.m; j++) {
      if (timing.crew()[j] == null) {
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (int i : timing.crew()[j]) {
        ids.add(in.robots[i].id());
      }
      tasks.add(new TaskAssignment(in.tasks[j].id(), ids, timing.start()[j],
          timing.start()[j] + in.duration[j], timing.utility()[j]));
      total += timing.utility()[j];
    }
    tasks.sort(Comparator.comparingDouble(TaskAssignment::startTime));
    return new AllocationPlan(schedules, tasks, unassigned, total, iterations);
  }

  /** Reason a task has no feasible crew in a fleet state (NO_CAPABLE, NOT_ENOUGH, DEADLINE). */
  static UnassignedTask reason(Instance in, FleetState state, int j) {
    return reason(in, state.alive, j);
  }

  /** Same, for a set of live robots. */
  static UnassignedTask reason(Instance in, boolean[] alive, int j) {
    int capable = in.capableCount(j, alive);
    String id = in.tasks[j].id();
    int need = in.need[j];
    if (capable == 0) {
      return new UnassignedTask(id, UnassignedReason.NO_CAPABLE_ROBOT,
          "No available robot is capable of task " + id + ".");
    }
    if (capable < need) {
      return new UnassignedTask(id, UnassignedReason.NOT_ENOUGH_ROBOTS,
          "Task " + id + " needs " + need + " robots but only " + capable + " are capable.");
    }
    return new UnassignedTask(id, UnassignedReason.DEADLINE_UNREACHABLE,
        "Fewer than " + need + " capable robots can reach task " + id + " before its deadline "
            + String.format("%.1f", in.deadline[j]) + " s.");
  }

  static List<List<Assignment>> noneExecuted(int n) {
    List<List<Assignment>> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(List.of());
    }
    return list;
  }
}
