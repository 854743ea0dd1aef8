package dev.flotilla.journal;

import static dev.flotilla.journal.DamagedJournals.NODE;
import static dev.flotilla.journal.DamagedJournals.db;
import static dev.flotilla.journal.DamagedJournals.wal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --recover-journal} (issue #16): keeps what verifies, never lowers the plan version,
 * sets the damaged files aside byte for byte and says what it kept and dropped.
 */
class JournalRecoveryTest {
  @TempDir Path dir;

  private static List<Path> aside(Path state) throws Exception {
    try (Stream<Path> files = Files.list(state)) {
      return files.filter(p -> p.getFileName().toString().contains(".damaged-")).sorted()
          .toList();
    }
  }

  @Test
  void anIntactJournalIsLeftAlone() throws Exception {
    Path state = DamagedJournals.closed(dir);
    assertEquals(Optional.empty(), StateJournal.recover(state, NODE));
    assertEquals(List.of(), aside(state));
  }

  @Test
  void aTruncatedWalKeepsTheVerifiedPrefixAndNeverLowersTheVersion() throws Exception {
    Path state = DamagedJournals.killed(dir);
    DamagedJournals.truncate(wal(state), 0.5);
    byte[] walBefore = Files.readAllBytes(wal(state));
    String report = StateJournal.recover(state, NODE).orElseThrow();
    System.out.println(report);
    assertTrue(report.contains("kept its first") && report.contains("dropped the last"), report);
    assertTrue(report.contains(db(state).toString()), report);
    try (StateJournal j = StateJournal.open(state, NODE)) {
      int kept = j.tasks().size();
      assertTrue(kept > 0 && kept <= DamagedJournals.TASKS, "kept " + kept);
      assertEquals("task-000", j.tasks().get(0).taskId(), "a prefix");
      assertTrue(j.maxVersion() >= DamagedJournals.VERSION, "version " + j.maxVersion());
      j.planPublished(j.maxVersion() + 1, 1, 1.0, new byte[] {1});
    }
    List<Path> aside = aside(state);
    assertTrue(aside.stream().anyMatch(p -> p.getFileName().toString()
        .startsWith(NODE + ".db-wal.damaged-")), aside.toString());
    Path walAside = aside.stream().filter(p -> p.getFileName().toString()
        .startsWith(NODE + ".db-wal")).findFirst().orElseThrow();
    assertArrayEquals(walBefore, Files.readAllBytes(walAside), "set aside untouched");
    try (StateJournal j = StateJournal.open(state, NODE)) {
      assertTrue(j.maxVersion() > DamagedJournals.VERSION, "the recovered journal goes on");
    }
  }

  @Test
  void aDeletedRowKeepsNothingButTheVersion() throws Exception {
    Path state = DamagedJournals.closed(dir);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db(state));
        Statement st = c.createStatement()) {
      st.execute("DELETE FROM tasks WHERE task_id = 'task-007'");
    }
    String report = StateJournal.recover(state, NODE).orElseThrow();
    System.out.println(report);
    assertTrue(report.contains("kept nothing but the plan version"), report);
    assertTrue(report.contains("100 tasks"), "says what was dropped: " + report);
    try (StateJournal j = StateJournal.open(state, NODE)) {
      assertEquals(0, j.tasks().size());
      assertEquals(DamagedJournals.VERSION, j.maxVersion());
    }
    assertTrue(aside(state).stream().anyMatch(p -> p.getFileName().toString()
        .startsWith(NODE + ".db.damaged-")));
  }

  @Test
  void aDeletedDatabaseKeepsTheVersionItsSealRecorded() throws Exception {
    Path state = DamagedJournals.closed(dir);
    Files.delete(db(state));
    StateJournal.recover(state, NODE).orElseThrow();
    try (StateJournal j = StateJournal.open(state, NODE)) {
      assertEquals(DamagedJournals.VERSION, j.maxVersion());
    }
  }

  @Test
  void aGarbageFileIsSetAsideAndAFreshJournalStarts() throws Exception {
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    Files.write(db(state), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    String report = StateJournal.recover(state, NODE).orElseThrow();
    assertTrue(report.contains("not a Flotilla journal"), report);
    try (StateJournal j = StateJournal.open(state, NODE)) {
      assertTrue(j.fresh());
    }
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
        Files.readAllBytes(aside(state).get(0)));
  }
}
