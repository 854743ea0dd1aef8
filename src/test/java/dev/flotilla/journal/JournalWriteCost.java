package dev.flotilla.journal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the journal's write path (issue #16 asks that the seal keep it fast): appends rows
 * as the allocator does, one commit each, and prints the cost. A main, not a test: timings are
 * reported, never asserted.
 *
 * <p>Usage: {@code java -cp ... dev.flotilla.journal.JournalWriteCost [rows] [dir]}
 */
public final class JournalWriteCost {
  private JournalWriteCost() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("journal-cost");
    byte[] request = new byte[200];
    byte[] plan = new byte[2_000];
    for (int round = 0; round < 2; round++) {
      Path state = dir.resolve("round" + round);
      try (StateJournal j = StateJournal.open(state, "allocator")) {
        long t0 = System.nanoTime();
        for (int i = 0; i < rows; i++) {
          j.taskReceived("task-" + i, request, i, StateJournal.TaskState.ACCEPTED);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < rows; i++) {
          long v = i + 1;
          j.batch(() -> {
            j.planPublished(v, 1, v, plan);
            j.robot(new StateJournal.Robot("r1", true, v, 0, 0));
          });
        }
        long t2 = System.nanoTime();
        System.out.printf("round %d: %d task rows, one commit each: %.1f ms total, %.3f ms/row; "
            + "%d publishes (plan + robot, pruned to 100 plans): %.3f ms/commit%n", round, rows,
            (t1 - t0) / 1e6, (t1 - t0) / 1e6 / rows, rows, (t2 - t1) / 1e6 / rows);
      }
      long t3 = System.nanoTime();
      StateJournal.open(state, "allocator").close();
      System.out.printf("round %d: reopen (verifying %d tasks and 100 plans): %.1f ms%n", round,
          rows, (System.nanoTime() - t3) / 1e6);
    }
  }
}
