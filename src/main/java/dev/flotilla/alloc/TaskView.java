package dev.flotilla.alloc;

/**
 * Everything needed to score crews for one task in the current fleet state: arrival times and
 * contributions per robot, so that u_j^E of a crew (Eq. 6) costs O(N_j).
 */
final class TaskView implements CrewScorer {
  private final Instance in;
  private final int task;
  private final double[] arrival;
  private final double[] dist;
  private final double[] prior;
  private final double[] free;
  private final int[] candidates;

  TaskView(FleetState state, int j) {
    in = state.in;
    task = j;
    arrival = new double[in.n];
    dist = new double[in.n];
    prior = state.prior;
    free = state.free;
    int count = 0;
    int[] eligible = new int[in.n];
    for (int i = 0; i < in.n; i++) {
      dist[i] = state.distRow[i][j];
      arrival[i] = state.free[i] + in.tau(i, dist[i]);
      if (state.alive[i] && in.lambda[i][j] > 0 && arrival[i] <= in.deadline[j] + 1e-9) {
        eligible[count++] = i;
      }
    }
    candidates = java.util.Arrays.copyOf(eligible, count);
  }

  @Override
  public int[] candidates() {
    return candidates;
  }

  @Override
  public double score(int[] crew) {
    double t = in.appear[task];
    for (int i : crew) {
      t = Math.max(t, arrival[i]);
    }
    double[] d = new double[crew.length];
    double[] p = new double[crew.length];
    double[] f = new double[crew.length];
    for (int k = 0; k < crew.length; k++) {
      d[k] = dist[crew[k]];
      p[k] = prior[crew[k]];
      f[k] = free[crew[k]];
    }
    return in.taskUtility(task, t, crew, d, p, f);
  }

  /** Earliest arrival of a robot, seconds. */
  double arrival(int i) {
    return arrival[i];
  }
}
