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
  private int poolSize = -1;

  TaskView(FleetState state, int j) {
    super(state.in, j, state.alive);
    this.state = state;
  }

  @Override
  public int[] candidates() {
    if (candidates == null) {
      if (state.fast != null) {
        state.fast.recorder.spoiled = true;
      }
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

  /**
   * Enables the fast mode's pruning (when the state has a {@link FastIndex} whose bound holds).
   *
   * @param eligibleCount how many robots are eligible for the task in this state
   */
  TaskView pruning(int eligibleCount) {
    if (state.fast != null && state.fast.bounded) {
      poolSize = eligibleCount;
    }
    return this;
  }

  @Override
  public Pruned pruned() {
    if (poolSize < 0) {
      return null;
    }
    return new Pruned() {
      @Override
      public int poolSize() {
        return poolSize;
      }

      @Override
      public int[] maybe(int[] members, int slot, double best) {
        return near(members, slot, best);
      }
    };
  }

  /** {@link Pruned#maybe}: eligible robots within the radius of {@link CrewBound}. */
  private int[] near(int[] members, int slot, double best) {
    int[] out = nearRobots(members, slot, best);
    FastIndex.Recorder rec = state.fast.recorder;
    if (out == null && rec.active) {
      rec.spoiled = true;
    }
    return out;
  }

  private int[] nearRobots(int[] members, int slot, double best) {
    double thr = CrewBound.threshold(this, members, slot, best + 1e-12);
    if (Double.isNaN(thr)) {
      return null;
    }
    FastIndex fast = state.fast;
    double radius = (fast.maxGain[task] - thr) / in.beta;
    if (radius < 0) {
      if (fast.recorder.active) {
        fast.recorder.saw(fast.scratch, 0, 0);
      }
      return new int[0];
    }
    if (Double.isInfinite(radius)) {
      return null;
    }
    int[] buf = fast.scratch;
    double[] d2 = fast.scratchDist;
    double reach = radius * (1 + 1e-9) + 1e-6;
    int count = fast.grid.within(fast.taskX[task], fast.taskY[task], reach, buf, d2);
    if (fast.recorder.active) {
      fast.recorder.saw(buf, count, reach);
    }
    int kept = 0;
    double[] lambda = fast.lambdaByTask[task];
    double gain = in.alpha * in.base[task];
    for (int k = 0; k < count; k++) {
      int i = buf[k];
      // A cheap over-estimate from the grid's own coordinates first, then the exact terms.
      double g = gain * lambda[i];
      double d = Math.sqrt(d2[k]);
      double estimate = g - in.beta * d;
      if (estimate <= thr - 1e-9 * (Math.abs(thr) + Math.abs(g) + in.beta * d + 1)) {
        continue;
      }
      if (contribution(i) > thr && eligible(i)) {
        buf[kept++] = i;
      }
    }
    int[] out = Arrays.copyOf(buf, kept);
    Arrays.sort(out);
    return out;
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
