package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.Assignment;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.alloc.api.TrapezoidalProfile;
import dev.flotilla.alloc.api.UnassignedTask;
import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Local repair of a plan being executed at time {@code now} (seed 001 §3). Tasks that started by
 * {@code now} are frozen; every live robot gets an anchor (its place and time at {@code now}, or
 * the leg it is driving if its next task stays the same); tasks taken from dead robots are removed
 * from every strategy, which lets later tasks move earlier when Eq. (1) allows; then pending tasks
 * are re-inserted: for each of the p = (open tasks + 1) positions in execution order, Algorithm 1
 * picks the crew maximising Δu_g^E of Eq. (22), §2.2's linear table keeps the other pending tasks
 * feasible, and Eq. (21)'s weights choose which pending task goes first. Moving to the next
 * position only changes the place of the next task's crew, so each position's game continues from
 * the previous position's equilibrium and re-certifies it against those robots. A
 * scoring propagates the delay it causes (see InsertScorer); one insertion costs
 * O(p·(n·Σ|s_i| + s·N²·n·(1 + delayed tasks))).
 */
final class PlanRepair {
  final Instance in;
  final double now;
  final boolean[] alive;
  private final List<List<Assignment>> executed = new ArrayList<>();
  private final List<TaskAssignment> executedTasks = new ArrayList<>();
  private final StrategySchedule.Anchor[] anchors;
  final Point3[] place;
  private final int[][] seqs;
  private final List<UnassignedTask> unassigned = new ArrayList<>();
  private final List<List<Assignment>> oldOpen = new ArrayList<>();
  private final Random rng;
  private final int maxExpansions;
  private final boolean[] frozen;
  final List<Integer> pending = new ArrayList<>();
  final List<Integer> orphaned = new ArrayList<>();
  long iterations;

  /**
   * Splits a plan at {@code now}.
   *
   * @param dead robots that failed at {@code now}: their open tasks (and tasks they were
   *     executing) become pending
   * @param moved robots whose actual position at {@code now} differs from the plan (odometry)
   */
  PlanRepair(Instance in, AllocationPlan plan, double now, Set<String> dead,
      Map<String, Point3> moved, Random rng, int maxExpansions) {
    this(in, plan, now, dead, moved, null, rng, maxExpansions);
  }

  /**
   * Splits a plan at {@code now}, knowing which tasks were reported done.
   *
   * @param reportedDone tasks reported completed, or null to trust the planned times (the paper's
   *     model). When given, a dead robot's task that started by {@code now} but was not reported
   *     done is re-inserted even if its planned finish has passed: robots run late, and a task
   *     the plan believes finished may still have been under way when the robot died.
   */
  PlanRepair(Instance in, AllocationPlan plan, double now, Set<String> dead,
      Map<String, Point3> moved, Set<String> reportedDone, Random rng, int maxExpansions) {
    this.in = in;
    this.now = now;
    this.rng = rng;
    this.maxExpansions = maxExpansions;
    alive = new boolean[in.n];
    anchors = new StrategySchedule.Anchor[in.n];
    place = new Point3[in.n];
    seqs = new int[in.n][];
    frozen = new boolean[in.m];
    Map<String, Integer> index = new HashMap<>();
    for (int j = 0; j < in.m; j++) {
      index.put(in.tasks[j].id(), j);
    }
    Set<String> terminated = new HashSet<>();
    Set<String> known = new HashSet<>();
    for (TaskAssignment a : plan.assignments()) {
      known.add(a.taskId());
      boolean running = a.startTime() <= now && now < a.finishTime();
      boolean unfinished = reportedDone != null && a.startTime() <= now
          && !reportedDone.contains(a.taskId());
      if ((running || unfinished) && a.robotIds().stream().anyMatch(dead::contains)) {
        terminated.add(a.taskId());
      } else if (a.startTime() <= now) {
        executedTasks.add(a);
        frozen[index.get(a.taskId())] = true;
      }
    }
    for (UnassignedTask u : plan.unassigned()) {
      known.add(u.taskId());
      if (index.containsKey(u.taskId())) {
        pending.add(index.get(u.taskId()));
      }
    }
    for (int j = 0; j < in.m; j++) {
      if (!known.contains(in.tasks[j].id())) {
        pending.add(j);
      }
    }
    Set<Integer> orphans = new HashSet<>();
    Map<String, List<Assignment>> byRobot = new HashMap<>();
    plan.schedules().forEach(x -> byRobot.put(x.robotId(), x.assignments()));
    for (int i = 0; i < in.n; i++) {
      String id = in.robots[i].id();
      alive[i] = !dead.contains(id);
      List<Assignment> done = new ArrayList<>();
      List<Assignment> open = new ArrayList<>();
      List<Assignment> scheduled = byRobot.getOrDefault(id, List.of());
      for (Assignment a : scheduled) {
        if (frozen[index.get(a.taskId())]) {
          done.add(a);
        } else {
          open.add(a);
        }
      }
      executed.add(done);
      oldOpen.add(open);
      if (!alive[i]) {
        open.forEach(a -> orphans.add(index.get(a.taskId())));
      }
    }
    for (int i = 0; i < in.n; i++) {
      List<Integer> seq = new ArrayList<>();
      if (alive[i]) {
        for (Assignment a : oldOpen.get(i)) {
          int j = index.get(a.taskId());
          if (!orphans.contains(j)) {
            seq.add(j);
          }
        }
      }
      seqs[i] = seq.stream().mapToInt(x -> x).toArray();
      anchors[i] = anchor(i, index, terminated, moved.get(in.robots[i].id()));
    }
    List<Integer> sortedOrphans = new ArrayList<>(orphans);
    sortedOrphans.sort((a, b) -> Double.compare(startIn(plan, a), startIn(plan, b)));
    pending.addAll(0, sortedOrphans);
    orphaned.addAll(sortedOrphans);
  }

  private double startIn(AllocationPlan plan, int j) {
    return plan.assignment(in.tasks[j].id()).map(TaskAssignment::startTime).orElse(0.0);
  }

  /** Where robot i's open strategy begins (see class comment). */
  private StrategySchedule.Anchor anchor(int i, Map<String, Integer> index, Set<String> terminated,
      Point3 movedTo) {
    double prior = 0;
    Point3 place = in.robots[i].position();
    double free = in.robots[i].availableFrom();
    double[] row = in.startDist[i];
    for (Assignment a : executed.get(i)) {
      int j = index.get(a.taskId());
      prior += a.startTime();
      place = in.tasks[j].location();
      free = a.finishTime();
      row = in.taskDist[j];
    }
    for (Assignment a : oldOpen.get(i)) {
      if (terminated.contains(a.taskId()) && a.startTime() <= now) {
        int j = index.get(a.taskId());
        this.place[i] = in.tasks[j].location();
        return StrategySchedule.Anchor.at(in.taskDist[j], now, prior);
      }
    }
    if (movedTo != null) {
      this.place[i] = movedTo;
      return StrategySchedule.Anchor.at(in.distancesFrom(movedTo), Math.max(now, free), prior);
    }
    if (free >= now || oldOpen.get(i).isEmpty()) {
      this.place[i] = place;
      return StrategySchedule.Anchor.at(row, Math.max(now, free), prior);
    }
    Assignment next = oldOpen.get(i).get(0);
    int o = index.get(next.taskId());
    double legLength = in.problem.travel().distance(place, in.tasks[o].location());
    double[] hereRow;
    if (now >= next.arrivalTime()) {
      hereRow = in.taskDist[o];
      this.place[i] = in.tasks[o].location();
    } else {
      double covered = TrapezoidalProfile.travelled(legLength, now - next.departureTime(),
          in.robots[i].maxSpeed(), in.robots[i].maxAcceleration());
      Point3 here = in.problem.travel().pointAlong(place, in.tasks[o].location(), covered);
      hereRow = in.distancesFrom(here);
      this.place[i] = here;
    }
    return new StrategySchedule.Anchor(hereRow, now, prior, o, next.arrivalTime(),
        next.departureTime(), row[o]);
  }

  /** Marks pending tasks that nobody alive can do, then re-inserts the rest (§3). */
  void reinsertPending() {
    StrategySchedule.Result base = StrategySchedule.compute(in, anchors, seqs);
    dropLateTasks(base);
    base = StrategySchedule.compute(in, anchors, seqs);
    List<Integer> open = new ArrayList<>(pending);
    pending.clear();
    while (!open.isEmpty()) {
      Insertion[] best = new Insertion[in.m];
      List<Integer> dropped = new ArrayList<>();
      for (int r : open) {
        best[r] = bestInsertion(r, open, base, seqs);
        if (best[r] == null) {
          dropped.add(r);
        }
      }
      for (int r : dropped) {
        unassigned.add(reason(r));
        open.remove(Integer.valueOf(r));
      }
      if (open.isEmpty()) {
        break;
      }
      int pick = open.get(0);
      if (open.size() > 1) {
        double bestWeight = Double.POSITIVE_INFINITY;
        for (int r : open) {
          int[][] tried = best[r].apply(seqs);
          StrategySchedule.Result after = StrategySchedule.compute(in, anchors, tried);
          double worst = Double.NEGATIVE_INFINITY;
          for (int k : open) {
            if (k == r) {
              continue;
            }
            Insertion later = bestInsertion(k, without(open, r), after, tried);
            double afterDelta = later == null ? Double.NEGATIVE_INFINITY : later.delta();
            worst = Math.max(worst, best[k].delta() - afterDelta);
          }
          if (worst < bestWeight - 1e-12) {
            bestWeight = worst;
            pick = r;
          }
        }
      }
      int[][] applied = best[pick].apply(seqs);
      System.arraycopy(applied, 0, seqs, 0, seqs.length);
      base = StrategySchedule.compute(in, anchors, seqs);
      open.remove(Integer.valueOf(pick));
    }
  }

  /** Tasks pushed past their deadline (a robot was delayed or displaced) become pending. */
  private void dropLateTasks(StrategySchedule.Result t) {
    for (int j = 0; j < in.m; j++) {
      if (t.crew()[j] != null && t.start()[j] > in.deadline[j] + 1e-9) {
        final int late = j;
        for (int i : t.crew()[j]) {
          seqs[i] = Arrays.stream(seqs[i]).filter(x -> x != late).toArray();
        }
        pending.add(j);
      }
    }
  }

  /**
   * Why task r could not be re-inserted. When enough capable robots could still reach it from
   * where they are now if they dropped their other tasks, a global re-plan might serve it, so it
   * is reported as DEFERRED rather than DEADLINE_UNREACHABLE.
   */
  private UnassignedTask reason(int r) {
    UnassignedTask plain = PlanAssembler.reason(in, alive, r);
    if (plain.reason() != dev.flotilla.alloc.api.UnassignedReason.DEADLINE_UNREACHABLE) {
      return plain;
    }
    int reachable = 0;
    for (int i = 0; i < in.n; i++) {
      if (alive[i] && in.lambda[i][r] > 0
          && anchors[i].time() + in.tau(i, anchors[i].distRow()[r]) <= in.deadline[r] + 1e-9) {
        reachable++;
      }
    }
    if (reachable < in.need[r]) {
      return plain;
    }
    return new UnassignedTask(in.tasks[r].id(), dev.flotilla.alloc.api.UnassignedReason.DEFERRED,
        "Local repair cannot fit task " + in.tasks[r].id()
            + " without breaking other tasks; a global re-plan may.");
  }

  private static List<Integer> without(List<Integer> list, int x) {
    List<Integer> copy = new ArrayList<>(list);
    copy.remove(Integer.valueOf(x));
    return copy;
  }

  /** A crew for task r, where each member inserts it, and Δu_g^E. */
  record Insertion(int task, int[] crew, int[] at, double delta) {
    int[][] apply(int[][] seqs) {
      int[][] out = seqs.clone();
      for (int k = 0; k < crew.length; k++) {
        out[crew[k]] = insert(seqs[crew[k]], at[crew[k]], task);
      }
      return out;
    }
  }

  static int[] insert(int[] seq, int at, int task) {
    int[] out = new int[seq.length + 1];
    System.arraycopy(seq, 0, out, 0, at);
    out[at] = task;
    System.arraycopy(seq, at, out, at + 1, seq.length - at);
    return out;
  }

  /** The best insertion of r over all positions, or null when no crew is feasible anywhere. */
  private Insertion bestInsertion(int r, List<Integer> open, StrategySchedule.Result base, int[][] cur) {
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < in.m; j++) {
      if (base.crew()[j] != null) {
        order.add(j);
      }
    }
    order.sort((a, b) -> Double.compare(base.start()[a], base.start()[b]));
    int[] rank = new int[in.m];
    for (int k = 0; k < order.size(); k++) {
      rank[order.get(k)] = k;
    }
    Insertion best = null;
    Context context = new Context(base, cur);
    List<Integer> others = without(open, r);
    InsertScorer scorer = new InsertScorer(r, new int[in.n], base, cur, context);
    int[] warm = null;
    int[] changed = null;
    for (int g = 0; g <= order.size(); g++) {
      if (g > 0) {
        // Moving one position later puts r after task order[g-1] for exactly its crew.
        changed = base.crew()[order.get(g - 1)];
        scorer.advance(changed);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException("Reallocation interrupted.");
      }
      SingleTaskGame.Outcome o =
          SingleTaskGame.play(in.need[r], scorer, rng, true, warm, changed);
      iterations += o.iterations();
      warm = o.found() ? o.crew() : null;
      if (!o.found() || o.utility() == Double.NEGATIVE_INFINITY) {
        continue;
      }
      int[] at = scorer.at.clone();
      ConflictElimination.Result resolved = ConflictElimination.resolve(o, scorer,
          crew -> conflicts(others, new Insertion(r, crew, at, 0).apply(cur)), maxExpansions);
      iterations += resolved.iterations();
      SingleTaskGame.Outcome chosen = resolved.outcome().found() ? resolved.outcome() : o;
      if (best == null || chosen.utility() > best.delta() + 1e-12) {
        best = new Insertion(r, chosen.crew(), at, chosen.utility());
      }
    }
    return best;
  }

  /** §2.2 for re-insertion: does this profile leave another pending task without N_k robots? */
  private boolean conflicts(List<Integer> others, int[][] profile) {
    if (others.isEmpty()) {
      return false;
    }
    StrategySchedule.Result t = StrategySchedule.compute(in, anchors, profile);
    for (int k : others) {
      if (reachable(k, t, seqs) >= in.need[k] && reachable(k, t, profile) < in.need[k]) {
        return true;
      }
    }
    return false;
  }

  /** Live capable robots that could reach task k before its deadline at some gap of theirs. */
  private int reachable(int k, StrategySchedule.Result t, int[][] profile) {
    int count = 0;
    for (int i = 0; i < in.n; i++) {
      if (!alive[i] || in.lambda[i][k] <= 0) {
        continue;
      }
      for (int pos = 0; pos <= profile[i].length; pos++) {
        if (arrivalAt(i, pos, k, t, profile) <= in.deadline[k] + 1e-9) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  /** When robot i would reach task r if r were inserted at index pos of its strategy. */
  private double arrivalAt(int i, int pos, int r, StrategySchedule.Result t, int[][] profile) {
    if (pos == 0) {
      return anchors[i].time() + in.tau(i, anchors[i].distRow()[r]);
    }
    int prev = profile[i][pos - 1];
    if (Double.isNaN(t.start()[prev])) {
      return Double.POSITIVE_INFINITY;
    }
    return t.start()[prev] + in.duration[prev] + in.tau(i, in.taskDist[prev][r]);
  }

  /**
   * Δu_g^E of Eq. (22) for inserting r at fixed per-robot positions. Instead of re-timing the
   * whole plan, the delay is propagated from the crew's next tasks along the robots' strategies
   * in execution order (a topological order), touching only the tasks that actually move, so a
   * scoring costs O(N_j + delayed tasks · N log m).
   */
  /** What every position's scorer shares for one (timing, strategies) pair. */
  private final class Context {
    final int[][] next;
    final double[] moved;
    final double[][] priorPrefix;

    Context(StrategySchedule.Result base, int[][] cur) {
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

  private final class InsertScorer extends DepartureScorer {
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
    private java.util.PriorityQueue<Integer> queue;
    private final List<Integer> touched = new ArrayList<>();

    InsertScorer(int task, int[] at, StrategySchedule.Result base, int[][] cur, Context context) {
      super(PlanRepair.this.in, task, PlanRepair.this.alive);
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
        queue = new java.util.PriorityQueue<>(
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
  }

  /** Σ t_k over the tasks robot i executed before {@code now} (Eq. 5), seconds. */
  double executedStartSum(int i) {
    return anchors[i].prior();
  }

  /** When robot i is free at {@link #place}, seconds. */
  double freeAt(int i) {
    return anchors[i].time();
  }

  /** Assignments robot i executed before {@code now}. */
  List<Assignment> executedBy(int i) {
    return executed.get(i);
  }

  /** Tasks executed before {@code now}. */
  List<TaskAssignment> executedTasks() {
    return executedTasks;
  }

  /** Whether task j started before {@code now}. */
  boolean frozen(int j) {
    return frozen[j];
  }

  /** The repaired plan. */
  AllocationPlan toPlan() {
    return PlanAssembler.assemble(in, executed, executedTasks, anchors, seqs, unassigned,
        iterations);
  }

  /** Robots whose open tasks or their planned starts differ between the old plan and {@code p}. */
  Set<String> changedRobots(AllocationPlan p, boolean orderOnly) {
    Set<String> changed = new HashSet<>();
    Map<String, List<Assignment>> byRobot = new HashMap<>();
    p.schedules().forEach(x -> byRobot.put(x.robotId(), x.assignments()));
    for (int i = 0; i < in.n; i++) {
      String id = in.robots[i].id();
      List<Assignment> before = oldOpen.get(i);
      List<Assignment> all = byRobot.get(id);
      List<Assignment> after = all.subList(executed.get(i).size(), all.size());
      boolean same = before.size() == after.size();
      for (int k = 0; same && k < before.size(); k++) {
        same = before.get(k).taskId().equals(after.get(k).taskId())
            && (orderOnly || Math.abs(before.get(k).startTime() - after.get(k).startTime()) < 1e-6);
      }
      if (!same) {
        changed.add(id);
      }
    }
    return changed;
  }
}
