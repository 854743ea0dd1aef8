package dev.flotilla.alloc.api;

/**
 * Weights of the utility model of seed 001 §1.
 *
 * @param alpha α of Eq. (2), weight of capability × base utility (dimensionless)
 * @param beta β of Eq. (2), utility units per metre of travel
 * @param sigmaF σ_f of Eq. (5), positive constant scaling the fault probability (1/s per ω)
 * @param delta δ of Eq. (3), utility threshold under which a decayed task has failed
 * @param mode plain expected utility, or seed 000's quality − cost
 */
public record UtilityParams(
    double alpha, double beta, double sigmaF, double delta, UtilityMode mode) {

  /** Validates every field, naming the offending one. */
  public UtilityParams {
    ArgumentChecks.nonNegative(alpha, "alpha");
    ArgumentChecks.nonNegative(beta, "beta");
    ArgumentChecks.nonNegative(sigmaF, "sigmaF");
    ArgumentChecks.positive(delta, "delta");
    ArgumentChecks.nonNull(mode, "mode");
  }

  /**
   * Plain expected-utility parameters.
   *
   * @param alpha α
   * @param beta β, 1/m
   * @param sigmaF σ_f
   * @param delta δ
   * @return the parameters
   */
  public static UtilityParams of(double alpha, double beta, double sigmaF, double delta) {
    return new UtilityParams(alpha, beta, sigmaF, delta, UtilityMode.EXPECTED_UTILITY);
  }

  /**
   * Same weights, another scoring mode.
   *
   * @param newMode the mode
   * @return the copy
   */
  public UtilityParams withMode(UtilityMode newMode) {
    return new UtilityParams(alpha, beta, sigmaF, delta, newMode);
  }
}
