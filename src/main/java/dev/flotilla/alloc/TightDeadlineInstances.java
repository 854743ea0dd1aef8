package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

/**
 * Seeded hard instances for the potential game (issue 15): the robots and weights of {@link
 * RandomAllocationInstances} in a 3 km square, tasks that appear late (up to 10 min), stay 30–120 s
 * and must start within 2–12 min of appearing (hard deadlines), each needing 1 to 3 robots. Here
 * the game's crew-by-crew rounds can leave tasks undone that a feasible plan covers. O(n·m).
 */
public final class TightDeadlineInstances {
  private TightDeadlineInstances() {}

  /**
   * The seeded set of issue 15: 4–8 robots and 3–6 tasks drawn from the seed (small enough for
   * {@link ExhaustiveAllocator}).
   *
   * @param seed random seed
   * @return the problem
   */
  public static AllocationProblem sized(long seed) {
    Random r = new Random(seed);
    int n = 4 + r.nextInt(5);
    int m = 3 + r.nextInt(4);
    return generate(seed, n, m);
  }

  /**
   * @param seed random seed
   * @param robots n
   * @param tasks m
   * @return the problem
   */
  public static AllocationProblem generate(long seed, int robots, int tasks) {
    AllocationProblem base =
        RandomAllocationInstances.generate(seed, robots, tasks, 1, 3000);
    Random rng = new Random(seed * 31 + 7);
    List<Task> list = new ArrayList<>();
    for (Task t : base.tasks()) {
      double appear = 600 * rng.nextDouble();
      double slack = 120 + 600 * rng.nextDouble();
      list.add(new Task(t.id(), t.location(), 1 + rng.nextInt(3), t.baseUtility(), t.decay(),
          30 + 90 * rng.nextDouble(), appear, OptionalDouble.of(appear + slack), 0, Set.of()));
    }
    return base.withTasks(list);
  }
}
