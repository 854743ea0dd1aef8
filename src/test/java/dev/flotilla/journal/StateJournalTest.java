package dev.flotilla.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateJournalTest {
  @TempDir Path dir;

  @Test
  void whatWasCommittedSurvivesAReopenWithoutCleanClose() throws Exception {
    StateJournal j = StateJournal.open(dir.resolve("state"), "allocator");
    assertTrue(j.fresh());
    assertTrue(j.taskReceived("t1", new byte[] {1, 2}, 10.0, StateJournal.TaskState.ACCEPTED));
    assertFalse(j.taskReceived("t1", new byte[] {9}, 11.0, StateJournal.TaskState.ACCEPTED),
        "a task is journaled once");
    j.taskReceived("t2", new byte[] {3}, 12.0, StateJournal.TaskState.ACCEPTED);
    j.batch(() -> {
      j.taskState("t1", StateJournal.TaskState.DONE, 13.0);
      j.planPublished(4, 2, 13.0, new byte[] {4, 4});
      j.robot(new StateJournal.Robot("r1", false, 1, 2, Double.NaN));
    });
    j.failedPair("r2", "t2");
    j.versionSeen(3);
    j.put("epoch", "5.5");
    j.putBlob("ltl_plan", new byte[] {7});
    // A crash: the connection is never closed; another connection (the restarted process) reads.
    StateJournal again = StateJournal.open(dir.resolve("state"), "allocator");
    assertFalse(again.fresh());
    List<StateJournal.Task> tasks = again.tasks();
    assertEquals(List.of("t1", "t2"), tasks.stream().map(StateJournal.Task::taskId).toList());
    assertEquals(StateJournal.TaskState.DONE, tasks.get(0).state());
    assertArrayEquals(new byte[] {1, 2}, tasks.get(0).request());
    assertEquals(10.0, tasks.get(0).receivedAt());
    assertEquals(Optional.of(StateJournal.TaskState.ACCEPTED), again.taskState("t2"));
    assertEquals(Optional.empty(), again.taskState("t3"));
    assertEquals(4, again.maxVersion());
    assertArrayEquals(new byte[] {4, 4}, again.latestPlan().orElseThrow());
    StateJournal.Robot r1 = again.robots().get("r1");
    assertFalse(r1.alive());
    assertEquals(2.0, r1.y());
    assertTrue(Double.isNaN(r1.z()));
    assertEquals(Set.of("r2|t2"), again.failedPairs());
    assertEquals(5.5, again.number("epoch").orElseThrow());
    assertArrayEquals(new byte[] {7}, again.blob("ltl_plan").orElseThrow());
    again.versionSeen(9);
    assertEquals(9, again.maxVersion(), "a version seen elsewhere counts");
    again.close();
    j.close();
  }

  @Test
  void theDatabaseIsInWalModeWithASchemaVersion() throws Exception {
    StateJournal.open(dir, "planner").close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("planner.db"));
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        assertEquals("wal", rs.getString(1));
      }
      try (ResultSet rs = st.executeQuery(
          "SELECT value FROM meta WHERE key = 'schema_version'")) {
        assertEquals(String.valueOf(StateJournal.SCHEMA_VERSION), rs.getString(1));
      }
    }
  }

  @Test
  void aFailedBatchCommitsNothing() {
    StateJournal j = StateJournal.open(dir, "allocator");
    assertThrows(IllegalStateException.class, () -> j.batch(() -> {
      j.planPublished(1, 0, 1.0, new byte[] {1});
      throw new IllegalStateException("boom");
    }));
    assertEquals(0, j.maxVersion());
    j.close();
  }

  @Test
  void aJournalFromANewerFlotillaIsRefusedNamingTheFile() throws Exception {
    StateJournal.open(dir, "allocator").close();
    Path file = dir.resolve("allocator.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    }
    JournalException e = assertThrows(JournalException.class,
        () -> StateJournal.open(dir, "allocator"));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
  }

  @Test
  void aCorruptedJournalIsRefusedNamingTheFile() throws Exception {
    Path file = dir.resolve("allocator.db");
    Files.write(file, "this is not an SQLite database, just text padding it out to a page"
        .repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    JournalException e = assertThrows(JournalException.class,
        () -> StateJournal.open(dir, "allocator"));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not a Flotilla journal"), e.getMessage());
  }
}
