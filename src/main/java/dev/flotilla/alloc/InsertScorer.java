package dev.flotilla.alloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Δu_g^E of Eq. (22) of seed 001 for inserting a task at fixed per-robot positions of their
 * strategies, for local repair's Algorithm 1 games. Instead of re-timing the whole plan, the
 * delay is propagated from the crew's next tasks along the robots' strategies in execution order
 * (a topological order), touching only the tasks that actually move, so a scoring costs O(N_j +
 * delayed tasks · N log m). Moving to the next position ({@link #advance}) re-places only the
 * robots whose index changes.
 */
final class InsertScorer extends DepartureScorer {
  private final StrategySchedule.Anchor[] anchors;
  final int[] at;
  private final StrategySchedule.Result base;
  private final int[][] cur;
  private final double[][] priorPrefix;
  private int[] candidates;
  private final int[][] next;
  private final double[] moved;
  private final double[] leaveAt;
  private final double[] distAt;
  private final double[] priorAt;
  private PriorityQueue<Integer> queue;
  private final List<Integer> touched = new ArrayList<>();

  /**
   * @param at per robot, the index of its strategy where the task goes (advanced in place)
   * @param base the timing of the strategies {@code cur} without the task
   * @param context what the scorers of every position share
   */
  InsertScorer(Instance in, boolean[] alive, StrategySchedule.Anchor[] anchors, int task, int[] at,
      StrategySchedule.Result base, int[][] cur, Context context) {
    super(in, task, alive);
    this.anchors = anchors;
    this.at = at;
    this.base = base;
    this.cur = cur;
    this.next = context.next;
    this.moved = context.moved;
    this.priorPrefix = context.priorPrefix;
    leaveAt = new double[in.n];
    distAt = new double[in.n];
    priorAt = new double[in.n];
    for (int i = 0; i < in.n; i++) {
      place(i);
    }
  }

  /** Where robot i would leave from, when, and with which Σ t_k, at its index at[i]. */
  private void place(int i) {
    int k = at[i];
    priorAt[i] = priorPrefix[i][k];
    if (k == 0) {
      leaveAt[i] = anchors[i].time();
      distAt[i] = anchors[i].distRow()[task];
    } else {
      int prev = cur[i][k - 1];
      leaveAt[i] = base.start()[prev] + in.duration[prev];
      distAt[i] = in.taskDist[prev][task];
    }
  }

  /** Moves the insertion one position later for these robots (the next task's crew). */
  void advance(int[] robots) {
    for (int i : robots) {
      at[i]++;
      place(i);
    }
    candidates = null;
  }

  @Override
  double departure(int i) {
    return leaveAt[i];
  }

  @Override
  double distance(int i) {
    return distAt[i];
  }

  @Override
  double priorStartSum(int i) {
    return priorAt[i];
  }

  @Override
  public int[] candidates() {
    if (candidates == null) {
      int[] c = new int[in.n];
      int count = 0;
      for (int i = 0; i < in.n; i++) {
        if (eligible(i)) {
          c[count++] = i;
        }
      }
      candidates = Arrays.copyOf(c, count);
    }
    return candidates;
  }

  @Override
  public double score(int[] crew) {
    double delta = directUtility(crew);
    double t = crewStart;
    if (delta == Double.NEGATIVE_INFINITY) {
      return delta;
    }
    if (queue == null) {
      queue = new PriorityQueue<>(
          (a, b) -> Double.compare(base.start()[a], base.start()[b]));
    }
    queue.clear();
    touched.clear();
    double finish = t + in.duration[task];
    for (int i : crew) {
      if (at[i] < cur[i].length) {
        int nx = cur[i][at[i]];
        push(nx, finish + in.tau(i, in.taskDist[task][nx]));
      }
    }
    while (!queue.isEmpty()) {
      int j = queue.poll();
      double start = moved[j];
      if (start > in.deadline[j] + 1e-9) {
        delta = Double.NEGATIVE_INFINITY;
        break;
      }
      delta += (Math.exp(-in.decay[j] * (start - base.start()[j])) - 1) * base.utility()[j];
      int[] members = base.crew()[j];
      for (int c = 0; c < members.length; c++) {
        int nx = next[j][c];
        if (nx >= 0) {
          push(nx, start + in.duration[j] + in.tau(members[c], in.taskDist[j][nx]));
        }
      }
    }
    for (int j : touched) {
      moved[j] = Double.NaN;
    }
    return delta;
  }

  /** Records that task j cannot start before {@code arrival}; queues it if that delays it. */
  private void push(int j, double arrival) {
    if (arrival <= base.start()[j] + 1e-9) {
      return;
    }
    if (Double.isNaN(moved[j])) {
      moved[j] = arrival;
      touched.add(j);
      queue.add(j);
    } else {
      moved[j] = Math.max(moved[j], arrival);
    }
  }

  /** What every position's scorer shares for one (timing, strategies) pair. */
  static final class Context {
    final int[][] next;
    final double[] moved;
    final double[][] priorPrefix;

    Context(Instance in, StrategySchedule.Anchor[] anchors, StrategySchedule.Result base,
        int[][] cur) {
      next = new int[in.m][];
      for (int j = 0; j < in.m; j++) {
        if (base.crew()[j] != null) {
          next[j] = new int[base.crew()[j].length];
          Arrays.fill(next[j], -1);
        }
      }
      priorPrefix = new double[in.n][];
      for (int i = 0; i < in.n; i++) {
        priorPrefix[i] = new double[cur[i].length + 1];
        priorPrefix[i][0] = anchors[i].prior();
        for (int k = 0; k < cur[i].length; k++) {
          int j = cur[i][k];
          priorPrefix[i][k + 1] = priorPrefix[i][k] + base.start()[j];
          if (k + 1 < cur[i].length) {
            int[] crew = base.crew()[j];
            for (int c = 0; c < crew.length; c++) {
              if (crew[c] == i) {
                next[j][c] = cur[i][k + 1];
              }
            }
          }
        }
      }
      moved = new double[in.m];
      Arrays.fill(moved, Double.NaN);
    }
  }
}
