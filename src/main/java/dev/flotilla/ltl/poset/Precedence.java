package dev.flotilla.ltl.poset;

/**
 * One pair (ω_before, ω_after) of the order relation ≼ of an R-poset (Definition 2 of seed 003):
 * subtask {@code after} may only start once {@code before} has started, i.e. t_before ≤ t_after
 * as in Eq. (3) of seed 003. Simultaneous start is excluded separately by a conflict.
 *
 * @param before id of the subtask that starts first
 * @param after id of the subtask that starts no earlier
 */
public record Precedence(int before, int after) {

  /** Rejects self-loops, which would carry no information. */
  public Precedence {
    if (before == after) {
      throw new IllegalArgumentException("A subtask cannot precede itself: " + before + ".");
    }
  }
}
