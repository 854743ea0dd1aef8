package dev.flotilla.plan.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An action a_i of the fleet (Table A1 of seed 003): its label, duration d_act(a_i) and the
 * resource C_A(a_i) it consumes in the region where it is executed.
 *
 * @param label short label used in propositions, e.g. {@code sw} gives {@code sw_r1}
 * @param name human readable name, e.g. "Supply Water"
 * @param durationS total work d_act in seconds; collaborating agents share it (sum t_n = d_act)
 * @param consumes resource kind consumed (one unit per execution), empty if none
 * @param sites regions where the action may run when it is not the action named by the task (empty:
 *     anywhere its resource is, or at the task's region if it consumes nothing)
 */
public record ActionSpec(
    String label, String name, double durationS, Optional<String> consumes, Set<String> sites) {

  /** Validates the duration and copies the site set. */
  public ActionSpec {
    Objects.requireNonNull(label, "An action needs a label.");
    if (!(durationS > 0) || !Double.isFinite(durationS)) {
      throw new IllegalArgumentException(
          "Action " + label + " needs a positive finite duration, got " + durationS + " s.");
    }
    consumes = Objects.requireNonNull(consumes);
    sites = Set.copyOf(sites);
  }
}
