package dev.flotilla.alloc;

import java.util.Arrays;

/**
 * Scores crews for one task in the current fleet state, u_j^E of Eq. (6) in O(N_j). Per-robot
 * terms (arrival, contribution r_ij of Eq. 2) are computed on demand; the first call to
 * {@link #candidates()} tabulates them for all n robots, which only full game sweeps need — a
 * re-certified equilibrium (see {@link SingleTaskGame}) touches a handful of robots.
 */
final class TaskView implements CrewScorer {
  private final Instance in;
  private final FleetState state;
  private final int task;
  private double[] arrival;
  private double[] contribution;
  private int[] candidates;

  TaskView(FleetState state, int j) {
    this.in = state.in;
    this.state = state;
    this.task = j;
  }

  @Override
  public int[] candidates() {
    if (candidates == null) {
      arrival = new double[in.n];
      contribution = new double[in.n];
      int[] eligible = new int[in.n];
      int count = 0;
      for (int i = 0; i < in.n; i++) {
        double dist = state.distRow[i][task];
        arrival[i] = state.free[i] + in.tau(i, dist);
        contribution[i] = in.contribution(i, task, dist);
        if (state.alive[i] && in.lambda[i][task] > 0
            && arrival[i] <= in.deadline[task] + 1e-9) {
          eligible[count++] = i;
        }
      }
      candidates = Arrays.copyOf(eligible, count);
    }
    return candidates;
  }

  @Override
  public boolean eligible(int i) {
    return state.alive[i] && in.lambda[i][task] > 0 && arrival(i) <= in.deadline[task] + 1e-9;
  }

  @Override
  public double score(int[] crew) {
    double t = in.appear[task];
    double sum = 0;
    double omega = 0;
    double omegaPrior = 0;
    double rate = 0;
    double rateFree = 0;
    for (int i : crew) {
      t = Math.max(t, arrival(i));
      sum += contribution == null
          ? in.contribution(i, task, state.distRow[i][task]) : contribution[i];
      double w = in.robots[i].reliability();
      omega += w;
      omegaPrior += w * state.prior[i];
      double c = in.robots[i].costRate();
      rate += c;
      rateFree += c * state.free[i];
    }
    return in.combine(task, t, sum, omega, omegaPrior, rate, rateFree);
  }

  /** Earliest arrival of a robot, seconds. */
  double arrival(int i) {
    return arrival != null ? arrival[i]
        : state.free[i] + in.tau(i, state.distRow[i][task]);
  }
}
