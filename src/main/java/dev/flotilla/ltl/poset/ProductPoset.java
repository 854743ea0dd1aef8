package dev.flotilla.ltl.poset;

import java.util.List;

/**
 * One member P'_i of the product P_1 ⊗ P_2 (Definition 3 of seed 003), with the id map of P_2.
 * Subtask ids of P_1 keep their meaning in {@code poset}, so a running plan that refers to them
 * stays valid.
 *
 * @param poset the product R-poset
 * @param rightIds {@code rightIds.get(j)} is the product id of subtask j of P_2 (a P_1 id when the
 *     two subtasks were merged into one execution)
 */
public record ProductPoset(RPoset poset, List<Integer> rightIds) {

  /** Copies the id map. */
  public ProductPoset {
    rightIds = List.copyOf(rightIds);
  }
}
