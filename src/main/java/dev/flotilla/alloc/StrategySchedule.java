package dev.flotilla.alloc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times a set of robot strategies: every task starts when its last robot arrives (Eq. 1) and not
 * before it appears, each robot leaves a task when it finishes and drives rest to rest (Eqs.
 * 12–13). Tasks are processed in a topological order of the per-robot precedences (Kahn), so the
 * cost is O(Σ_i |s_i|) plus one τ per leg. A cyclic order (robot A does T1 before T2, robot B T2
 * before T1) is reported as a deadlock.
 */
final class StrategySchedule {
  private StrategySchedule() {}

  /**
   * Where a robot's free strategy begins.
   *
   * @param distRow route lengths from the robot's place to every task, metres
   * @param time when it can leave, seconds
   * @param prior Σ t_k of tasks it already executed (Eq. 5), seconds
   * @param keepTask a task it is already driving to (−1 for none): if its strategy still starts
   *     with that task it keeps the planned arrival instead of restarting from rest
   * @param keepArrival the planned arrival at {@code keepTask}, seconds
   * @param keepDeparture the planned departure towards {@code keepTask}, seconds
   * @param keepDistance the planned leg length to {@code keepTask} (d_ij of Eq. 2), metres
   */
  record Anchor(
      double[] distRow, double time, double prior, int keepTask, double keepArrival,
      double keepDeparture, double keepDistance) {

    static Anchor at(double[] distRow, double time, double prior) {
      return new Anchor(distRow, time, prior, -1, Double.NaN, Double.NaN, Double.NaN);
    }
  }

  /** Times of a strategy profile. {@code ok} is false on deadlock. */
  record Result(
      boolean ok, double[] start, double[] utility, int[][] crew, double[][] depart,
      double[][] arrival) {}

  static Result compute(Instance in, Anchor[] anchors, int[][] seqs) {
    int n = seqs.length;
    List<List<Integer>> crews = new ArrayList<>();
    for (int j = 0; j < in.m; j++) {
      crews.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j : seqs[i]) {
        crews.get(j).add(i);
      }
    }
    int[][] crew = new int[in.m][];
    for (int j = 0; j < in.m; j++) {
      crew[j] = crews.get(j).isEmpty() ? null : crews.get(j).stream().mapToInt(x -> x).toArray();
    }
    double[] start = new double[in.m];
    double[] utility = new double[in.m];
    Arrays.fill(start, Double.NaN);
    Arrays.fill(utility, Double.NaN);
    double[][] depart = new double[n][];
    double[][] arrival = new double[n][];
    int[] pointer = new int[n];
    int[] waiting = new int[in.m];
    double[] free = new double[n];
    double[] prior = new double[n];
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      depart[i] = new double[seqs[i].length];
      arrival[i] = new double[seqs[i].length];
      free[i] = anchors[i].time();
      prior[i] = anchors[i].prior();
      if (seqs[i].length > 0) {
        int j = seqs[i][0];
        if (++waiting[j] == crew[j].length) {
          ready.add(j);
        }
      }
    }
    int done = 0;
    while (!ready.isEmpty()) {
      int j = ready.poll();
      int[] c = crew[j];
      double t = in.appear[j];
      double[] dist = new double[c.length];
      double[] pri = new double[c.length];
      double[] dep = new double[c.length];
      for (int k = 0; k < c.length; k++) {
        int i = c[k];
        int pos = pointer[i];
        dist[k] = pos == 0 ? anchors[i].distRow()[j] : in.taskDist[seqs[i][pos - 1]][j];
        double leave = free[i];
        double reach = leave + in.tau(i, dist[k]);
        if (pos == 0 && anchors[i].keepTask() == j) {
          leave = anchors[i].keepDeparture();
          reach = anchors[i].keepArrival();
          dist[k] = anchors[i].keepDistance();
        }
        depart[i][pos] = leave;
        arrival[i][pos] = reach;
        dep[k] = leave;
        pri[k] = prior[i];
        t = Math.max(t, reach);
      }
      start[j] = t;
      utility[j] = in.taskUtility(j, t, c, dist, pri, dep);
      done++;
      for (int i : c) {
        free[i] = t + in.duration[j];
        prior[i] += t;
        pointer[i]++;
        if (pointer[i] < seqs[i].length) {
          int next = seqs[i][pointer[i]];
          if (++waiting[next] == crew[next].length) {
            ready.add(next);
          }
        }
      }
    }
    int total = 0;
    for (int j = 0; j < in.m; j++) {
      if (crew[j] != null) {
        total++;
      }
    }
    return new Result(done == total, start, utility, crew, depart, arrival);
  }
}
