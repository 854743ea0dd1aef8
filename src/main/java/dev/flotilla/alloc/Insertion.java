package dev.flotilla.alloc;

/**
 * A crew for a task and, for each robot, the index of its strategy where it inserts the task,
 * with the Δu_g^E (Eq. 22 of seed 001) the insertion scored.
 *
 * @param task the re-inserted task
 * @param crew the robots that execute it
 * @param at per robot (indexed by robot), where in its strategy the task goes
 * @param delta the scored Δu_g^E
 */
record Insertion(int task, int[] crew, int[] at, double delta) {

  /** The strategies with the task inserted for every crew member at its index. */
  int[][] apply(int[][] seqs) {
    int[][] out = seqs.clone();
    for (int k = 0; k < crew.length; k++) {
      out[crew[k]] = insert(seqs[crew[k]], at[crew[k]], task);
    }
    return out;
  }

  /** {@code seq} with {@code task} inserted at index {@code at}. */
  static int[] insert(int[] seq, int at, int task) {
    int[] out = new int[seq.length + 1];
    System.arraycopy(seq, 0, out, 0, at);
    out[at] = task;
    System.arraycopy(seq, at, out, at + 1, seq.length - at);
    return out;
  }
}
