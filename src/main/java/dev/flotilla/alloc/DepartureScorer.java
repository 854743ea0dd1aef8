package dev.flotilla.alloc;

/**
 * Scores crews for one task whose robots each set off from a known place at a known time: the
 * direct part of u_j^E (Eq. 6 of seed 001), where the crew starts when its last member arrives
 * (Eq. 1) and contributes Σ r_ij (Eq. 2). Shared by the initial allocation's {@link TaskView}
 * (robots leave when free) and local repair's {@link InsertScorer} (robots leave the task before
 * the insertion point). O(N_j) per crew.
 */
abstract class DepartureScorer implements CrewScorer {
  final Instance in;
  final int task;
  private final boolean[] alive;
  /** The start time (Eq. 1) of the crew last passed to {@link #directUtility}, seconds. */
  double crewStart;

  DepartureScorer(Instance in, int task, boolean[] alive) {
    this.in = in;
    this.task = task;
    this.alive = alive;
  }

  /** When robot i sets off for the task, seconds. */
  abstract double departure(int i);

  /** How far robot i travels to the task, metres. */
  abstract double distance(int i);

  /** Σ t_k over the tasks robot i does before this one (Eq. 5), seconds. */
  abstract double priorStartSum(int i);

  /** Earliest arrival of robot i at the task, seconds. */
  double arrival(int i) {
    return departure(i) + in.tau(i, distance(i));
  }

  /** r_ij of Eq. (2). */
  double contribution(int i) {
    return in.contribution(i, task, distance(i));
  }

  @Override
  public boolean eligible(int i) {
    return alive[i] && in.lambda[i][task] > 0 && arrival(i) <= in.deadline[task] + 1e-9;
  }

  /** u_j^E of Eq. (6) for the crew; records its start in {@link #crewStart}. */
  final double directUtility(int[] crew) {
    double t = in.appear[task];
    double sum = 0;
    double omega = 0;
    double omegaPrior = 0;
    double rate = 0;
    double rateDepart = 0;
    for (int i : crew) {
      t = Math.max(t, arrival(i));
      sum += contribution(i);
      double w = in.robots[i].reliability();
      omega += w;
      omegaPrior += w * priorStartSum(i);
      double c = in.robots[i].costRate();
      rate += c;
      rateDepart += c * departure(i);
    }
    crewStart = t;
    return in.combine(task, t, sum, omega, omegaPrior, rate, rateDepart);
  }
}
