package dev.flotilla.alloc;

import java.util.Arrays;

/**
 * What the fast mode of {@link PotentialGameAllocator} keeps beside the fleet state: a grid of
 * where each robot stands (moved by {@link FleetState#assign} and {@link FleetState#undo}, also
 * for Algorithm 2's hypothetical assignments), the best contribution per task at distance 0, and
 * whether {@link CrewBound} holds at all. O(n·m) to build.
 */
final class FastIndex {
  final RobotGrid grid;
  final double[] maxGain;
  final boolean bounded;
  final double[] taskX;
  final double[] taskY;
  final int[] scratch;
  final double[] scratchDist;
  /** λ per task then robot (the game reads one task's column at a time). */
  final double[][] lambdaByTask;

  /** What one game looked at, so that {@link FastWeights} can tell when its outcome still holds. */
  final Recorder recorder = new Recorder();

  /** Robots a game's pruned scans saw, the largest radius, and whether it scanned everything. */
  static final class Recorder {
    boolean active;
    boolean spoiled;
    int scans;
    double radius;
    int[] seen = new int[16];
    int size;

    void start() {
      active = true;
      spoiled = false;
      scans = 0;
      radius = 0;
      size = 0;
    }

    void saw(int[] robots, int count, double r) {
      scans++;
      radius = Math.max(radius, r);
      if (size + count > seen.length) {
        seen = Arrays.copyOf(seen, Math.max(seen.length * 2, size + count));
      }
      System.arraycopy(robots, 0, seen, size, count);
      size += count;
    }
  }

  FastIndex(Instance in, double[] prior) {
    taskX = new double[in.m];
    taskY = new double[in.m];
    double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int j = 0; j < in.m; j++) {
      taskX[j] = in.tasks[j].location().x();
      taskY[j] = in.tasks[j].location().y();
      extend(box, taskX[j], taskY[j]);
    }
    double[] xs = new double[in.n];
    double[] ys = new double[in.n];
    for (int i = 0; i < in.n; i++) {
      xs[i] = in.robots[i].position().x();
      ys[i] = in.robots[i].position().y();
      extend(box, xs[i], ys[i]);
    }
    bounded = CrewBound.holds(in, prior) && Arrays.stream(box).allMatch(Double::isFinite);
    grid = bounded ? new RobotGrid(xs, ys, box) : null;
    maxGain = CrewBound.maxGain(in);
    scratch = new int[in.n];
    scratchDist = new double[in.n];
    lambdaByTask = new double[in.m][in.n];
    for (int i = 0; i < in.n; i++) {
      for (int j = 0; j < in.m; j++) {
        lambdaByTask[j][i] = in.lambda[i][j];
      }
    }
  }

  private static void extend(double[] box, double x, double y) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }

  /** Robot i now stands at task j's place (−1: its start, given by x, y). */
  void moved(int i, int j, double x, double y) {
    if (grid != null) {
      grid.move(i, j >= 0 ? taskX[j] : x, j >= 0 ? taskY[j] : y);
    }
  }
}
