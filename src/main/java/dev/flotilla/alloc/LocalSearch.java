package dev.flotilla.alloc;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The improvement pass after the game — beyond seed 001, switched on by {@link
 * PotentialGameAllocator#withImprovement}. The game commits one crew per round and never revisits
 * it, so with tight deadlines and N_j up to 3 it can leave a task undone that a feasible plan
 * covers, or hold a robot another task needed. Starting from the game's strategies, hill climbing
 * with first improvement over four neighbourhoods, each scored by re-timing the whole plan
 * ({@link StrategySchedule}, Eq. 8; a missed deadline or a deadlock rejects the move):
 *
 * <ol>
 *   <li>insert an undone task: a crew of N_j capable robots among the nearest, each at any
 *       position of its strategy;
 *   <li>move: one crew member hands its place in a task to a robot outside the crew, at any
 *       position of that robot's strategy;
 *   <li>re-insert: a task is taken out of every strategy and inserted anew as in 1;
 *   <li>swap two neighbouring tasks in one robot's strategy.
 * </ol>
 *
 * Only strictly better plans (by more than 10⁻⁹) are kept, so the pass never lowers the game's
 * utility and never drops a task. It stops when a full round of the neighbourhoods finds nothing
 * or after {@code budget} plan evaluations, each O(Σ|s_i| + n + m).
 */
final class LocalSearch {
  /** Robots considered for a new crew: the nearest capable ones. */
  private static final int NEAREST = 10;

  private final Instance in;
  private final StrategySchedule.Anchor[] anchors;
  private final boolean[] alive;
  private int[][] seqs;
  private double value;
  private long budget;
  long evaluations;

  LocalSearch(Instance in, StrategySchedule.Anchor[] anchors, boolean[] alive, int[][] seqs,
      long budget) {
    this.in = in;
    this.anchors = anchors;
    this.alive = alive;
    this.seqs = seqs;
    this.budget = budget;
    this.value = evaluate(seqs);
  }

  /** @return the improved strategies */
  int[][] run() {
    if (value == Double.NEGATIVE_INFINITY) {
      return seqs;
    }
    boolean improved = true;
    while (improved && budget > 0) {
      improved = insertUndone() | moveMembers() | reinsert() | swapNeighbours();
      improved = improved || reinsertPairs();
    }
    return seqs;
  }

  /** Σ u_j^E over covered tasks, or −∞ when a deadline is missed or the orders deadlock. */
  private double evaluate(int[][] candidate) {
    evaluations++;
    budget--;
    StrategySchedule.Result r = StrategySchedule.compute(in, anchors, candidate);
    if (!r.ok()) {
      return Double.NEGATIVE_INFINITY;
    }
    double total = 0;
    for (int j = 0; j < in.m; j++) {
      if (r.crew()[j] != null) {
        total += r.utility()[j];
      }
    }
    return Double.isNaN(total) ? Double.NEGATIVE_INFINITY : total;
  }

  private boolean accept(int[][] candidate) {
    double v = evaluate(candidate);
    if (v > value + 1e-9) {
      value = v;
      seqs = candidate;
      return true;
    }
    return false;
  }

  private boolean covered(int j) {
    for (int[] s : seqs) {
      for (int k : s) {
        if (k == j) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean insertUndone() {
    boolean any = false;
    for (int j = 0; j < in.m && budget > 0; j++) {
      if (!covered(j)) {
        any |= insertBest(j, seqs);
      }
    }
    return any;
  }

  private boolean reinsert() {
    boolean any = false;
    for (int j = 0; j < in.m && budget > 0; j++) {
      if (covered(j)) {
        any |= insertBest(j, without(seqs, j));
      }
    }
    return any;
  }

  /**
   * Ejection: two tasks (either may be undone) are taken out and inserted again one after the
   * other, each at its best place in what the first left; kept if the plan improves.
   */
  private boolean reinsertPairs() {
    for (int a = 0; a < in.m && budget > 0; a++) {
      for (int b = 0; b < in.m && budget > 0; b++) {
        if (a == b) {
          continue;
        }
        int[][] base = without(without(seqs, a), b);
        int[][] first = bestInsertion(a, base, Double.NEGATIVE_INFINITY);
        int[][] both = bestInsertion(b, first != null ? first : base, Double.NEGATIVE_INFINITY);
        if (both != null && accept(both)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Best insertion of task j into {@code base} (which lacks it); kept if it beats the plan. */
  private boolean insertBest(int j, int[][] base) {
    int[][] best = bestInsertion(j, base, value + 1e-9);
    if (best != null) {
      value = lastBest;
      seqs = best;
      return true;
    }
    return false;
  }

  private double lastBest;

  /** The best plan with task j inserted into {@code base} if worth more than {@code floor}. */
  private int[][] bestInsertion(int j, int[][] base, double floor) {
    int[] pool = IntStream.range(0, in.n).filter(i -> alive[i] && in.lambda[i][j] > 0).boxed()
        .sorted(Comparator.comparingDouble(i -> distanceTo(base, i, j)))
        .limit(NEAREST).mapToInt(x -> x).toArray();
    int need = in.need[j];
    if (pool.length < need) {
      return null;
    }
    int[][] best = null;
    double bestValue = floor;
    int[] pick = new int[need];
    int[] c = IntStream.range(0, need).toArray();
    while (c != null && budget > 0) {
      for (int k = 0; k < need; k++) {
        pick[k] = pool[c[k]];
      }
      int[] pos = new int[need];
      while (pos != null && budget > 0) {
        int[][] cand = base.clone();
        for (int k = 0; k < need; k++) {
          cand[pick[k]] = Insertion.insert(base[pick[k]], pos[k], j);
        }
        double v = evaluate(cand);
        if (v > bestValue) {
          bestValue = v;
          best = cand;
        }
        pos = nextPositions(pos, pick, base);
      }
      c = nextCombination(c, pool.length);
    }
    lastBest = bestValue;
    return best;
  }

  private boolean moveMembers() {
    boolean any = false;
    for (int j = 0; j < in.m && budget > 0; j++) {
      for (int a = 0; a < in.n && budget > 0; a++) {
        int at = indexOf(seqs[a], j);
        if (at < 0) {
          continue;
        }
        for (int b = 0; b < in.n && budget > 0; b++) {
          if (b == a || !alive[b] || in.lambda[b][j] <= 0 || indexOf(seqs[b], j) >= 0) {
            continue;
          }
          int[] shorter = remove(seqs[a], at);
          for (int p = 0; p <= seqs[b].length && budget > 0; p++) {
            int[][] cand = seqs.clone();
            cand[a] = shorter;
            cand[b] = Insertion.insert(seqs[b], p, j);
            if (accept(cand)) {
              any = true;
              break;
            }
          }
          if (indexOf(seqs[a], j) < 0) {
            break;
          }
        }
      }
    }
    return any;
  }

  private boolean swapNeighbours() {
    boolean any = false;
    for (int i = 0; i < in.n && budget > 0; i++) {
      for (int p = 0; p + 1 < seqs[i].length && budget > 0; p++) {
        int[][] cand = seqs.clone();
        int[] s = seqs[i].clone();
        int t = s[p];
        s[p] = s[p + 1];
        s[p + 1] = t;
        cand[i] = s;
        any |= accept(cand);
      }
    }
    return any;
  }

  private double distanceTo(int[][] base, int i, int j) {
    int last = lastPlace(base, i);
    return last < 0 ? anchors[i].distRow()[j] : in.taskDist[last][j];
  }

  private static int lastPlace(int[][] base, int i) {
    return base[i].length == 0 ? -1 : base[i][base[i].length - 1];
  }

  /** Next vector of insertion indices (odometer over each robot's |s_i| + 1 slots), or null. */
  private static int[] nextPositions(int[] pos, int[] pick, int[][] base) {
    for (int k = pos.length - 1; k >= 0; k--) {
      if (pos[k] < base[pick[k]].length) {
        pos[k]++;
        Arrays.fill(pos, k + 1, pos.length, 0);
        return pos;
      }
    }
    return null;
  }

  /** Next k-combination of 0..n−1 in lexicographic order, or null. */
  private static int[] nextCombination(int[] c, int n) {
    int k = c.length;
    for (int x = k - 1; x >= 0; x--) {
      if (c[x] < n - k + x) {
        c[x]++;
        for (int y = x + 1; y < k; y++) {
          c[y] = c[y - 1] + 1;
        }
        return c;
      }
    }
    return null;
  }

  private static int[][] without(int[][] seqs, int j) {
    int[][] out = seqs.clone();
    for (int i = 0; i < seqs.length; i++) {
      int at = indexOf(seqs[i], j);
      if (at >= 0) {
        out[i] = remove(seqs[i], at);
      }
    }
    return out;
  }

  private static int indexOf(int[] seq, int j) {
    for (int k = 0; k < seq.length; k++) {
      if (seq[k] == j) {
        return k;
      }
    }
    return -1;
  }

  private static int[] remove(int[] seq, int at) {
    int[] out = new int[seq.length - 1];
    System.arraycopy(seq, 0, out, 0, at);
    System.arraycopy(seq, at + 1, out, at, seq.length - at - 1);
    return out;
  }
}
