package dev.flotilla.resume;

import java.util.List;

/**
 * λ_ij with its explanation: a value in [0, 1] and, when it is 0, why.
 *
 * @param lambda 0 when a hard requirement fails, else the product of the requirement scores
 * @param reasons one plain sentence per failed requirement (empty when feasible)
 */
public record Assessment(double lambda, List<String> reasons) {

  /** Defensive copy. */
  public Assessment {
    reasons = List.copyOf(reasons);
  }

  /** True when the robot can do the task. */
  public boolean feasible() {
    return lambda > 0;
  }
}
