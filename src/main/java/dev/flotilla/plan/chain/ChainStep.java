package dev.flotilla.plan.chain;

/**
 * One element (a_j, W_mj) of an action-path chain (Definition 6 of seed 003).
 *
 * @param action action label
 * @param region region where it is executed
 */
public record ChainStep(String action, String region) {

  /**
   * The proposition a_m this step makes true.
   *
   * @return e.g. {@code gw_s1}
   */
  public String proposition() {
    return action + "_" + region;
  }

  @Override
  public String toString() {
    return "(" + action + ", " + region + ")";
  }
}
