package dev.flotilla.alloc;

/** Scores a crew (a set of N_j robot indices) for one task; −∞ marks an infeasible crew. */
interface CrewScorer {

  /** Robots allowed to play for the task (Algorithm 1, line 3). */
  int[] candidates();

  /** Whether robot i is among the candidates (may avoid building the whole list). */
  default boolean eligible(int i) {
    for (int c : candidates()) {
      if (c == i) {
        return true;
      }
    }
    return false;
  }

  /** The potential: u_j^E (Eq. 6) or Δu_g^E (Eq. 22) of the crew. */
  double score(int[] crew);
}
