package dev.flotilla.ltl.poset;

import java.util.Objects;
import java.util.SortedSet;

/**
 * A subtask ω_ℓ = (ℓ, σ_ℓ, σ^s_ℓ) of an R-poset (Definition 2 of seed 003).
 *
 * <p>{@code id} is the index ℓ, unique within its {@link RPoset}. {@code enabling} is σ_ℓ: the
 * letter at the instant the subtask is executed must satisfy it; its positive propositions (e.g.
 * {@code sw_r1}, action {@code sw} at region {@code r1}) are what the fleet must make true, its
 * negative ones must be false at that instant (e.g. {@code !om_t4}). {@code selfLoop} is σ^s_ℓ:
 * every letter strictly before the subtask is executed must satisfy it; in practice it lists
 * propositions that must not happen yet (e.g. {@code !Vo_f2 && !Re_f2} for φ6).
 *
 * @param id the index ℓ, 0-based and dense within the poset
 * @param enabling σ_ℓ, the condition at execution
 * @param selfLoop σ^s_ℓ, the condition while waiting for execution
 */
public record Subtask(int id, Guard enabling, Guard selfLoop) {

  /** Checks the arguments. */
  public Subtask {
    if (id < 0) {
      throw new IllegalArgumentException("A subtask id must be >= 0, got " + id + ".");
    }
    Objects.requireNonNull(enabling, "enabling");
    Objects.requireNonNull(selfLoop, "selfLoop");
  }

  /**
   * The propositions the fleet must make true to execute this subtask, e.g. {@code [sw_r1]}.
   *
   * @return the positive literals of σ_ℓ
   */
  public SortedSet<String> propositions() {
    return enabling.positive();
  }

  /**
   * A copy with another id (used when posets are combined).
   *
   * @param newId the new index
   * @return the renumbered subtask
   */
  public Subtask withId(int newId) {
    return new Subtask(newId, enabling, selfLoop);
  }

  /**
   * A short label such as {@code sw_r1} or {@code dc_t4 && !om_t4}.
   *
   * @return σ_ℓ rendered as text
   */
  public String label() {
    return enabling.toString();
  }
}
