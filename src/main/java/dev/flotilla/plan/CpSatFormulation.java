package dev.flotilla.plan;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearArgument;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What {@link CpSatPlanner} needs of a CP-SAT model of seed 003's planning problem: the model, how
 * its objective bound reads in Eq. (2), how a solution becomes an assignment order, and how a
 * known plan is hinted. Two implementations: {@link CpSatExactModel} (collaborators placed, for
 * the sizes where it fits) and {@link CpSatModel} (collaborators relaxed, for larger instances).
 */
interface CpSatFormulation {

  /**
   * The model to solve.
   *
   * @return the CP-SAT model
   */
  CpModel model();

  /**
   * The Eq. (2) value of a model objective bound.
   *
   * @param modelBound CP-SAT's best objective bound
   * @return a lower bound on every plan's objective
   */
  double realBound(double modelBound);

  /**
   * Decodes a solution into assignments in timing order, frozen prefix first.
   *
   * @param value reads a variable's value in the solution
   * @return the assignments
   */
  List<ChainAssignment> decode(ToLongFunction<LinearArgument> value);

  /**
   * Hints a known plan to the solver.
   *
   * @param assignments the plan's assignments; the frozen prefix is skipped
   * @param timed the plan's step times
   */
  void hint(List<ChainAssignment> assignments, Plan timed);

  /**
   * How far below the real optimum the bound may lie because the model rounds times down: a plan
   * within this of the bound is optimal up to that rounding.
   *
   * @param objective the plan's Eq. (2) value
   * @return Eq. (2) units, 0 when not accounted
   */
  default double roundingSlack(double objective) {
    return 0;
  }

  /**
   * Whether solutions decode to plans that time exactly as the model predicts, collaborators
   * included (so the bound is tight, not only valid).
   *
   * @return true for the exact formulation
   */
  boolean exact();
}
