package dev.flotilla.alloc;

/**
 * Scores crews for task k as {@link TaskView} would after one robot did task j (Algorithm 2's
 * hypothetical state), without changing the fleet state: that robot leaves j's place when j ends,
 * with j's start added to its Σ t_k; every other robot is as in the state. The arithmetic is the
 * same as {@link TaskView}'s, so the scores are the same numbers.
 */
final class AfterView extends DepartureScorer {
  private final FleetState state;
  private final int moved;
  private final double free;
  private final double prior;
  private final double dist;

  /**
   * @param k the task scored
   * @param moved the robot that did task j
   * @param start when task j started (Eq. 1), seconds
   * @param j the task it did
   */
  AfterView(FleetState state, int k, int moved, double start, int j) {
    super(state.in, k, state.alive);
    this.state = state;
    this.moved = moved;
    this.free = start + in.duration[j];
    this.prior = state.prior[moved] + start;
    this.dist = in.taskDist[j][k];
  }

  @Override
  double departure(int i) {
    return i == moved ? free : state.free[i];
  }

  @Override
  double distance(int i) {
    return i == moved ? dist : state.distRow[i][task];
  }

  @Override
  double priorStartSum(int i) {
    return i == moved ? prior : state.prior[i];
  }

  @Override
  public int[] candidates() {
    throw new UnsupportedOperationException("AfterView scores given crews only.");
  }

  @Override
  public double score(int[] crew) {
    return directUtility(crew);
  }
}
