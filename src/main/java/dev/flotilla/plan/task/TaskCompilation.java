package dev.flotilla.plan.task;

import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.poset.RPoset;
import java.util.List;

/** Outcome of {@link LtlTaskCompiler}: subtasks ready to plan, or why the formulas were refused. */
public sealed interface TaskCompilation {

  /**
   * Formulas compiled to one R-poset and its planner view.
   *
   * @param poset the product R-poset (ids are the planner's subtask ids)
   * @param spec the planner's view of {@code poset}
   * @param formulas every formula's compilation, with its automaton for replay
   */
  record Compiled(RPoset poset, TaskSpec spec, List<LtlCompilation.Compiled> formulas)
      implements TaskCompilation {

    /** Copies the list. */
    public Compiled {
      formulas = List.copyOf(formulas);
    }
  }

  /**
   * A formula, or their combination, cannot be planned.
   *
   * @param formula the offending formula text (all of them joined when the product fails)
   * @param reason a plain sentence
   */
  record Rejected(String formula, String reason) implements TaskCompilation {}
}
