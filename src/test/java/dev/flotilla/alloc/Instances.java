package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.CapabilityModel;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.UtilityMode;
import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.alloc.travel.StraightLineTravel;
import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

/** Seeded random instances in the spirit of Figs. 5–8 of seed 001 (2 km square, N_j = 2). */
public final class Instances {
  private Instances() {}

  public static final UtilityParams PARAMS = UtilityParams.of(1.0, 0.001, 1e-5, 1.0);

  public static AllocationProblem random(long seed, int n, int m, int maxNeed) {
    Random rng = new Random(seed);
    List<Robot> robots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      robots.add(new Robot("A" + (i + 1), Point3.of(rng.nextDouble() * 2000,
          rng.nextDouble() * 2000), 5 + rng.nextDouble() * 15, 0.25 + rng.nextDouble() * 0.75,
          0.5 + rng.nextDouble(), 0, 0, Set.of()));
    }
    List<Task> tasks = new ArrayList<>();
    Map<String, Map<String, Double>> lambda = new HashMap<>();
    for (int j = 0; j < m; j++) {
      int need = 1 + rng.nextInt(Math.min(maxNeed, n));
      tasks.add(Task.of("T" + (j + 1), Point3.of(rng.nextDouble() * 2000,
          rng.nextDouble() * 2000), need, 10 + rng.nextDouble() * 10,
          1e-4 + rng.nextDouble() * 4e-4));
    }
    for (Robot r : robots) {
      Map<String, Double> row = new HashMap<>();
      for (Task t : tasks) {
        row.put(t.id(), rng.nextDouble() < 0.15 ? 0.0 : 0.2 + 0.8 * rng.nextDouble());
      }
      lambda.put(r.id(), row);
    }
    return new AllocationProblem(robots, tasks, CapabilityModel.ofTable(lambda),
        new StraightLineTravel(), PARAMS);
  }

  /** A random instance scored as seed 000's quality − cost, robots costing 0.002–0.012 /s. */
  public static AllocationProblem withCosts(long seed, int n, int m) {
    AllocationProblem base = random(seed, n, m, 2);
    Random rng = new Random(seed + 1);
    List<Robot> robots = new ArrayList<>();
    for (Robot r : base.robots()) {
      robots.add(new Robot(r.id(), r.position(), r.maxSpeed(), r.maxAcceleration(),
          r.reliability(), 0.002 + 0.01 * rng.nextDouble(), 0, Set.of()));
    }
    return new AllocationProblem(robots, base.tasks(), base.capability(), base.travel(),
        PARAMS.withMode(UtilityMode.QUALITY_MINUS_COST));
  }

  /**
   * A random instance plus tasks that cannot be covered (one per reason), a late task with a
   * duration, and a capability-restricted task.
   */
  static AllocationProblem withTrouble(long seed, int n, int m) {
    AllocationProblem base = random(seed, n, m, 2);
    List<Task> tasks = new ArrayList<>(base.tasks());
    tasks.add(new Task("tooMany", Point3.of(100, 100), n + 1, 15, 1e-4, 0, 0,
        OptionalDouble.empty(), 0, Set.of()));
    tasks.add(new Task("nobody", Point3.of(200, 100), 1, 15, 1e-4, 0, 0,
        OptionalDouble.empty(), 0, Set.of("weld")));
    tasks.add(new Task("tooSoon", Point3.of(1900, 1900), 1, 15, 1e-4, 0, 0,
        OptionalDouble.of(1.0), 0, Set.of()));
    tasks.add(new Task("late", Point3.of(500, 700), 2, 15, 2e-4, 30, 400,
        OptionalDouble.empty(), 0, Set.of()));
    List<Robot> robots = new ArrayList<>(base.robots());
    Robot r0 = robots.get(0);
    robots.set(0, new Robot(r0.id(), r0.position(), r0.maxSpeed(), r0.maxAcceleration(),
        r0.reliability(), 0, 0, Set.of("lift")));
    Robot r1 = robots.get(1);
    robots.set(1, new Robot(r1.id(), r1.position(), r1.maxSpeed(), r1.maxAcceleration(),
        r1.reliability(), 0, 0, Set.of("lift")));
    tasks.add(new Task("lift", Point3.of(1000, 1000), 2, 15, 1e-4, 10, 0,
        OptionalDouble.empty(), 0, Set.of("lift")));
    CapabilityModel inner = base.capability();
    CapabilityModel lambda = (robot, task) -> task.id().equals("nobody")
        || task.id().equals("tooMany") || task.id().equals("tooSoon") || task.id().equals("late")
        || task.id().equals("lift") ? 0.7 : inner.capability(robot, task);
    return new AllocationProblem(robots, tasks, lambda, base.travel(), base.params());
  }
}
