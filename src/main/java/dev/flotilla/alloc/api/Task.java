package dev.flotilla.alloc.api;

import dev.flotilla.model.Point3;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A multi-robot task T_j of seed 001 §1.
 *
 * @param id unique task name
 * @param location where the robots must meet, metres in the map frame
 * @param requiredRobots N_j, robots that must be present at the same time (Eq. 1, Eq. 10), &ge; 1
 * @param baseUtility r_j of Eq. (2), utility units
 * @param decay μ_j of Eqs. (3)–(4), 1/s (&ge; 0)
 * @param duration seconds the robots stay once all have arrived (the paper uses 0)
 * @param appearanceTime t_j^0, seconds on the plan clock; the task cannot start earlier
 * @param deadline optional hard deadline, seconds on the plan clock; the effective deadline is the
 *     earlier of this and the decay deadline t_j^d of Eq. (3)
 * @param priority user priority: tasks of a higher value are allocated in earlier rounds; ties use
 *     the seed's weights w_j (Eq. 21)
 * @param requiredCapabilities capability names every participating robot must offer
 */
public record Task(
    String id,
    Point3 location,
    int requiredRobots,
    double baseUtility,
    double decay,
    double duration,
    double appearanceTime,
    OptionalDouble deadline,
    int priority,
    Set<String> requiredCapabilities) {

  /** Validates every field, naming the offending one. */
  public Task {
    ArgumentChecks.id(id, "task");
    ArgumentChecks.nonNull(location, "task " + id + ": location");
    if (requiredRobots < 1) {
      throw new IllegalArgumentException(
          "task " + id + ": requiredRobots must be >= 1, got " + requiredRobots + ".");
    }
    ArgumentChecks.finite(baseUtility, "task " + id + ": baseUtility");
    ArgumentChecks.nonNegative(decay, "task " + id + ": decay");
    ArgumentChecks.nonNegative(duration, "task " + id + ": duration");
    ArgumentChecks.nonNegative(appearanceTime, "task " + id + ": appearanceTime");
    ArgumentChecks.nonNull(deadline, "task " + id + ": deadline");
    if (deadline.isPresent()) {
      ArgumentChecks.finite(deadline.getAsDouble(), "task " + id + ": deadline");
    }
    requiredCapabilities =
        Set.copyOf(ArgumentChecks.nonNull(requiredCapabilities,
            "task " + id + ": requiredCapabilities"));
  }

  /**
   * A task present from time 0, instantaneous, without hard deadline, priority or capability names.
   *
   * @param id unique task name
   * @param location metres in the map frame
   * @param requiredRobots N_j
   * @param baseUtility r_j
   * @param decay μ_j, 1/s
   * @return the task
   */
  public static Task of(
      String id, Point3 location, int requiredRobots, double baseUtility, double decay) {
    return new Task(
        id, location, requiredRobots, baseUtility, decay, 0, 0, OptionalDouble.empty(), 0,
        Set.of());
  }

  /**
   * Copy of this task that appears later.
   *
   * @param time t_j^0, seconds on the plan clock
   * @return the copy
   */
  public Task appearingAt(double time) {
    return new Task(
        id, location, requiredRobots, baseUtility, decay, duration, time, deadline, priority,
        requiredCapabilities);
  }
}
