package dev.flotilla.alloc;

import dev.flotilla.alloc.travel.StraightLineTravel;

/**
 * The pruning rule of the fast mode: which outsiders can possibly raise a crew's potential when
 * swapped into one slot. With the other members fixed, u_j^E of Eq. (6) for the crew with robot
 * i is at most (S + r_ij) · X, where S is the others' Σ r (Eq. 2) and X the two exponentials of
 * Eq. (4)–(5) taken at the earliest start the others allow (a later start, more reliability or a
 * larger Σ t_k only shrink them; the cost term of quality − cost is never negative). So a swap can
 * beat a target T &gt; 0 only if r_ij &gt; T / X − S. As r_ij = α λ_ij r_j − β d_ij, this is a
 * radius around the task, which {@link RobotGrid} answers without visiting all n robots. The
 * bound holds when β &gt; 0, σ_f, μ_j, ω_i, c_i, durations, appearance times and Σ t_k are
 * non-negative and routes are straight lines; otherwise {@link #holds} is false and the game
 * scans every robot as the reference does. A relative margin of 10⁻⁹ absorbs rounding, so a
 * pruned robot is one the reference compares and rejects.
 */
final class CrewBound {
  private CrewBound() {}

  /** Whether the bound is valid for this instance and these Σ t_k. */
  static boolean holds(Instance in, double[] prior) {
    boolean ok = in.problem.travel() instanceof StraightLineTravel && in.beta > 0
        && in.sigmaF >= 0;
    for (int j = 0; ok && j < in.m; j++) {
      ok = in.decay[j] >= 0 && in.appear[j] >= 0 && in.duration[j] >= 0;
    }
    for (int i = 0; ok && i < in.n; i++) {
      ok = in.robots[i].reliability() >= 0 && in.robots[i].costRate() >= 0
          && in.robots[i].availableFrom() >= 0 && prior[i] >= 0;
    }
    return ok;
  }

  /** Per task, the largest α λ_ij r_j over the robots: the best contribution at distance 0. */
  static double[] maxGain(Instance in) {
    double[] gain = new double[in.m];
    for (int j = 0; j < in.m; j++) {
      double g = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < in.n; i++) {
        g = Math.max(g, in.alpha * in.lambda[i][j] * in.base[j]);
      }
      gain[j] = g;
    }
    return gain;
  }

  /**
   * The contribution a robot must exceed to possibly lift the crew above {@code target} in
   * {@code slot}, or NaN when no bound applies (target not positive, overflow).
   */
  static double threshold(DepartureScorer view, int[] members, int slot, double target) {
    if (!(target > 0)) {
      return Double.NaN;
    }
    Instance in = view.in;
    int j = view.task;
    double t = in.appear[j];
    double sum = 0;
    double omega = 0;
    double omegaPrior = 0;
    for (int k = 0; k < members.length; k++) {
      if (k == slot) {
        continue;
      }
      int i = members[k];
      t = Math.max(t, view.arrival(i));
      sum += view.contribution(i);
      double w = in.robots[i].reliability();
      omega += w;
      omegaPrior += w * view.priorStartSum(i);
    }
    double x = Math.exp(-in.decay[j] * (t - in.appear[j]))
        * Math.exp(-in.sigmaF * (t * omega + omegaPrior));
    if (!(x > 0) || Double.isInfinite(x)) {
      return Double.NaN;
    }
    double thr = target / x - sum;
    if (Double.isInfinite(thr) || Double.isNaN(thr)) {
      return Double.NaN;
    }
    return thr - 1e-9 * (Math.abs(thr) + Math.abs(sum) + Math.abs(target / x) + 1);
  }

  /** The smallest {@link #threshold} over the slots (NaN if any slot has none). */
  static double minThreshold(DepartureScorer view, int[] members, double target) {
    double min = Double.POSITIVE_INFINITY;
    for (int s = 0; s < members.length; s++) {
      double thr = threshold(view, members, s, target);
      if (Double.isNaN(thr)) {
        return Double.NaN;
      }
      min = Math.min(min, thr);
    }
    return min;
  }
}
