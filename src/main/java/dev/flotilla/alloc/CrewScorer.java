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

  /** The fast mode's pruning of full sweeps, or null to compare every candidate (reference). */
  default Pruned pruned() {
    return null;
  }

  /** Lists, per slot, the only candidates that can possibly improve a crew ({@link CrewBound}). */
  interface Pruned {
    /** Number of candidates, as {@link #candidates()} would list them. */
    int poolSize();

    /**
     * Candidates not provably rejected in {@code slot} against {@code best}, ascending (the order
     * of {@link #candidates()}); null when no bound applies and every candidate must be compared.
     */
    int[] maybe(int[] members, int slot, double best);
  }
}
