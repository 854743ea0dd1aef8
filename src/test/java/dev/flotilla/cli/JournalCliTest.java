package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.journal.StateJournal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A node whose journal is damaged or unusable does not start: exit 2 and one line naming the
 * file, no stack trace, nothing on the network (issue #16).
 */
class JournalCliTest {
  @TempDir Path tmp;

  private Path params() throws Exception {
    Path file = tmp.resolve("fleet.yaml");
    Files.writeString(file, """
        /**:
          ros__parameters:
            robots:
              r1: {x: 0.0, y: 0.0, max_speed: 1.0, max_acceleration: 1.0}
        allocator:
          ros__parameters:
            algorithm: potential_game
            state_dir: state
        planner:
          ros__parameters:
            state_dir: state
        """);
    return file;
  }

  private String refused(String... args) {
    CommandLine cli = FlotillaCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute(args), err.toString());
    String out = err.toString().strip();
    assertFalse(out.contains("\n"), "one line: " + out);
    assertFalse(out.contains("Exception") || out.contains("\tat "), "no trace: " + out);
    return out;
  }

  private void writeJournal(Path state) {
    try (StateJournal j = StateJournal.open(state, "allocator")) {
      for (int i = 0; i < 10; i++) {
        j.taskReceived("t" + i, new byte[] {(byte) i}, i, StateJournal.TaskState.ACCEPTED);
      }
      j.planPublished(5, 1, 1.0, new byte[] {5});
    }
  }

  @Test
  void aJournalWithARowDeletedStopsTheNodeWithExitTwo() throws Exception {
    Path params = params();
    Path state = tmp.resolve("state");
    writeJournal(state);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("allocator.db"));
        Statement st = c.createStatement()) {
      st.execute("DELETE FROM tasks WHERE task_id = 't3'");
    }
    String out = refused("node", "allocator", "-p", params.toString());
    assertTrue(out.startsWith("flotilla: The state journal " + state.resolve("allocator.db")),
        out);
    assertTrue(out.contains("--recover-journal"), out);
    assertTrue(refused("up", "-p", params.toString()).contains("allocator.db"));
  }

  @Test
  void aGarbageJournalStopsTheNodeWithExitTwo() throws Exception {
    Path params = params();
    Path state = tmp.resolve("state");
    Files.createDirectories(state);
    Files.write(state.resolve("planner.db"), new byte[] {'g', 'a', 'r', 'b', 'a', 'g', 'e', 0,
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23});
    String out = refused("node", "planner", "-p", params.toString());
    assertTrue(out.contains(state.resolve("planner.db").toString()), out);
  }

  @Test
  void aJournalFromANewerSchemaStopsTheNodeWithExitTwo() throws Exception {
    Path params = params();
    Path state = tmp.resolve("state");
    writeJournal(state);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("allocator.db"));
        Statement st = c.createStatement()) {
      st.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    }
    String out = refused("node", "allocator", "--recover-journal", "-p", params.toString());
    assertTrue(out.contains("schema version 99"), out);
  }

  @Test
  void aStateDirThatIsAFileStopsTheNodeWithExitTwo() throws Exception {
    Path params = params();
    Files.writeString(tmp.resolve("state"), "a file");
    String out = refused("node", "allocator", "-p", params.toString());
    assertTrue(out.contains(tmp.resolve("state").toString()) && out.contains("is a file"), out);
  }
}
