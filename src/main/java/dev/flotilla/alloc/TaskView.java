package dev.flotilla.alloc;

import java.util.Arrays;

/**
 * Scores crews for one task in the current fleet state, u_j^E of Eq. (6) in O(N_j). Per-robot
 * terms (arrival, contribution r_ij of Eq. 2) are computed on demand; the first call to
 * {@link #candidates()} tabulates them for all n robots, which only full game sweeps need — a
 * re-certified equilibrium (see {@link SingleTaskGame}) touches a handful of robots.
 */
final class TaskView extends DepartureScorer {
  private final FleetState state;
  private double[] arrival;
  private double[] contribution;
  private int[] candidates;

  TaskView(FleetState state, int j) {
    super(state.in, j, state.alive);
    this.state = state;
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
  public double score(int[] crew) {
    return directUtility(crew);
  }

  @Override
  double departure(int i) {
    return state.free[i];
  }

  @Override
  double distance(int i) {
    return state.distRow[i][task];
  }

  @Override
  double priorStartSum(int i) {
    return state.prior[i];
  }

  @Override
  double arrival(int i) {
    return arrival != null ? arrival[i] : super.arrival(i);
  }

  @Override
  double contribution(int i) {
    return contribution != null ? contribution[i] : super.contribution(i);
  }
}
