package dev.flotilla.alloc;

import java.util.Arrays;
import java.util.Random;

/**
 * Algorithm 1 of seed 001: the pairwise replacement game for one task. A random crew of N_j
 * eligible robots starts; each member slot in turn is offered to every eligible robot outside the
 * crew, and the pair (member, outsider) swaps when the potential — the expected task utility, by
 * Theorem 1 / Eq. (20) — increases. The crew size stays N_j at every step. Either the
 * paper's single sweep (at most n·N_j comparisons, the bound stated under Algorithm 1); with
 * {@code untilEquilibrium} sweeps repeat until one changes nothing, which certifies a Nash
 * equilibrium of Definition 2 (Theorem 1's finite improvement property guarantees termination).
 * Each comparison is O(N_j).
 */
final class SingleTaskGame {
  private SingleTaskGame() {}

  /** A crew and its potential; {@code crew == null} when fewer than N_j robots are eligible. */
  record Outcome(int[] crew, double utility, long iterations) {
    static Outcome none(long iterations) {
      return new Outcome(null, Double.NEGATIVE_INFINITY, iterations);
    }

    boolean found() {
      return crew != null;
    }
  }

  static Outcome play(int need, CrewScorer scorer, Random rng, boolean untilEquilibrium) {
    return play(need, scorer, rng, untilEquilibrium, null, null);
  }

  /**
   * Plays the game, optionally continuing from the crew of an earlier equilibrium.
   *
   * @param warm a crew that was a Nash equilibrium before some robots' states changed, or null
   *     for a random start; used only with {@code untilEquilibrium}
   * @param changed the robots whose states changed since (null: unknown). If the warm crew
   *     contains none of them, only swaps with them can improve it — every other swap scores as
   *     before — so N_j·|changed| comparisons certify the equilibrium.
   */
  static Outcome play(int need, CrewScorer scorer, Random rng, boolean untilEquilibrium,
      int[] warm, int[] changed) {
    if (untilEquilibrium && warm != null && eligibleCrew(warm, scorer)) {
      Crew game = new Crew(warm.clone(), scorer);
      if (changed != null && disjoint(game.members, changed)) {
        // Eligibility does not change during a sweep, so filtering first offers the same swaps.
        int[] outsiders = Arrays.stream(changed).filter(scorer::eligible).toArray();
        if (!game.sweep(outsiders)) {
          return game.outcome();
        }
      }
      return game.sweepAll(null, true);
    }
    int[] pool = scorer.candidates();
    if (pool.length < need) {
      return Outcome.none(0);
    }
    int[] shuffled = pool.clone();
    for (int k = 0; k < need; k++) {
      int pick = k + rng.nextInt(shuffled.length - k);
      int tmp = shuffled[k];
      shuffled[k] = shuffled[pick];
      shuffled[pick] = tmp;
    }
    return new Crew(Arrays.copyOf(shuffled, need), scorer).sweepAll(pool, untilEquilibrium);
  }

  /** A crew being improved by pairwise replacements, with its potential and comparison count. */
  private static final class Crew {
    final int[] members;
    final CrewScorer scorer;
    double best;
    long iterations;

    Crew(int[] members, CrewScorer scorer) {
      this.members = members;
      this.scorer = scorer;
      this.best = scorer.score(members);
    }

    /**
     * Offers each slot in turn to every outsider not already in the crew, keeping a swap when the
     * potential rises by more than 1e-12 (the margin keeps float noise from cycling).
     *
     * @return whether any swap was kept
     */
    boolean sweep(int[] outsiders) {
      boolean improved = false;
      for (int slot = 0; slot < members.length; slot++) {
        improved |= sweepSlot(slot, outsiders) >= 0;
      }
      return improved;
    }

    /** One slot of {@link #sweep}; returns the first robot swapped in, or −1. */
    private int sweepSlot(int slot, int[] outsiders) {
      int first = -1;
      for (int i : outsiders) {
        if (contains(members, i)) {
          continue;
        }
        iterations++;
        int previous = members[slot];
        members[slot] = i;
        double u = scorer.score(members);
        if (u > best + 1e-12) {
          best = u;
          first = first < 0 ? i : first;
        } else {
          members[slot] = previous;
        }
      }
      return first;
    }

    /**
     * A sweep over every candidate. With the fast mode's pruning, each slot compares only the
     * candidates {@link CrewBound} cannot rule out, in the same (ascending) order, so it keeps
     * the same swaps; the comparisons are still counted as the reference makes them: every
     * candidate outside the crew, where the slot's first occupant counts once it was swapped
     * out before the scan reached it (every member is a candidate).
     *
     * @param pool the candidates if already listed, else null
     */
    private boolean sweepFull(int[] pool) {
      CrewScorer.Pruned pruned = scorer.pruned();
      if (pruned == null) {
        return sweep(pool != null ? pool : scorer.candidates());
      }
      boolean improved = false;
      for (int slot = 0; slot < members.length; slot++) {
        int occupant = members[slot];
        int[] maybe = pruned.maybe(members, slot, best);
        if (maybe == null) {
          improved |= sweepSlot(slot, pool != null ? pool : scorer.candidates()) >= 0;
          continue;
        }
        long before = iterations;
        int first = sweepSlot(slot, maybe);
        iterations = before + pruned.poolSize() - (members.length - 1)
            - (first < 0 || occupant < first ? 1 : 0);
        improved |= first >= 0;
      }
      return improved;
    }

    /** Full sweeps, repeated until one keeps no swap when {@code repeat}. */
    Outcome sweepAll(int[] pool, boolean repeat) {
      boolean improved = sweepFull(pool);
      while (improved && repeat) {
        improved = sweepFull(pool);
      }
      return outcome();
    }

    /** One sweep, or sweeps until one keeps no swap (a Nash equilibrium) when {@code repeat}. */
    Outcome sweepWhileImproving(int[] outsiders, boolean repeat) {
      // Theorem 1's finite improvement property bounds the number of sweeps.
      boolean improved = sweep(outsiders);
      while (improved && repeat) {
        improved = sweep(outsiders);
      }
      return outcome();
    }

    Outcome outcome() {
      return new Outcome(sorted(members), best, iterations);
    }
  }

  private static boolean eligibleCrew(int[] crew, CrewScorer scorer) {
    for (int i : crew) {
      if (!scorer.eligible(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean disjoint(int[] a, int[] b) {
    for (int i : a) {
      if (contains(b, i)) {
        return false;
      }
    }
    return true;
  }

  static boolean contains(int[] crew, int i) {
    for (int c : crew) {
      if (c == i) {
        return true;
      }
    }
    return false;
  }

  static int[] sorted(int[] crew) {
    int[] copy = crew.clone();
    Arrays.sort(copy);
    return copy;
  }
}
