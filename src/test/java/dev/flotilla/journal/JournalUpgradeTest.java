package dev.flotilla.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journals written before seals (schema 1) keep working, and get a seal (issue #16). */
class JournalUpgradeTest {
  @TempDir Path dir;

  @Test
  void aSchemaOneJournalIsSealedAndKeepsItsState() throws Exception {
    Path file = dir.resolve("allocator.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      st.execute("CREATE TABLE tasks (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
          + "task_id TEXT NOT NULL UNIQUE, request BLOB NOT NULL, received_at REAL NOT NULL, "
          + "state TEXT NOT NULL, changed_at REAL NOT NULL)");
      st.execute("CREATE TABLE robots (robot_id TEXT PRIMARY KEY, "
          + "alive INTEGER NOT NULL, x REAL, y REAL, z REAL)");
      st.execute("CREATE TABLE failed_pairs (robot_id TEXT NOT NULL, "
          + "task_id TEXT NOT NULL, PRIMARY KEY (robot_id, task_id))");
      st.execute("CREATE TABLE plans (version INTEGER PRIMARY KEY, "
          + "cause INTEGER NOT NULL, published_at REAL NOT NULL, plan BLOB NOT NULL)");
      st.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL)");
      st.execute("INSERT INTO meta VALUES ('schema_version', '1'), ('node', 'allocator')");
      st.execute("INSERT INTO tasks (task_id, request, received_at, state, changed_at) "
          + "VALUES ('t1', X'0102', 1.0, 'ACCEPTED', 1.0)");
      st.execute("INSERT INTO robots VALUES ('r1', 1, 1.5, NULL, 0.0)");
      st.execute("INSERT INTO plans VALUES (9, 1, 2.0, X'09')");
    }
    try (StateJournal j = StateJournal.open(dir, "allocator")) {
      assertEquals(1, j.tasks().size());
      assertEquals(9, j.maxVersion());
      assertEquals("2", j.meta("schema_version").orElseThrow());
      j.taskState("t1", StateJournal.TaskState.DONE, 3.0);
    }
    assertTrue(Files.exists(dir.resolve("allocator.db.seal")));
    try (StateJournal j = StateJournal.open(dir, "allocator")) {
      assertEquals(StateJournal.TaskState.DONE, j.tasks().get(0).state(), "sealed and reopened");
    }
  }

  @Test
  void aMissingSealIsWrittenAgain() throws Exception {
    StateJournal.open(dir, "planner").close();
    Files.delete(dir.resolve("planner.db.seal"));
    StateJournal.open(dir, "planner").close();
    assertTrue(Files.exists(dir.resolve("planner.db.seal")));
  }
}
