package dev.flotilla.alloc;

import java.util.List;

/**
 * The best crew found for one task in the initial fleet state (Figs. 5–6 of seed 001).
 *
 * @param robotIds the crew, empty when fewer than N_j robots are eligible
 * @param expectedUtility u_j^E of Eq. (6) for the crew, −∞ when none
 * @param iterations crews compared
 */
public record SingleTaskResult(List<String> robotIds, double expectedUtility, long iterations) {

  /** Copies the list. */
  public SingleTaskResult {
    robotIds = List.copyOf(robotIds);
  }
}
