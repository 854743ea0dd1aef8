package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.TaskAllocator;
import dev.flotilla.alloc.api.UnassignedTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;

/**
 * Initial allocation of seed 001 §2. Each round, every unassigned task plays the potential game of
 * Algorithm 1 (Theorem 1, Eqs. 14–20) for its best crew, which §2.2's linear table (Fig. 1)
 * replaces by the best sub-optimal crew that leaves every other unassigned task enough robots
 * before its deadline (or defers the task to a later round). Algorithm 2 then weighs every task by
 * the worst loss its crew inflicts on another task's best utility in the next round (Eq. 21), and
 * the minimum-weight task is appended to its robots' strategies, whose states and timestamps
 * advance. Tasks with a higher user priority go in earlier rounds; if every remaining task is
 * deferred, the round falls back to the unconstrained crews. Tasks without N_j eligible robots are
 * reported with their reason.
 *
 * <p>Games are played to equilibrium by default. The robots keep their strategies between
 * rounds, as in a repeated potential game: a task's game continues from its last equilibrium
 * crew, and when only robots outside that crew changed state (the crew just assigned, or the one
 * assigned hypothetically by Algorithm 2), swapping with those robots is the only possible
 * improvement, so the equilibrium is re-certified in N_j·N_p comparisons instead of N_j·n.
 *
 * <p>Time: m rounds × m² games (Algorithm 2); a full game costs O(s·N_j²·n) (s sweeps, usually
 * 2–3), so the worst case is O(m³·n·N²) as in §4 of the paper, but a re-certified game costs
 * O(N_j²·N_p) and only tasks whose crews were touched replay fully; plus O(m·n) eligibility
 * counts per round and O(m·N) per hypothetical state. Interrupting the calling thread abandons
 * the run with a {@link java.util.concurrent.CancellationException}.
 *
 * <p>Fast mode (the default; {@link #reference} keeps the implementation above): full sweeps
 * compare only the robots {@link CrewBound} cannot rule out, found through a grid of robot
 * places; eligibility counts are kept per task instead of recounted; Algorithm 2 replays only the
 * games whose outcome can change ({@link FastWeights}) and memoises those whose inputs did not
 * change. It gives the same allocation and comparison count (ReferenceModeIdentityTest). Measured
 * in {@code bench alloc}'s speed section (issue 15). Games are not run in parallel: the crews of
 * every round draw from one random stream in a fixed order, so a parallel replay would have to
 * predict each game's draws; the pruning removed the work instead. Fast mode does not help when
 * few robots share many tasks (e.g. 10 robots, 500 tasks): then nearly every game of Algorithm 2
 * changes and the cost stays O(m³) games.
 *
 * <p>{@link #withImprovement} adds a local search after the game ({@link LocalSearch}), beyond
 * the paper.
 */
public final class PotentialGameAllocator implements TaskAllocator {
  private final long seed;
  private final int maxConflictExpansions;
  private final boolean untilEquilibrium;
  private final boolean fast;
  private boolean improve;
  private long improveBudget = 200_000;

  /** Seed 1, at most 32 linear-table expansions per conflict, games played to equilibrium. */
  public PotentialGameAllocator() {
    this(1, 32);
  }

  /**
   * Games played until a Nash equilibrium (Theorem 1).
   *
   * @param seed seeds the random initial crews P_j^0 of Algorithm 1
   * @param maxConflictExpansions cap on the §2.2 linear-table walk per task and state (&ge; 1)
   */
  public PotentialGameAllocator(long seed, int maxConflictExpansions) {
    this(seed, maxConflictExpansions, true);
  }

  /**
   * @param seed seeds the random initial crews P_j^0 of Algorithm 1
   * @param maxConflictExpansions cap on the §2.2 linear-table walk per task and state (&ge; 1)
   * @param untilEquilibrium repeat Algorithm 1's sweep until no swap improves (Theorem 1's Nash
   *     equilibrium); false runs the paper's single sweep of at most n·N_j comparisons
   */
  public PotentialGameAllocator(long seed, int maxConflictExpansions, boolean untilEquilibrium) {
    this(seed, maxConflictExpansions, untilEquilibrium, true);
  }

  /**
   * The implementation as it was before the fast mode, kept to prove the fast mode equal.
   *
   * @param seed seeds the random initial crews P_j^0 of Algorithm 1
   * @param maxConflictExpansions cap on the §2.2 linear-table walk per task and state (&ge; 1)
   * @return an allocator that compares every candidate and replays every game of Algorithm 2
   */
  public static PotentialGameAllocator reference(long seed, int maxConflictExpansions) {
    return new PotentialGameAllocator(seed, maxConflictExpansions, true, false);
  }

  /**
   * @param seed seeds the random initial crews P_j^0 of Algorithm 1
   * @param maxConflictExpansions cap on the §2.2 linear-table walk per task and state (&ge; 1)
   * @param untilEquilibrium see {@link #PotentialGameAllocator(long, int, boolean)}
   * @param fast prune robots that cannot matter and skip games whose outcome is known ({@link
   *     FastWeights}, {@link CrewBound}); the allocation and the comparison count are the same
   */
  public PotentialGameAllocator(long seed, int maxConflictExpansions, boolean untilEquilibrium,
      boolean fast) {
    this.fast = fast;
    if (maxConflictExpansions < 1) {
      throw new IllegalArgumentException(
          "maxConflictExpansions must be >= 1, got " + maxConflictExpansions + ".");
    }
    this.seed = seed;
    this.maxConflictExpansions = maxConflictExpansions;
    this.untilEquilibrium = untilEquilibrium;
  }

  /**
   * The same allocator followed, or not, by the improvement pass of {@link LocalSearch} (moves,
   * swaps, re-insertion; beyond seed 001).
   *
   * @param on whether to run the pass
   * @param budget most plans the pass evaluates (&ge; 0), each O(Σ|s_i| + n + m)
   * @return a new allocator
   */
  public PotentialGameAllocator withImprovement(boolean on, long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("budget must be >= 0, got " + budget + ".");
    }
    PotentialGameAllocator copy =
        new PotentialGameAllocator(seed, maxConflictExpansions, untilEquilibrium, fast);
    copy.improve = on;
    copy.improveBudget = budget;
    return copy;
  }

  @Override
  public AllocationPlan allocate(AllocationProblem problem) {
    return allocate(problem, Map.of());
  }

  /**
   * Allocates with robots that already executed tasks (used by global re-plans).
   *
   * @param problem robots (at their current places and times) and the tasks still to do
   * @param executedStartSums per robot id, Σ t_k over tasks it executed before (Eq. 5), seconds;
   *     missing robots count 0
   * @return the plan
   */
  public AllocationPlan allocate(AllocationProblem problem, Map<String, Double> executedStartSums) {
    Instance in = new Instance(problem);
    FleetState state = new FleetState(in);
    StrategySchedule.Anchor[] anchors = PlanAssembler.initialAnchors(in);
    for (int i = 0; i < in.n; i++) {
      double prior = executedStartSums.getOrDefault(in.robots[i].id(), 0.0);
      state.prior[i] = prior;
      anchors[i] = StrategySchedule.Anchor.at(in.startDist[i], in.robots[i].availableFrom(), prior);
    }
    Random rng = new Random(seed);
    FastWeights fw = fast && untilEquilibrium ? new FastWeights(in, state, state.prior) : null;
    List<Integer> open = new ArrayList<>();
    for (int j = 0; j < in.m; j++) {
      open.add(j);
    }
    List<UnassignedTask> unassigned = new ArrayList<>();
    long[] iterations = {0};
    int[][] lastPlain = new int[in.m][];
    int[] lastChanged = null;
    while (!open.isEmpty()) {
      checkInterrupted();
      Round round = new Round(in, state, open, rng, maxConflictExpansions, untilEquilibrium,
          iterations, fw == null ? null : fw.counts());
      Decision[] decisions = new Decision[in.m];
      List<Integer> dropped = new ArrayList<>();
      for (int j : open) {
        decisions[j] = round.decide(j, lastPlain[j], lastChanged);
        lastPlain[j] = decisions[j].plain().crew();
        if (!decisions[j].plain().found()) {
          dropped.add(j);
        }
      }
      for (int j : dropped) {
        unassigned.add(PlanAssembler.reason(in, state, j));
        open.remove(Integer.valueOf(j));
      }
      if (open.isEmpty()) {
        break;
      }
      int topPriority = open.stream().mapToInt(j -> in.tasks[j].priority()).max().orElseThrow();
      List<Integer> choices = new ArrayList<>();
      for (int j : open) {
        if (in.tasks[j].priority() == topPriority && decisions[j].resolved().found()) {
          choices.add(j);
        }
      }
      boolean fallback = choices.isEmpty();
      if (fallback) {
        for (int j : open) {
          if (in.tasks[j].priority() == topPriority) {
            choices.add(j);
          }
        }
      }
      int pick = choices.get(0);
      if (fw != null && choices.size() > 1) {
        fw.newRound(open, decisions, round.tight());
      }
      if (choices.size() > 1) {
        double bestWeight = Double.POSITIVE_INFINITY;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int j : choices) {
          checkInterrupted();
          SingleTaskGame.Outcome mine = decisions[j].chosen(fallback);
          double w = fw != null
              ? fw.weight(j, mine.crew(), open, decisions, (tight, counts) -> new Round(in, state,
                  rng, maxConflictExpansions, iterations, counts, tight), iterations)
              : weight(in, state, open, j, mine.crew(), decisions, round, rng, iterations);
          if (w < bestWeight - 1e-12
              || (Math.abs(w - bestWeight) <= 1e-12 && mine.utility() > bestUtility)) {
            bestWeight = w;
            bestUtility = mine.utility();
            pick = j;
          }
        }
      }
      lastChanged = decisions[pick].chosen(fallback).crew();
      state.assign(pick, lastChanged);
      if (fw != null) {
        fw.assigned(lastChanged);
      }
      open.remove(Integer.valueOf(pick));
    }
    int[][] seqs = PlanAssembler.toArrays(state.sequences);
    if (improve) {
      seqs = new LocalSearch(in, anchors, state.alive, seqs, improveBudget).run();
      boolean[] covered = new boolean[in.m];
      for (int[] s : seqs) {
        for (int j : s) {
          covered[j] = true;
        }
      }
      unassigned.removeIf(u -> covered[problem.taskIndex(u.taskId())]);
    }
    return PlanAssembler.assemble(in, PlanAssembler.noneExecuted(in.n), List.of(), anchors,
        seqs, unassigned, iterations[0]);
  }

  /** Long runs can be abandoned by interrupting the calling thread. */
  private static void checkInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("Allocation interrupted.");
    }
  }

  /** Eq. (21) via Algorithm 2: the worst next-round loss that assigning j inflicts. */
  private double weight(Instance in, FleetState state, List<Integer> open, int j, int[] crew,
      Decision[] now, Round current, Random rng, long[] iterations) {
    List<Integer> rest = new ArrayList<>(open);
    rest.remove(Integer.valueOf(j));
    int[] counts = current.eligibleCount.clone();
    for (int k : rest) {
      for (int i : crew) {
        counts[k] -= state.eligible(i, k) ? 1 : 0;
      }
    }
    FleetState.Saved saved = state.save(crew);
    state.assign(j, crew);
    for (int k : rest) {
      for (int i : crew) {
        counts[k] += state.eligible(i, k) ? 1 : 0;
      }
    }
    Round next = new Round(in, state, rest, rng, maxConflictExpansions, untilEquilibrium,
        iterations, counts);
    double worst = Double.NEGATIVE_INFINITY;
    for (int k : rest) {
      double before = now[k].best().utility();
      if (before == Double.NEGATIVE_INFINITY) {
        continue;
      }
      double after = next.decide(k, now[k].plain().crew(), crew).best().utility();
      worst = Math.max(worst, before - after);
    }
    state.undo(j, saved);
    return rest.isEmpty() ? 0 : worst;
  }

  /**
   * Algorithm 1 alone for one task, from the robots' initial states (Figs. 5–6).
   *
   * @param problem the problem
   * @param taskId the task
   * @return the crew, its utility and the comparisons made
   */
  public SingleTaskResult bestCrew(AllocationProblem problem, String taskId) {
    Instance in = new Instance(problem);
    FleetState state = new FleetState(in);
    int j = problem.taskIndex(taskId);
    SingleTaskGame.Outcome o =
        SingleTaskGame.play(in.need[j], state.view(j), new Random(seed), untilEquilibrium);
    List<String> ids = new ArrayList<>();
    if (o.found()) {
      for (int i : o.crew()) {
        ids.add(in.robots[i].id());
      }
    }
    return new SingleTaskResult(ids, o.utility(), o.iterations());
  }

  /** A task's unconstrained best crew and its conflict-free replacement (may be none). */
  record Decision(SingleTaskGame.Outcome plain, SingleTaskGame.Outcome resolved) {
    SingleTaskGame.Outcome chosen(boolean fallback) {
      return fallback ? plain : resolved;
    }

    SingleTaskGame.Outcome best() {
      return resolved.found() ? resolved : plain;
    }
  }

  /** One fleet state x(l) with the eligibility counts that the §2.2 conflict test needs. */
  static final class Round {
    private final Instance in;
    private final FleetState state;
    private final List<Integer> open;
    private final Random rng;
    private final int maxExpansions;
    private final boolean untilEquilibrium;
    private final long[] iterations;
    final int[] eligibleCount;
    private final List<Integer> tight;

    Round(Instance in, FleetState state, List<Integer> open, Random rng, int maxExpansions,
        boolean untilEquilibrium, long[] iterations) {
      this(in, state, open, rng, maxExpansions, untilEquilibrium, iterations, null);
    }

    /** {@code counts}: eligible robots per task when already known (else recounted, O(m·n)). */
    Round(Instance in, FleetState state, List<Integer> open, Random rng, int maxExpansions,
        boolean untilEquilibrium, long[] iterations, int[] counts) {
      this.untilEquilibrium = untilEquilibrium;
      this.in = in;
      this.state = state;
      this.open = open;
      this.rng = rng;
      this.maxExpansions = maxExpansions;
      this.iterations = iterations;
      if (counts != null) {
        eligibleCount = counts;
      } else {
        eligibleCount = new int[in.m];
        for (int k : open) {
          eligibleCount[k] = state.eligibleCount(k);
        }
      }
      // Only tasks within max N_j robots of becoming infeasible can be hit by a conflict.
      int maxNeed = 0;
      for (int k : open) {
        maxNeed = Math.max(maxNeed, in.need[k]);
      }
      List<Integer> near = new ArrayList<>();
      for (int k : open) {
        if (eligibleCount[k] >= in.need[k] && eligibleCount[k] - maxNeed < in.need[k]) {
          near.add(k);
        }
      }
      tight = near;
    }

    /** The fast mode's next round: counts and the tasks near infeasibility already known. */
    Round(Instance in, FleetState state, Random rng, int maxExpansions, long[] iterations,
        int[] counts, List<Integer> tight) {
      this.untilEquilibrium = true;
      this.in = in;
      this.state = state;
      this.open = null;
      this.rng = rng;
      this.maxExpansions = maxExpansions;
      this.iterations = iterations;
      this.eligibleCount = counts;
      this.tight = tight;
    }

    /** Open tasks within max N_j robots of becoming infeasible. */
    List<Integer> tight() {
      return tight;
    }

    /** §2.1 then §2.2 for task j, continuing from its last equilibrium crew when known. */
    Decision decide(int j, int[] warm, int[] changed) {
      TaskView view = state.view(j);
      if (state.fast != null) {
        view.pruning(eligibleCount[j]);
      }
      SingleTaskGame.Outcome plain =
          SingleTaskGame.play(in.need[j], view, rng, untilEquilibrium, warm, changed);
      iterations[0] += plain.iterations();
      ConflictElimination.Result r = ConflictElimination.resolve(plain, view,
          crew -> conflicts(j, crew, view), maxExpansions);
      iterations[0] += r.iterations();
      return new Decision(plain, r.outcome());
    }

    /** §2.2: would this crew leave another open task with fewer than N_k eligible robots? */
    private boolean conflicts(int j, int[] crew, TaskView view) {
      double start = in.appear[j];
      for (int i : crew) {
        start = Math.max(start, view.arrival(i));
      }
      double free = start + in.duration[j];
      for (int k : tight) {
        // A crew of N_j robots can remove at most N_j eligible robots from task k.
        if (k == j || eligibleCount[k] < in.need[k]
            || eligibleCount[k] - crew.length >= in.need[k]) {
          continue;
        }
        int count = eligibleCount[k];
        for (int i : crew) {
          if (state.eligible(i, k)) {
            count--;
          }
          if (in.lambda[i][k] > 0
              && free + in.tau(i, in.taskDist[j][k]) <= in.deadline[k] + 1e-9) {
            count++;
          }
        }
        if (count < in.need[k]) {
          return true;
        }
      }
      return false;
    }
  }
}
