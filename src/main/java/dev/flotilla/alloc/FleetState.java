package dev.flotilla.alloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The robot states x(l) of seed 001 §2.3 while tasks are appended round by round: where each
 * robot is, from when it is free, Σ t_k of its tasks so far (Eq. 5) and its ordered tasks.
 */
final class FleetState {
  final Instance in;
  final double[] free;
  final double[] prior;
  final double[][] distRow;
  final boolean[] alive;
  final List<List<Integer>> sequences;
  final double[] start;
  final int[][] crew;
  /** The task each robot stands at (−1: its start). */
  final int[] at;
  /** The fast mode's index, or null (reference mode). */
  FastIndex fast;

  FleetState(Instance in) {
    this.in = in;
    free = new double[in.n];
    prior = new double[in.n];
    distRow = new double[in.n][];
    alive = new boolean[in.n];
    sequences = new ArrayList<>();
    for (int i = 0; i < in.n; i++) {
      free[i] = in.robots[i].availableFrom();
      distRow[i] = in.startDist[i];
      alive[i] = true;
      sequences.add(new ArrayList<>());
    }
    start = new double[in.m];
    Arrays.fill(start, Double.NaN);
    crew = new int[in.m][];
    at = new int[in.n];
    Arrays.fill(at, -1);
  }

  /** When robot i would reach task j if sent now, seconds. */
  double arrival(int i, int j) {
    return free[i] + in.tau(i, distRow[i][j]);
  }

  /** Whether robot i may take part in task j: alive, λ_ij &gt; 0 and there before t_j^d. */
  boolean eligible(int i, int j) {
    return alive[i] && in.lambda[i][j] > 0 && arrival(i, j) <= in.deadline[j] + 1e-9;
  }

  /** Number of robots eligible for task j. */
  int eligibleCount(int j) {
    int count = 0;
    for (int i = 0; i < in.n; i++) {
      if (eligible(i, j)) {
        count++;
      }
    }
    return count;
  }

  /** The per-task view used to score crews for task j in O(N_j). */
  TaskView view(int j) {
    return new TaskView(this, j);
  }

  /** Appends task j to every crew member's strategy and advances their states. */
  void assign(int j, int[] members) {
    double t = in.appear[j];
    for (int i : members) {
      t = Math.max(t, arrival(i, j));
    }
    start[j] = t;
    crew[j] = members.clone();
    for (int i : members) {
      free[i] = t + in.duration[j];
      prior[i] += t;
      distRow[i] = in.taskDist[j];
      sequences.get(i).add(j);
      at[i] = j;
      if (fast != null) {
        fast.moved(i, j, 0, 0);
      }
    }
  }

  /** Saved states of some robots, to undo a hypothetical assignment (Algorithm 2, line 5). */
  record Saved(int[] robots, double[] free, double[] prior, double[][] distRow, int[] at) {}

  Saved save(int[] members) {
    double[] f = new double[members.length];
    double[] p = new double[members.length];
    double[][] d = new double[members.length][];
    int[] a = new int[members.length];
    for (int k = 0; k < members.length; k++) {
      a[k] = at[members[k]];
      f[k] = free[members[k]];
      p[k] = prior[members[k]];
      d[k] = distRow[members[k]];
    }
    return new Saved(members.clone(), f, p, d, a);
  }

  void undo(int j, Saved saved) {
    for (int k = 0; k < saved.robots().length; k++) {
      int i = saved.robots()[k];
      free[i] = saved.free()[k];
      prior[i] = saved.prior()[k];
      distRow[i] = saved.distRow()[k];
      at[i] = saved.at()[k];
      if (fast != null) {
        fast.moved(i, at[i], in.robots[i].position().x(), in.robots[i].position().y());
      }
      List<Integer> seq = sequences.get(i);
      seq.remove(seq.size() - 1);
    }
    start[j] = Double.NaN;
    crew[j] = null;
  }
}
