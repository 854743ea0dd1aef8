package dev.flotilla.plan.task;

import java.util.Objects;
import java.util.Set;

/**
 * A subtask omega_l = (l, sigma_l, sigma_l^s) of an R-poset (Definition 2 of seed 003), in the form
 * the planner consumes: sigma_l names one action a at one region m (proposition {@code a_m}); its
 * negative agent-type literals (e.g. {@code !Do_f4}) exclude types from the action; sigma_l^s lists
 * propositions that must stay false until the subtask is done (e.g. {@code Vo_f6} from {@code
 * (!Vo_f6 && !Ju_f6) U gi_f6}).
 *
 * @param id index l, unique within a {@link TaskSpec}
 * @param action action label a, e.g. {@code sw}
 * @param region region name m, e.g. {@code r1}
 * @param excludedTypeLabels agent-type labels that must not take part (from sigma_l)
 * @param forbiddenUntilDone propositions that must stay false until this subtask completes
 */
public record SubtaskSpec(
    int id,
    String action,
    String region,
    Set<String> excludedTypeLabels,
    Set<String> forbiddenUntilDone) {

  /** Copies the sets. */
  public SubtaskSpec {
    Objects.requireNonNull(action, "A subtask needs an action.");
    Objects.requireNonNull(region, "A subtask needs a region.");
    excludedTypeLabels = Set.copyOf(excludedTypeLabels);
    forbiddenUntilDone = Set.copyOf(forbiddenUntilDone);
  }

  /**
   * A subtask with no negative literals.
   *
   * @param id index
   * @param action action label
   * @param region region name
   * @return the subtask
   */
  public static SubtaskSpec of(int id, String action, String region) {
    return new SubtaskSpec(id, action, region, Set.of(), Set.of());
  }

  /**
   * The proposition a_m that this subtask makes true.
   *
   * @return e.g. {@code sw_r1}
   */
  public String proposition() {
    return action + "_" + region;
  }
}
