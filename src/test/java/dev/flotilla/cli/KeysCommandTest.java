package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeysCommandTest {
  @TempDir Path tmp;

  @Test
  void genWritesKeysAndRefusesToOverwriteWithExitTwo() {
    Path dir = tmp.resolve("keys");
    CommandLine cli = FlotillaCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(0, cli.execute("keys", "gen", "--dir", dir.toString(), "planner", "r1"));
    assertTrue(Files.exists(dir.resolve("r1.hmac")));
    assertEquals(2, cli.execute("keys", "gen", "--dir", dir.toString(), "r1"));
    assertTrue(err.toString().contains("--force"), err.toString());
    assertEquals(0, cli.execute("keys", "gen", "--dir", dir.toString(), "--force", "r1"));
    assertEquals(2, cli.execute("keys", "gen", "--dir", dir.toString(), "1bad"));
    assertEquals(0, cli.execute("keys", "list", "--dir", dir.toString()));
    assertEquals(List.of("planner.hmac", "planner.key", "planner.pub", "r1.hmac", "r1.key",
        "r1.pub"), dir.toFile().list() == null ? List.of() : java.util.Arrays.stream(
            dir.toFile().list()).sorted().toList());
  }
}
