package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.TrapezoidalProfile;
import dev.flotilla.alloc.api.UtilityMode;
import dev.flotilla.model.Point3;

/**
 * An {@link AllocationProblem} flattened into arrays indexed by robot i and task j, with λ_ij,
 * deadlines (Eq. 3) and route lengths precomputed. Building it costs O(n·m + m²) route lengths.
 */
final class Instance {
  final AllocationProblem problem;
  final int n;
  final int m;
  final Robot[] robots;
  final Task[] tasks;
  final double[][] lambda;
  final double[] deadline;
  final double[] appear;
  final double[] decay;
  final double[] base;
  final double[] duration;
  final int[] need;
  final double[][] taskDist;
  final double[][] startDist;
  final double alpha;
  final double beta;
  final double sigmaF;
  final boolean qualityMinusCost;

  /**
   * The last instance {@link #of} built on this thread, with its problem (compared by identity).
   * Per thread, so that concurrent sessions neither evict nor see each other's.
   */
  private static final ThreadLocal<Instance> LAST = new ThreadLocal<>();

  /** Instances built on this thread so far (tests check that repairs reuse them). */
  static final ThreadLocal<long[]> BUILT = ThreadLocal.withInitial(() -> new long[1]);

  /**
   * The instance of a problem, reused when the same problem object comes again: fault repairs
   * of one plan (seed 001 §3) all see the same problem, and rebuilding costs O(n·m) route
   * lengths and λ look-ups per event. Instances are never modified after construction.
   *
   * @param problem the problem
   * @return its instance
   */
  static Instance of(AllocationProblem problem) {
    Instance cached = LAST.get();
    if (cached != null && cached.problem == problem) {
      return cached;
    }
    Instance built = new Instance(problem);
    LAST.set(built);
    return built;
  }

  Instance(AllocationProblem problem) {
    BUILT.get()[0]++;
    this.problem = problem;
    robots = problem.robots().toArray(new Robot[0]);
    tasks = problem.tasks().toArray(new Task[0]);
    n = robots.length;
    m = tasks.length;
    lambda = new double[n][m];
    startDist = new double[n][];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        lambda[i][j] = problem.lambda(robots[i], tasks[j]);
      }
      startDist[i] = distancesFrom(robots[i].position());
    }
    deadline = new double[m];
    appear = new double[m];
    decay = new double[m];
    base = new double[m];
    duration = new double[m];
    need = new int[m];
    taskDist = new double[m][];
    for (int j = 0; j < m; j++) {
      deadline[j] = problem.deadline(tasks[j]);
      appear[j] = tasks[j].appearanceTime();
      decay[j] = tasks[j].decay();
      base[j] = tasks[j].baseUtility();
      duration[j] = tasks[j].duration();
      need[j] = tasks[j].requiredRobots();
      taskDist[j] = distancesFrom(tasks[j].location());
    }
    alpha = problem.params().alpha();
    beta = problem.params().beta();
    sigmaF = problem.params().sigmaF();
    qualityMinusCost = problem.params().mode() == UtilityMode.QUALITY_MINUS_COST;
  }

  /** Route lengths from a point to every task, metres. */
  double[] distancesFrom(Point3 p) {
    double[] row = new double[m];
    for (int j = 0; j < m; j++) {
      row[j] = problem.travel().distance(p, tasks[j].location());
    }
    return row;
  }

  /** τ_i for a route length, seconds. */
  double tau(int i, double dist) {
    return TrapezoidalProfile.time(dist, robots[i].maxSpeed(), robots[i].maxAcceleration());
  }

  /** Contribution r_ij of Eq. (2) for a leg of the given length. */
  double contribution(int i, int j, double dist) {
    return alpha * lambda[i][j] * base[j] - beta * dist;
  }

  /**
   * u_j^E of Eqs. (4)–(6) for a crew, or −∞ when the start misses the deadline (Eq. 11).
   *
   * @param j task
   * @param start t_j (already the max of arrivals and t_j^0)
   * @param crew robot indices
   * @param dist per crew member, length of its leg to the task, metres
   * @param prior per crew member, Σ t_k of the tasks it executed before (Eq. 5), seconds
   * @param depart per crew member, time it left its previous place, seconds
   */
  double taskUtility(int j, double start, int[] crew, double[] dist, double[] prior,
      double[] depart) {
    double sum = 0;
    double omega = 0;
    double omegaPrior = 0;
    double rate = 0;
    double rateDepart = 0;
    for (int k = 0; k < crew.length; k++) {
      int i = crew[k];
      sum += contribution(i, j, dist[k]);
      omega += robots[i].reliability();
      omegaPrior += robots[i].reliability() * prior[k];
      rate += robots[i].costRate();
      rateDepart += robots[i].costRate() * depart[k];
    }
    return combine(j, start, sum, omega, omegaPrior, rate, rateDepart);
  }

  /**
   * Eqs. (4)–(6) from crew sums, so that callers can score a crew in O(N_j) without arrays:
   * u = e^{−μ_j (t − t_j^0)} · Σ r_ij · e^{−σ_f (t Σ ω_i + Σ ω_i Σ_k t_k)}, minus in quality − cost
   * mode Σ c_i (t + duration − departure_i).
   */
  double combine(int j, double start, double sumContribution, double sumOmega,
      double sumOmegaPrior, double sumRate, double sumRateDepart) {
    if (start > deadline[j] + 1e-9) {
      return Double.NEGATIVE_INFINITY;
    }
    double u = Math.exp(-decay[j] * (start - appear[j])) * sumContribution
        * Math.exp(-sigmaF * (start * sumOmega + sumOmegaPrior));
    if (qualityMinusCost) {
      u -= sumRate * (start + duration[j]) - sumRateDepart;
    }
    return u;
  }

  /** Number of robots with λ_ij &gt; 0 among the live ones. */
  int capableCount(int j, boolean[] alive) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (alive[i] && lambda[i][j] > 0) {
        count++;
      }
    }
    return count;
  }
}
