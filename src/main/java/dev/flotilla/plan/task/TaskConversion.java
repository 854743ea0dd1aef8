package dev.flotilla.plan.task;

/** Outcome of turning an R-poset into planner subtasks: the spec, or why it cannot be planned. */
public sealed interface TaskConversion {

  /**
   * The R-poset can be planned.
   *
   * @param spec the planner's view of it
   */
  record Converted(TaskSpec spec) implements TaskConversion {}

  /**
   * Some subtask needs something the planner cannot produce.
   *
   * @param reason a plain sentence naming the subtask and literal
   */
  record Unsupported(String reason) implements TaskConversion {}
}
