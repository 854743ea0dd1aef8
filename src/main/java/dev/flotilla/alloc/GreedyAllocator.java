package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.TaskAllocator;
import dev.flotilla.alloc.api.UnassignedTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Baseline: tasks are taken once, by user priority (high first), then appearance time, then input
 * order; each gets the N_j capable robots that can arrive soonest (nearest in time), all starting
 * together at the latest arrival (Eq. 1). No look-ahead, no reliability or utility reasoning.
 * O(m·n log n).
 */
public final class GreedyAllocator implements TaskAllocator {

  @Override
  public AllocationPlan allocate(AllocationProblem problem) {
    Instance in = new Instance(problem);
    FleetState state = new FleetState(in);
    List<UnassignedTask> unassigned = new ArrayList<>();
    long iterations = 0;
    Integer[] order = IntStream.range(0, in.m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingInt(j -> -in.tasks[j].priority())
        .thenComparingDouble(j -> in.appear[j])
        .thenComparingInt(j -> j));
    for (int j : order) {
      TaskView view = state.view(j);
      int[] pool = view.candidates();
      iterations += pool.length;
      if (pool.length < in.need[j]) {
        unassigned.add(PlanAssembler.reason(in, state, j));
        continue;
      }
      int[] crew = IntStream.of(pool).boxed()
          .sorted(Comparator.comparingDouble(view::arrival))
          .limit(in.need[j])
          .mapToInt(x -> x)
          .toArray();
      state.assign(j, crew);
    }
    return PlanAssembler.assemble(in, PlanAssembler.noneExecuted(in.n), List.of(),
        PlanAssembler.initialAnchors(in), PlanAssembler.toArrays(state.sequences), unassigned,
        iterations);
  }
}
