package dev.flotilla.journal;

import static dev.flotilla.journal.DamagedJournals.NODE;
import static dev.flotilla.journal.DamagedJournals.db;
import static dev.flotilla.journal.DamagedJournals.wal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged journal is refused at open with one sentence naming the file and what is wrong
 * (issue #16): each test damages a copy of a real journal the way a disk, a person or a script
 * could.
 */
class JournalDamageTest {
  @TempDir Path dir;

  private static JournalException refused(Path state, String... words) {
    JournalException e = assertThrows(JournalException.class,
        () -> StateJournal.open(state, NODE));
    String m = e.getMessage();
    assertFalse(m.contains("\n"), "one sentence: " + m);
    assertTrue(m.contains(state.toString()), "names the file: " + m);
    for (String w : words) {
      assertTrue(m.contains(w), "says '" + w + "': " + m);
    }
    return e;
  }

  private static void sql(Path state, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db(state));
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  @Test
  void anIntactKilledJournalOpens() throws Exception {
    Path state = DamagedJournals.killed(dir);
    try (StateJournal j = StateJournal.open(state, NODE)) {
      assertEquals(DamagedJournals.TASKS, j.tasks().size());
      assertEquals(DamagedJournals.VERSION, j.maxVersion());
    }
    try (StateJournal j = StateJournal.open(state, NODE)) {
      assertEquals(DamagedJournals.TASKS, j.tasks().size(), "and again after a clean close");
    }
  }

  @Test
  void aWalTruncatedToHalfIsRefused() throws Exception {
    Path state = DamagedJournals.killed(dir);
    DamagedJournals.truncate(wal(state), 0.5);
    byte[] walBefore = Files.readAllBytes(wal(state));
    byte[] dbBefore = Files.readAllBytes(db(state));
    assertTrue(refused(state, "lost", "-wal").damaged());
    assertArrayEquals(walBefore, Files.readAllBytes(wal(state)), "a refused WAL stays as found");
    assertArrayEquals(dbBefore, Files.readAllBytes(db(state)));
  }

  @Test
  void aWalTruncatedToATenthIsRefused() throws Exception {
    Path state = DamagedJournals.killed(dir);
    DamagedJournals.truncate(wal(state), 0.1);
    refused(state, "lost");
  }

  @Test
  void sixtyFourFlippedBytesInTheWalAreRefused() throws Exception {
    Path state = DamagedJournals.killed(dir);
    DamagedJournals.flip64(wal(state), Files.size(wal(state)) / 2);
    refused(state, "lost");
  }

  @Test
  void sixtyFourFlippedBytesInTheDatabaseAreRefused() throws Exception {
    Path state = DamagedJournals.closed(dir);
    DamagedJournals.flip64(db(state), DamagedJournals.indexOf(db(state), "task-050"));
    refused(state);
  }

  @Test
  void aDeletedWalIsRefused() throws Exception {
    Path state = DamagedJournals.killed(dir);
    Files.delete(wal(state));
    refused(state, "commits");
  }

  @Test
  void anEmptiedDatabaseIsRefused() throws Exception {
    Path state = DamagedJournals.closed(dir);
    DamagedJournals.truncate(db(state), 0);
    refused(state, "no tables", "emptied");
  }

  @Test
  void aDeletedDatabaseIsRefused() throws Exception {
    Path state = DamagedJournals.closed(dir);
    Files.delete(db(state));
    refused(state, "missing");
  }

  @Test
  void aDroppedTableIsRefused() throws Exception {
    Path state = DamagedJournals.closed(dir);
    sql(state, "DROP TABLE robots");
    refused(state, "no table robots");
  }

  @Test
  void aRowDeletedBehindOurBackIsRefused() throws Exception {
    Path state = DamagedJournals.closed(dir);
    sql(state, "DELETE FROM tasks WHERE task_id = 'task-007'");
    refused(state, "lost or altered");
  }

  @Test
  void aRowAlteredBehindOurBackIsRefused() throws Exception {
    Path state = DamagedJournals.closed(dir);
    sql(state, "UPDATE tasks SET state = 'DONE' WHERE task_id = 'task-008'");
    refused(state, "lost or altered");
  }

  @Test
  void aGarbageFileIsRefused() throws Exception {
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    byte[] garbage = new byte[10_000];
    new Random(16).nextBytes(garbage);
    Files.write(db(state), garbage);
    assertTrue(refused(state, "not a Flotilla journal").damaged());
  }

  @Test
  void aJournalFromANewerSchemaIsRefusedAndNotRecoverable() throws Exception {
    Path state = DamagedJournals.closed(dir);
    sql(state, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    assertFalse(refused(state, "schema version 99", "newer").damaged());
    assertThrows(JournalException.class, () -> StateJournal.recover(state, NODE));
    assertTrue(Files.exists(db(state)), "left where it is");
  }

  @Test
  void aStateDirThatIsAFileIsRefused() throws Exception {
    Path state = dir.resolve("state");
    Files.writeString(state, "not a directory");
    JournalException e = refused(state, "is a file");
    assertFalse(e.damaged());
  }

  @Test
  void aGarbageSealIsRefused() throws Exception {
    Path state = DamagedJournals.closed(dir);
    Files.writeString(state.resolve(NODE + ".db.seal"), "hello");
    refused(state, "seal");
  }
}
