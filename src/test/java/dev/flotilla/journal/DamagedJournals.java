package dev.flotilla.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds real journals with {@link StateJournal} and damages copies of them, for the tests of
 * what a damaged journal does at open and under {@code --recover-journal}.
 */
final class DamagedJournals {
  /** Tasks a journal holds. */
  static final int TASKS = 101;
  /** Highest plan version it published (its plans are the last commits). */
  static final long VERSION = 17;
  static final String NODE = "allocator";

  private DamagedJournals() {}

  /** Writes a journal: tasks, robots, a failed pair, then plans 1..{@link #VERSION}. */
  static StateJournal write(Path stateDir) {
    StateJournal j = StateJournal.open(stateDir, NODE);
    for (int i = 0; i < TASKS; i++) {
      j.taskReceived(String.format("task-%03d", i), ("request " + i).getBytes(
          StandardCharsets.UTF_8), i, StateJournal.TaskState.ACCEPTED);
    }
    j.robot(new StateJournal.Robot("r1", true, 1, 2, 0));
    j.robot(new StateJournal.Robot("r2", false, Double.NaN, 2, 0));
    j.failedPair("r2", "task-003");
    j.put("epoch", "12.5");
    for (long v = 1; v <= VERSION; v++) {
      j.planPublished(v, 1, 100 + v, ("plan " + v).getBytes(StandardCharsets.UTF_8));
    }
    return j;
  }

  /**
   * @param dir a scratch directory
   * @return a state_dir whose journal was copied while open, as after {@code kill -9}: the
   *     commits are in its write-ahead log
   */
  static Path killed(Path dir) throws IOException {
    Path src = dir.resolve("written");
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    StateJournal j = write(src);
    for (String ext : new String[] {".db", ".db-wal", ".db.seal"}) {
      Files.copy(src.resolve(NODE + ext), state.resolve(NODE + ext));
    }
    j.close();
    return state;
  }

  /**
   * @param dir a scratch directory
   * @return a state_dir whose journal was closed cleanly: everything is in the database file
   */
  static Path closed(Path dir) {
    Path state = dir.resolve("state");
    write(state).close();
    return state;
  }

  static Path db(Path state) {
    return state.resolve(NODE + ".db");
  }

  static Path wal(Path state) {
    return state.resolve(NODE + ".db-wal");
  }

  /** Cuts a file to {@code fraction} of its length. */
  static void truncate(Path file, double fraction) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength((long) (f.length() * fraction));
    }
  }

  /** Inverts 64 bytes from {@code offset}. */
  static void flip64(Path file, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] b = new byte[64];
      f.seek(offset);
      f.readFully(b);
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) ~b[i];
      }
      f.seek(offset);
      f.write(b);
    }
  }

  /** @return where {@code text} first occurs in the file */
  static long indexOf(Path file, String text) throws IOException {
    byte[] all = Files.readAllBytes(file);
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + t.length <= all.length; i++) {
      for (int k = 0; k < t.length; k++) {
        if (all[i + k] != t[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException(text + " not in " + file);
  }
}
