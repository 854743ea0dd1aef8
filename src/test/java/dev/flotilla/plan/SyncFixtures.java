package dev.flotilla.plan;

import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.TaskSpec;
import java.util.Map;

/** Public bridge so tests in sub-packages can build problems on the mini world. */
public final class SyncFixtures {

  private SyncFixtures() {}

  /**
   * A problem on the mini world of {@link Fixtures#mini()}.
   *
   * @param counts agents per type, in the order agents are numbered
   * @param tasks the tasks
   * @param w objective weights
   * @return the problem
   */
  public static PlanningProblem problem(Map<String, Integer> counts, TaskSpec tasks, Weights w) {
    return Fixtures.problem(Fixtures.mini(), counts, tasks, w);
  }
}
