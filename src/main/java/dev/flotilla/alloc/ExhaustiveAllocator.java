package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.TaskAllocator;
import dev.flotilla.alloc.api.UnassignedTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Exact baseline ("enumeration" in §4 of seed 001): depth-first search over every order in which
 * tasks are appended to the robots' strategies and every crew of N_j eligible robots for each,
 * including leaving tasks out. Each robot's tasks run in append order and start as early as Eq. (1)
 * allows, which loses nothing because u_j^E never grows when a start is delayed. The objective is
 * lexicographic: most tasks covered, then the largest u_g^E (Eq. 8). Two sound prunings keep it
 * usable: a partial-order reduction (two consecutive tasks with disjoint crews are only explored in
 * index order, since their order changes nothing) and an optimistic bound Σ top-N_j(α λ_ij r_j)
 * on the tasks still open. Worst case O(m!·C(n, N)^m); refuses more than 8 tasks or 12 robots.
 */
public final class ExhaustiveAllocator implements TaskAllocator {
  /** Largest instance accepted. */
  public static final int MAX_TASKS = 8;

  /** Largest fleet accepted. */
  public static final int MAX_ROBOTS = 12;

  @Override
  public AllocationPlan allocate(AllocationProblem problem) {
    if (problem.tasks().size() > MAX_TASKS || problem.robots().size() > MAX_ROBOTS) {
      throw new IllegalArgumentException("ExhaustiveAllocator handles at most " + MAX_TASKS
          + " tasks and " + MAX_ROBOTS + " robots, got " + problem.tasks().size() + " and "
          + problem.robots().size() + ".");
    }
    Search s = new Search(new Instance(problem));
    s.run();
    Instance in = s.in;
    FleetState replay = new FleetState(in);
    List<UnassignedTask> unassigned = new ArrayList<>();
    boolean[] covered = new boolean[in.m];
    for (int[] step : s.bestSteps) {
      int j = step[0];
      int[] crew = Arrays.copyOfRange(step, 1, step.length);
      replay.assign(j, crew);
      covered[j] = true;
    }
    FleetState initial = new FleetState(in);
    for (int j = 0; j < in.m; j++) {
      if (!covered[j]) {
        unassigned.add(PlanAssembler.reason(in, initial, j));
      }
    }
    return PlanAssembler.assemble(in, PlanAssembler.noneExecuted(in.n), List.of(),
        PlanAssembler.initialAnchors(in), PlanAssembler.toArrays(replay.sequences), unassigned,
        s.iterations);
  }

  /**
   * Enumerates all C(n, N_j) crews for one task from the initial states (Figs. 5–6).
   *
   * @param problem the problem
   * @param taskId the task
   * @return the best crew, its u_j^E and the number of crews scored
   */
  public SingleTaskResult bestCrew(AllocationProblem problem, String taskId) {
    Instance in = new Instance(problem);
    int j = problem.taskIndex(taskId);
    TaskView view = new FleetState(in).view(j);
    int[][] best = {null};
    double[] bestU = {Double.NEGATIVE_INFINITY};
    long[] count = {0};
    forEachCrew(view.candidates(), in.need[j], crew -> {
      count[0]++;
      double u = view.score(crew);
      if (best[0] == null || u > bestU[0]) {
        bestU[0] = u;
        best[0] = crew.clone();
      }
    });
    List<String> ids = new ArrayList<>();
    if (best[0] != null) {
      for (int i : best[0]) {
        ids.add(in.robots[i].id());
      }
    }
    return new SingleTaskResult(ids, bestU[0], count[0]);
  }

  static void forEachCrew(int[] pool, int need, Consumer<int[]> action) {
    if (pool.length < need) {
      return;
    }
    int[] idx = new int[need];
    for (int k = 0; k < need; k++) {
      idx[k] = k;
    }
    int[] crew = new int[need];
    while (true) {
      for (int k = 0; k < need; k++) {
        crew[k] = pool[idx[k]];
      }
      action.accept(crew);
      int k = need - 1;
      while (k >= 0 && idx[k] == pool.length - need + k) {
        k--;
      }
      if (k < 0) {
        return;
      }
      idx[k]++;
      for (int l = k + 1; l < need; l++) {
        idx[l] = idx[l - 1] + 1;
      }
    }
  }

  private static final class Search {
    final Instance in;
    final FleetState state;
    final double[] bound;
    final boolean[] done;
    final List<int[]> steps = new ArrayList<>();
    List<int[]> bestSteps = new ArrayList<>();
    int bestCount = -1;
    double bestUtility = Double.NEGATIVE_INFINITY;
    long iterations;

    Search(Instance in) {
      this.in = in;
      state = new FleetState(in);
      done = new boolean[in.m];
      bound = new double[in.m];
      for (int j = 0; j < in.m; j++) {
        double[] c = new double[in.n];
        for (int i = 0; i < in.n; i++) {
          c[i] = Math.max(0, in.alpha * in.lambda[i][j] * in.base[j]);
        }
        Arrays.sort(c);
        for (int k = 0; k < in.need[j] && k < in.n; k++) {
          bound[j] += c[in.n - 1 - k];
        }
      }
    }

    void run() {
      dfs(-1, new int[0], 0, 0);
    }

    private void dfs(int last, int[] lastCrew, int count, double utility) {
      if (count > bestCount || (count == bestCount && utility > bestUtility + 1e-12)) {
        bestCount = count;
        bestUtility = utility;
        bestSteps = new ArrayList<>(steps);
      }
      int open = 0;
      double optimistic = 0;
      for (int j = 0; j < in.m; j++) {
        if (!done[j]) {
          open++;
          optimistic += bound[j];
        }
      }
      if (count + open < bestCount
          || (count + open == bestCount && utility + optimistic <= bestUtility + 1e-12)) {
        return;
      }
      for (int j = 0; j < in.m; j++) {
        if (done[j]) {
          continue;
        }
        TaskView view = state.view(j);
        final int task = j;
        forEachCrew(view.candidates(), in.need[j], crew -> {
          if (last >= 0 && task < last && disjoint(crew, lastCrew)) {
            return;
          }
          iterations++;
          double u = view.score(crew);
          int[] members = crew.clone();
          FleetState.Saved saved = state.save(members);
          state.assign(task, members);
          done[task] = true;
          int[] step = new int[members.length + 1];
          step[0] = task;
          System.arraycopy(members, 0, step, 1, members.length);
          steps.add(step);
          dfs(task, members, count + 1, utility + u);
          steps.remove(steps.size() - 1);
          done[task] = false;
          state.undo(task, saved);
        });
      }
    }

    private static boolean disjoint(int[] a, int[] b) {
      for (int x : a) {
        for (int y : b) {
          if (x == y) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
