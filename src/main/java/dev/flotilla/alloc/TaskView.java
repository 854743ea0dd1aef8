package dev.flotilla.alloc;

/**
 * Everything needed to score crews for one task in the current fleet state: arrival times and
 * contributions per robot, so that u_j^E of a crew (Eq. 6) costs O(N_j).
 */
final class TaskView implements CrewScorer {
  private final Instance in;
  private final int task;
  private final double[] arrival;
  private final double[] contribution;
  private final double[] omegaPrior;
  private final double[] rateFree;
  private final int[] candidates;

  TaskView(FleetState state, int j) {
    in = state.in;
    task = j;
    arrival = new double[in.n];
    contribution = new double[in.n];
    omegaPrior = new double[in.n];
    rateFree = new double[in.n];
    int count = 0;
    int[] eligible = new int[in.n];
    for (int i = 0; i < in.n; i++) {
      double dist = state.distRow[i][j];
      arrival[i] = state.free[i] + in.tau(i, dist);
      contribution[i] = in.contribution(i, j, dist);
      omegaPrior[i] = in.robots[i].reliability() * state.prior[i];
      rateFree[i] = in.robots[i].costRate() * state.free[i];
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
    double sum = 0;
    double omega = 0;
    double omegaPriorSum = 0;
    double rate = 0;
    double rateFreeSum = 0;
    for (int i : crew) {
      t = Math.max(t, arrival[i]);
      sum += contribution[i];
      omega += in.robots[i].reliability();
      omegaPriorSum += omegaPrior[i];
      rate += in.robots[i].costRate();
      rateFreeSum += rateFree[i];
    }
    return in.combine(task, t, sum, omega, omegaPriorSum, rate, rateFreeSum);
  }

  /** Earliest arrival of a robot, seconds. */
  double arrival(int i) {
    return arrival[i];
  }
}
