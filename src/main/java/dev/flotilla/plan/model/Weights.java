package dev.flotilla.plan.model;

/**
 * Coefficients of the objective alpha t_m + beta c_r + gamma c_t (Eq. (2) of seed 003).
 *
 * @param alpha weight of the makespan t_m (per second)
 * @param beta weight of the resource cost c_r (per cost unit)
 * @param gamma weight of the travelled distance c_t (per metre)
 */
public record Weights(double alpha, double beta, double gamma) {

  /** Rejects negative or non-finite weights. */
  public Weights {
    for (double w : new double[] {alpha, beta, gamma}) {
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("Objective weights must be finite and >= 0.");
      }
    }
  }

  /**
   * Evaluates Eq. (2).
   *
   * @param makespanS t_m in seconds
   * @param resourceCost c_r in cost units
   * @param travelM c_t in metres
   * @return the weighted objective
   */
  public double objective(double makespanS, double resourceCost, double travelM) {
    return alpha * makespanS + beta * resourceCost + gamma * travelM;
  }
}
