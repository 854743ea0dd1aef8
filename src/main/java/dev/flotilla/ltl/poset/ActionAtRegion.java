package dev.flotilla.ltl.poset;

import java.util.Optional;

/**
 * The reading of a proposition a_{i,m} of §2.4 of seed 003 as "action {@code action} at region
 * {@code region}": the name is split at its first underscore, so {@code sw_r1} is action
 * {@code sw} at {@code r1} and {@code Do_f4} is the agent-type label {@code Do} at {@code f4}.
 *
 * @param action the action label or agent-type label, e.g. {@code sw}, {@code Do}
 * @param region the region name, e.g. {@code r1}
 */
public record ActionAtRegion(String action, String region) {

  /**
   * Splits a proposition name.
   *
   * @param proposition a name such as {@code om_t3}
   * @return the parts, or empty when the name has no underscore with text on both sides
   */
  public static Optional<ActionAtRegion> parse(String proposition) {
    int cut = proposition.indexOf('_');
    if (cut <= 0 || cut == proposition.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(
        new ActionAtRegion(proposition.substring(0, cut), proposition.substring(cut + 1)));
  }

  /** Renders the proposition name, e.g. {@code sw_r1}. */
  @Override
  public String toString() {
    return action + "_" + region;
  }
}
