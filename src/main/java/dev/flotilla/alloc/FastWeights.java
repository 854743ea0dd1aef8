package dev.flotilla.alloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Algorithm 2's weights (Eq. 21) in the fast mode of {@link PotentialGameAllocator}, equal to the
 * reference's. The reference replays, for every candidate task j, the next round's game of every
 * other task k — O(m²) games per round. Most of them provably end where they started: if k's
 * equilibrium crew W shares no robot with j's crew, its game is re-certified against j's robots
 * only ({@link SingleTaskGame}); if none of them can beat W ({@link CrewBound}), W had no §2.2
 * conflict this round and j's crew changes no count of a task that becomes tight, the next round
 * gives k exactly W with the score of W, so k's loss is a number known per round. Only the other
 * tasks ("hard" ones) replay, in the reference's order, so the shared random stream is drawn
 * identically. Counts of eligible robots are kept per task and updated only for robots that
 * moved; the hypothetical state after j (its crew's eligibility, the counts it changes) is cached
 * per task until its crew or their states change. The comparisons the skipped games would have
 * made are still counted.
 */
final class FastWeights {
  private final Instance in;
  private final FleetState state;
  private final boolean[][] elig;
  private final int[] counts;
  private final long[] version;
  private final Hyp[] hyps;
  /** Per task, the other tasks by increasing distance (null when m is too large to keep). */
  private final int[][] neighbours;
  private boolean[] clean;
  private double[] loss;
  private double[] threshold;
  private boolean[] isOpen;
  private int[] finite;
  private int[] unclean;
  private int[] byLoss;
  private List<List<Integer>> byRobot;
  private int[] wide;
  private double[] reach;
  private double cut;
  private final int[] mark;
  private final int[] deltaMark;
  private List<Integer> roundTight;
  private boolean[] finiteMask;
  private int[] leftFinite;
  private int[] joinedFinite;
  private int maxNeedOpen;
  private int maxNeedCount;
  private int secondNeed;
  private final Map<Long, ProbeMemo> probes = new HashMap<>();
  private final ProbeMemo[] probeArray;
  private final Memo[] memoArray;

  /** Whether j's hypothetical crew can improve k's warm crew; holds while neither changes. */
  private record ProbeMemo(Hyp hyp, int[] warm, int[] checked, boolean improvable) {}
  private int stamp;

  /** Crews really assigned, per round (the robots whose states changed then). */
  private final List<int[]> log = new ArrayList<>();
  private final Map<Long, Memo> memos = new HashMap<>();
  private int round = -1;

  /**
   * A hard game's outcome in the hypothetical state after j: still the same while k's warm crew,
   * j's hypothetical state, every robot the game saw or held and every robot within its widest
   * radius are unchanged (checked against the robots assigned since), and no task is tight.
   */
  private static final class Memo {
    final int[] warm;
    final Hyp hyp;
    final double after;
    final long fixed;
    final int scans;
    final int[] seen;
    final double radius;
    int checked;

    Memo(int[] warm, Hyp hyp, double after, long fixed, int scans, int[] seen, double radius,
        int checked) {
      this.warm = warm;
      this.hyp = hyp;
      this.after = after;
      this.fixed = fixed;
      this.scans = scans;
      this.seen = seen;
      this.radius = radius;
      this.checked = checked;
    }
  }

  /** After-state of a hypothetical assignment of task j to a crew. */
  private record Hyp(int[] crew, long[] versions, double start, boolean[][] after,
      int[] offered, int[] deltaTask, int[] deltaCount, long[] sum) {}

  FastWeights(Instance in, FleetState state, double[] prior) {
    this.in = in;
    this.state = state;
    state.fast = new FastIndex(in, prior);
    elig = new boolean[in.n][in.m];
    counts = new int[in.m];
    version = new long[in.n];
    hyps = new Hyp[in.m];
    mark = new int[in.m];
    probeArray = in.m <= 2000 ? new ProbeMemo[in.m * in.m] : null;
    memoArray = in.m <= 2000 ? new Memo[in.m * in.m] : null;
    deltaMark = new int[in.m];
    for (int i = 0; i < in.n; i++) {
      for (int k = 0; k < in.m; k++) {
        elig[i][k] = state.eligible(i, k);
        counts[k] += elig[i][k] ? 1 : 0;
      }
    }
    neighbours = in.m <= 3000 ? new int[in.m][] : null;
    long[] keys = new long[in.m];
    for (int j = 0; neighbours != null && j < in.m; j++) {
      // Sorted by the distance rounded to float (monotone), so the walk stops on the same key.
      for (int k = 0; k < in.m; k++) {
        keys[k] = ((long) Float.floatToIntBits((float) in.taskDist[j][k]) << 32) | k;
      }
      Arrays.sort(keys);
      neighbours[j] = new int[in.m];
      for (int k = 0; k < in.m; k++) {
        neighbours[j][k] = (int) keys[k];
      }
    }
  }

  /** Eligible robots per task in the current state (a copy). */
  int[] counts() {
    return counts.clone();
  }

  /** The crew was really assigned: their eligibility is recomputed, O(N·m). */
  void assigned(int[] crew) {
    log.add(crew.clone());
    for (int i : crew) {
      version[i]++;
      for (int k = 0; k < in.m; k++) {
        boolean e = state.eligible(i, k);
        if (e != elig[i][k]) {
          counts[k] += e ? 1 : -1;
          elig[i][k] = e;
        }
      }
    }
  }

  /**
   * Per round: which tasks' decisions are conflict-free, their known loss and bound, which
   * tasks each robot's equilibrium crews hold, and the radius within which a robot that did
   * another task may still improve a crew.
   */
  void newRound(List<Integer> open, PotentialGameAllocator.Decision[] now, List<Integer> tight) {
    roundTight = tight;
    round++;
    clean = new boolean[in.m];
    loss = new double[in.m];
    threshold = new double[in.m];
    isOpen = new boolean[in.m];
    byRobot = new ArrayList<>();
    for (int i = 0; i < in.n; i++) {
      byRobot.add(null);
    }
    List<Integer> fin = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    List<Integer> good = new ArrayList<>();
    reach = new double[in.m];
    for (int k : open) {
      isOpen[k] = true;
      PotentialGameAllocator.Decision d = now[k];
      if (d.best().utility() == Double.NEGATIVE_INFINITY) {
        continue;
      }
      fin.add(k);
      for (int i : d.plain().crew()) {
        if (byRobot.get(i) == null) {
          byRobot.set(i, new ArrayList<>());
        }
        byRobot.get(i).add(k);
      }
      if (d.resolved() != d.plain()) {
        bad.add(k);
        continue;
      }
      clean[k] = true;
      good.add(k);
      TaskView view = state.view(k);
      int[] w = d.plain().crew();
      double again = view.score(w);
      loss[k] = d.best().utility() - again;
      threshold[k] = state.fast.bounded
          ? CrewBound.minThreshold(view, w, again + 1e-12) : Double.NaN;
      reach[k] = (state.fast.maxGain[k] - threshold[k]) / in.beta;
    }
    finite = fin.stream().mapToInt(x -> x).toArray();
    boolean[] mask = new boolean[in.m];
    List<Integer> left = new ArrayList<>();
    List<Integer> joined = new ArrayList<>();
    for (int k : finite) {
      mask[k] = true;
      if (finiteMask == null || !finiteMask[k]) {
        joined.add(k);
      }
    }
    for (int k = 0; finiteMask != null && k < in.m; k++) {
      if (finiteMask[k] && !mask[k]) {
        left.add(k);
      }
    }
    finiteMask = mask;
    leftFinite = left.stream().mapToInt(x -> x).toArray();
    joinedFinite = joined.stream().mapToInt(x -> x).toArray();
    maxNeedOpen = 0;
    maxNeedCount = 0;
    secondNeed = 0;
    for (int k : open) {
      if (in.need[k] > maxNeedOpen) {
        secondNeed = maxNeedOpen;
        maxNeedOpen = in.need[k];
        maxNeedCount = 1;
      } else if (in.need[k] == maxNeedOpen) {
        maxNeedCount++;
      } else {
        secondNeed = Math.max(secondNeed, in.need[k]);
      }
    }
    unclean = bad.stream().mapToInt(x -> x).toArray();
    byLoss = good.stream().sorted(Comparator.comparingDouble(k -> -loss[k]))
        .mapToInt(x -> x).toArray();
    double[] radii = good.stream().mapToDouble(k -> reach[k]).filter(r -> !Double.isNaN(r))
        .sorted().toArray();
    cut = radii.length == 0 ? 0 : radii[(int) (0.9 * (radii.length - 1))];
    wide = good.stream().filter(k -> neighbours == null || !(reach[k] <= cut))
        .mapToInt(x -> x).toArray();
  }

  /**
   * Eq. (21) for task j with this crew, as the reference computes it.
   *
   * @param next builds the next round's game for (open tasks, eligible counts) in the current
   *     (hypothetical) state
   * @param iterations the allocator's comparison counter
   */
  double weight(int j, int[] crew, List<Integer> open, PotentialGameAllocator.Decision[] now,
      BiFunction<List<Integer>, int[], PotentialGameAllocator.Round> next, long[] iterations) {
    if (open.size() <= 1) {
      return 0;
    }
    Hyp h = hyp(j, crew);
    int maxNeed = in.need[j] == maxNeedOpen && maxNeedCount == 1 ? secondNeed : maxNeedOpen;
    boolean newTight = false;
    for (int d = 0; d < h.deltaTask().length && !newTight; d++) {
      int k = h.deltaTask()[d];
      int c = counts[k] + h.deltaCount()[d];
      newTight = k != j && isOpen[k] && c >= in.need[k] && c - maxNeed < in.need[k];
    }
    stamp++;
    List<Integer> hard = new ArrayList<>();
    if (newTight) {
      for (int k : finite) {
        addHard(k, j, hard);
      }
    } else {
      for (int k : unclean) {
        addHard(k, j, hard);
      }
      for (int i : crew) {
        if (byRobot.get(i) != null) {
          for (int k : byRobot.get(i)) {
            addHard(k, j, hard);
          }
        }
      }
      for (int k : wide) {
        probe(h, j, k, now, hard);
      }
      if (neighbours != null) {
        for (int k : neighbours[j]) {
          if ((float) in.taskDist[j][k] > (float) cut) {
            break;
          }
          probe(h, j, k, now, hard);
        }
      }
    }
    double worst = Double.NEGATIVE_INFINITY;
    for (int k : byLoss) {
      if (k != j && mark[k] != stamp) {
        worst = loss[k];
        break;
      }
    }
    long skipped = offeredOverFinite(h);
    for (int k : hard) {
      skipped -= h.offered()[k];
    }
    if (now[j].best().utility() != Double.NEGATIVE_INFINITY) {
      skipped -= h.offered()[j];
    }
    iterations[0] += skipped;
    if (hard.isEmpty()) {
      return worst;
    }
    hard.sort(null);
    // The next round's tight tasks: this round's with unchanged counts, and the changed ones
    // (a lower max N_j only shrinks the set), as the reference finds them over the rest.
    List<Integer> tight = new ArrayList<>();
    for (int d = 0; d < h.deltaTask().length; d++) {
      deltaMark[h.deltaTask()[d]] = stamp;
    }
    for (int k : roundTight) {
      if (k != j && deltaMark[k] != stamp && counts[k] - maxNeed < in.need[k]) {
        tight.add(k);
      }
    }
    for (int d = 0; d < h.deltaTask().length; d++) {
      int k = h.deltaTask()[d];
      counts[k] += h.deltaCount()[d];
      if (k != j && isOpen[k] && counts[k] >= in.need[k] && counts[k] - maxNeed < in.need[k]) {
        tight.add(k);
      }
    }
    Memo[] valid = new Memo[hard.size()];
    boolean replay = false;
    for (int x = 0; x < hard.size(); x++) {
      valid[x] = tight.isEmpty() ? memo(j, hard.get(x), h, now[hard.get(x)].plain().crew())
          : null;
      replay |= valid[x] == null;
    }
    FleetState.Saved saved = replay ? state.save(crew) : null;
    PotentialGameAllocator.Round game = null;
    if (replay) {
      state.assign(j, crew);
      game = next.apply(tight, counts);
    }
    FastIndex.Recorder rec = state.fast.recorder;
    for (int x = 0; x < hard.size(); x++) {
      int k = hard.get(x);
      double before = now[k].best().utility();
      double after;
      if (valid[x] != null) {
        after = valid[x].after;
        iterations[0] += valid[x].fixed + (long) valid[x].scans * counts[k];
      } else {
        int[] warm = now[k].plain().crew();
        boolean keep = tight.isEmpty() && staysEligible(h, k, warm);
        long before0 = iterations[0];
        if (keep) {
          rec.start();
        }
        after = game.decide(k, warm, crew).best().utility();
        rec.active = false;
        if (keep && !rec.spoiled) {
          int[] seen = Arrays.copyOf(rec.seen, rec.size);
          Arrays.sort(seen);
          Memo memo = new Memo(warm, h, after,
              iterations[0] - before0 - (long) rec.scans * counts[k], rec.scans, seen,
              rec.radius, log.size());
          if (memoArray != null) {
            memoArray[j * in.m + k] = memo;
          } else {
            memos.put((long) j * in.m + k, memo);
          }
        }
      }
      worst = Math.max(worst, before - after);
    }
    if (replay) {
      state.undo(j, saved);
    }
    for (int d = 0; d < h.deltaTask().length; d++) {
      counts[h.deltaTask()[d]] -= h.deltaCount()[d];
    }
    return worst;
  }

  /** k's warm crew stays eligible after j, so its game draws nothing from the random stream. */
  private static boolean staysEligible(Hyp h, int k, int[] warm) {
    for (int c = 0; c < h.crew().length; c++) {
      if (SingleTaskGame.contains(warm, h.crew()[c]) && !h.after()[c][k]) {
        return false;
      }
    }
    return true;
  }

  /** The memo of (j, k) if it still holds (see {@link Memo}), else null. */
  private Memo memo(int j, int k, Hyp h, int[] warm) {
    long key = (long) j * in.m + k;
    Memo memo = memoArray != null ? memoArray[(int) key] : memos.get(key);
    if (memo == null || memo.hyp != h || !Arrays.equals(memo.warm, warm)) {
      return null;
    }
    FastIndex fast = state.fast;
    for (int r = memo.checked; r < log.size(); r++) {
      for (int i : log.get(r)) {
        if (Arrays.binarySearch(memo.seen, i) >= 0 || SingleTaskGame.contains(warm, i)) {
          return null;
        }
        int at = state.at[i];
        double x = at >= 0 ? fast.taskX[at] : in.robots[i].position().x();
        double y = at >= 0 ? fast.taskY[at] : in.robots[i].position().y();
        if (Math.hypot(x - fast.taskX[k], y - fast.taskY[k]) <= memo.radius + 1e-6) {
          return null;
        }
      }
    }
    memo.checked = log.size();
    return memo;
  }

  /** Σ offered over this round's finite tasks, updated from the last round's by the changes. */
  private long offeredOverFinite(Hyp h) {
    if (h.sum[1] == round - 1 && h.sum[1] >= 0) {
      long sum = h.sum[0];
      for (int k : leftFinite) {
        sum -= h.offered()[k];
      }
      for (int k : joinedFinite) {
        sum += h.offered()[k];
      }
      h.sum[0] = sum;
    } else if (h.sum[1] != round) {
      long sum = 0;
      for (int k : finite) {
        sum += h.offered()[k];
      }
      h.sum[0] = sum;
    }
    h.sum[1] = round;
    return h.sum[0];
  }

  private void addHard(int k, int j, List<Integer> hard) {
    if (k != j && mark[k] != stamp) {
      mark[k] = stamp;
      hard.add(k);
    }
  }

  /**
   * Whether a robot of j's crew could improve k's equilibrium crew in the next round: first
   * {@link CrewBound}, then the exact swaps the re-certification would compare.
   */
  private void probe(Hyp h, int j, int k, PotentialGameAllocator.Decision[] now,
      List<Integer> hard) {
    if (k == j || !clean[k] || mark[k] == stamp
        || in.taskDist[j][k] > reach[k] * (1 + 1e-9) + 1e-6) {
      return;
    }
    int[] w = now[k].plain().crew();
    long key = (long) j * in.m + k;
    ProbeMemo pm = probeArray != null ? probeArray[(int) key] : probes.get(key);
    if (pm != null && pm.hyp() == h && Arrays.equals(pm.warm(), w) && unchanged(w, pm.checked())) {
      if (pm.improvable()) {
        addHard(k, j, hard);
      }
      return;
    }
    boolean improvable = improvable(h, j, k, w);
    pm = new ProbeMemo(h, w, new int[] {log.size()}, improvable);
    if (probeArray != null) {
      probeArray[(int) key] = pm;
    } else {
      probes.put(key, pm);
    }
    if (improvable) {
      addHard(k, j, hard);
    }
  }

  /** Whether none of these robots was assigned since log entry {@code checked[0]} (advanced). */
  private boolean unchanged(int[] robots, int[] checked) {
    for (int r = checked[0]; r < log.size(); r++) {
      for (int i : log.get(r)) {
        if (SingleTaskGame.contains(robots, i)) {
          return false;
        }
      }
    }
    checked[0] = log.size();
    return true;
  }

  private boolean improvable(Hyp h, int j, int k, int[] w) {
    int[] crew = h.crew();
    for (int c = 0; c < crew.length; c++) {
      if (!h.after()[c][k]) {
        continue;
      }
      double r = in.contribution(crew[c], k, in.taskDist[j][k]);
      if (r <= threshold[k]) {
        continue;
      }
      AfterView view = new AfterView(state, k, crew[c], h.start(), j);
      double base = view.score(w);
      int[] members = w.clone();
      for (int slot = 0; slot < members.length; slot++) {
        int keep = members[slot];
        members[slot] = crew[c];
        boolean better = view.score(members) > base + 1e-12;
        members[slot] = keep;
        if (better) {
          return true;
        }
      }
    }
    return false;
  }

  private Hyp hyp(int j, int[] crew) {
    Hyp h = hyps[j];
    if (h != null && Arrays.equals(h.crew(), crew)) {
      boolean same = true;
      for (int c = 0; c < crew.length && same; c++) {
        same = h.versions()[c] == version[crew[c]];
      }
      if (same) {
        return h;
      }
    }
    long[] versions = new long[crew.length];
    boolean[][] after = new boolean[crew.length][];
    FleetState.Saved saved = state.save(crew);
    state.assign(j, crew);
    double start = state.start[j];
    for (int c = 0; c < crew.length; c++) {
      versions[c] = version[crew[c]];
      after[c] = new boolean[in.m];
      for (int k = 0; k < in.m; k++) {
        after[c][k] = state.eligible(crew[c], k);
      }
    }
    state.undo(j, saved);
    int[] offered = new int[in.m];
    for (int k = 0; k < in.m; k++) {
      for (int c = 0; c < crew.length; c++) {
        offered[k] += after[c][k] ? in.need[k] : 0;
      }
    }
    int[] task = new int[in.m];
    int[] delta = new int[in.m];
    int size = 0;
    for (int k = 0; k < in.m; k++) {
      int d = 0;
      for (int c = 0; c < crew.length; c++) {
        d += (after[c][k] ? 1 : 0) - (elig[crew[c]][k] ? 1 : 0);
      }
      if (d != 0) {
        task[size] = k;
        delta[size++] = d;
      }
    }
    h = new Hyp(crew.clone(), versions, start, after, offered, Arrays.copyOf(task, size),
        Arrays.copyOf(delta, size), new long[] {0, -5});
    hyps[j] = h;
    return h;
  }

  private static boolean intersects(int[] a, int[] b) {
    for (int x : a) {
      if (SingleTaskGame.contains(b, x)) {
        return true;
      }
    }
    return false;
  }
}
