package dev.flotilla.plan;

import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.chain.ActionPathChainBuilder;
import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.task.SubtaskSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Times one chain assignment on top of a {@link PartialSchedule}: the master walks the chain, the
 * core action waits for the start of its order predecessors (Eq. (3) of seed 003) and the end of
 * already assigned conflicting subtasks (Eq. (4)), any step whose labels a pending sigma^s forbids
 * waits for that subtask's end, and collaborators share the work so that the total stays d_act
 * (Section 2.3). Collaborators start no earlier than the master (rule 3 of Section 4.2); one
 * arriving after the work is done skips it (rule 4). Resources are checked against R_m (Eq. (8));
 * sigma^s of unassigned subtasks must not be violated (Eq. (7)).
 *
 * <p>Time: O(k * (h log h + M)) for k steps, h collaborators per step and M subtasks.
 */
final class ChainTimer {

  /** Timing of one step: start and finish of the work, and each collaborator's start. */
  record StepTime(double start, double finish, double[] helperStart) {}

  /** Result of timing a chain assignment. */
  record Timed(PartialSchedule after, StepTime[] steps) {}

  private final PlanningProblem problem;

  ChainTimer(PlanningProblem problem) {
    this.problem = problem;
  }

  /**
   * Times an assignment.
   *
   * @param before state before the assignment
   * @param a the assignment
   * @param notBefore seconds; nothing of this assignment may start before it
   * @return the timing, or null when the assignment is infeasible on top of {@code before}
   */
  Timed time(PartialSchedule before, ChainAssignment a, double notBefore) {
    int sub = problem.indexOf(a.subtaskId());
    if (before.assigned(sub)) {
      return null;
    }
    for (int p : problem.predecessors(sub)) {
      if (!before.assigned(p)) {
        return null;
      }
    }
    ActionPathChain chain = a.chain();
    ChainInfo info = problem.info(chain);
    int[] used = before.used;
    double resourceCost = before.resourceCost;
    for (int k = 0; k < info.resourceKey().length; k++) {
      int key = info.resourceKey()[k];
      if (key >= 0) {
        if (used == before.used) {
          // A chain looked up after the timeline was made may have created a new resource key.
          used = Arrays.copyOf(used, Math.max(used.length, problem.resourceKeyCount()));
        }
        used[key]++;
        if (used[key] > problem.stock(key)) {
          return null;
        }
      }
    }
    resourceCost += info.resourceCost();
    double[] ready = before.ready.clone();
    int[] loc = before.location.clone();
    double[] coreStart = before.coreStart.clone();
    double[] coreFinish = before.coreFinish.clone();
    double travel = before.travel;
    double makespan = before.makespan;
    SubtaskSpec subtask = problem.subtask(sub);
    Agent master = problem.agents().get(a.master());
    if (!master.type().name().equals(chain.agentType())) {
      return null;
    }
    StepTime[] times = new StepTime[info.regions().length];
    double t = Math.max(ready[a.master()], notBefore);
    for (int k = 0; k < times.length; k++) {
      int region = info.regions()[k];
      double d = problem.environment().distance(loc[a.master()], region);
      travel += d;
      t += d / master.type().speedMps();
      double start = t;
      ChainStep step = chain.steps().get(k);
      double wait = waitForSelfLoops(before, sub, k < chain.coreIndex(), master, step);
      if (Double.isNaN(wait)) {
        return null;
      }
      start = Math.max(start, wait);
      boolean core = k == chain.coreIndex();
      if (core) {
        for (int p : problem.predecessors(sub)) {
          start = Math.max(start, before.coreStart[p]);
        }
        for (int c : problem.conflicts(sub)) {
          if (before.assigned(c)) {
            start = Math.max(start, before.coreFinish[c]);
          }
        }
      }
      List<Integer> helpers = a.helpers().get(k);
      double[] eff = new double[helpers.size()];
      for (int j = 0; j < eff.length; j++) {
        int h = helpers.get(j);
        Agent helper = problem.agents().get(h);
        if (h == a.master()
            || !problem.canPerform(h, step.action())
            || (core && subtask.excludedTypeLabels().contains(helper.type().label()))) {
          return null;
        }
        double hd = problem.environment().distance(loc[h], region);
        travel += hd;
        double arrival = Math.max(ready[h], notBefore) + hd / helper.type().speedMps();
        double hw = waitForSelfLoops(before, sub, k < chain.coreIndex(), helper, step);
        if (Double.isNaN(hw)) {
          return null;
        }
        eff[j] = Math.max(Math.max(arrival, hw), start);
      }
      double finish = shareWork(start, info.durations()[k], eff);
      for (int j = 0; j < eff.length; j++) {
        int h = helpers.get(j);
        // A collaborator that arrives after the work is done just moves on (rule 4).
        ready[h] = Math.max(eff[j], finish);
        loc[h] = region;
        makespan = Math.max(makespan, ready[h]);
      }
      if (core) {
        coreStart[sub] = start;
        coreFinish[sub] = finish;
      }
      times[k] = new StepTime(start, finish, eff);
      t = finish;
      loc[a.master()] = region;
      makespan = Math.max(makespan, finish);
    }
    ready[a.master()] = t;
    PartialSchedule after = new PartialSchedule(ready, loc, coreStart, coreFinish, used, travel,
        resourceCost, makespan);
    return new Timed(after, times);
  }

  /**
   * Earliest start allowed by sigma^s for an agent doing a step. The subtask's own sigma^s only
   * binds the steps before its core action (it holds strictly before execution).
   *
   * @return seconds, or NaN when a still unassigned subtask forbids it (Eq. (7))
   */
  private double waitForSelfLoops(
      PartialSchedule before, int self, boolean beforeCore, Agent agent, ChainStep step) {
    if (!problem.anySelfLoop()) {
      return 0;
    }
    Set<String> labels = ActionPathChainBuilder.labels(agent.type(), step);
    double wait = 0;
    for (int i = 0; i < problem.subtaskCount(); i++) {
      Set<String> forbidden = problem.subtask(i).forbiddenUntilDone();
      if (forbidden.isEmpty() || Collections.disjoint(forbidden, labels)) {
        continue;
      }
      if (i == self) {
        if (beforeCore) {
          return Double.NaN;
        }
        continue;
      }
      if (!before.assigned(i)) {
        return Double.NaN;
      }
      wait = Math.max(wait, before.coreFinish[i]);
    }
    return wait;
  }

  /**
   * Finish time of work d started by the master at {@code start}, with collaborators joining at
   * their effective starts: the work rate equals the number of agents present.
   *
   * @param start master start, seconds
   * @param work d_act, seconds of single-agent work
   * @param joins collaborator start times, each &gt;= start
   * @return the finish time, seconds
   */
  static double shareWork(double start, double work, double[] joins) {
    double[] sorted = joins.clone();
    Arrays.sort(sorted);
    double t = start;
    double remaining = work;
    int rate = 1;
    for (double join : sorted) {
      if (join >= t + remaining / rate) {
        break;
      }
      remaining -= rate * (join - t);
      t = join;
      rate++;
    }
    return t + remaining / rate;
  }
}
