package dev.flotilla.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupervisorTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ProcessSupervisor supervisor(List<LaunchProcess> plan) {
    return new ProcessSupervisor(plan, List.of("sh", "-c", "echo flotilla \"$@\"", "flotilla"),
        Map.of("FLOTILLA_TEST_MARK", "marked"), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private LaunchProcess process(String name, String... argv) {
    return new LaunchProcess(name, List.of(argv), Optional.empty(), dir.resolve("t.launch.xml"),
        4);
  }

  @Test
  void aChildExitingStopsTheOthersAndFailsTheLaunch() throws Exception {
    Path pidFile = dir.resolve("sleeper.pid");
    LaunchProcess sleeper = process("sleeper", "sh", "-c",
        "echo $$ > " + pidFile + "; echo \"$FLOTILLA_TEST_MARK\"; exec sleep 60");
    LaunchProcess quitter = process("quitter", "sh", "-c",
        "while [ ! -s " + pidFile + " ]; do sleep 0.05; done; echo bye >&2; exit 3");
    int code = supervisor(List.of(sleeper, quitter)).run();
    assertEquals(1, code);
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("[quitter] bye"), e);
    assertTrue(e.contains("process 'quitter' (" + dir.resolve("t.launch.xml") + ":4) exited "
        + "with code 3; stopping the others."), e);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("[sleeper] marked"));
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
        "the sleeper must be stopped");
  }

  /**
   * What children print last is forwarded: the quitter's reason (it exits before the others are
   * stopped) and the sleeper's answer to SIGTERM. Stopping them through Process#destroy used to
   * close our ends of their pipes first, so either line could be lost (seen on a loaded machine).
   */
  @Test
  void theLastWordsOfEveryChildAreForwarded() throws Exception {
    for (int run = 0; run < 5; run++) {
      out.reset();
      err.reset();
      Path pidFile = dir.resolve("sleeper" + run + ".pid");
      LaunchProcess sleeper = process("sleeper", "sh", "-c",
          "trap 'echo stopping cleanly; kill $c; exit 0' TERM; sleep 60 & c=$!; echo $$ > "
              + pidFile + "; wait $c");
      LaunchProcess quitter = process("quitter", "sh", "-c",
          "while [ ! -s " + pidFile + " ]; do sleep 0.01; done; echo giving up >&2; exit 2");
      assertEquals(1, supervisor(List.of(sleeper, quitter)).run());
      String e = err.toString(StandardCharsets.UTF_8);
      assertTrue(e.contains("[quitter] giving up"), "run " + run + ": " + e);
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("[sleeper] stopping cleanly"),
          "run " + run + ": " + out.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void flotillaWordRunsThisFlotilla() {
    ProcessSupervisor s = supervisor(List.of());
    assertEquals(List.of("sh", "-c", "echo flotilla \"$@\"", "flotilla", "node", "planner"),
        s.expand(process("planner", "flotilla", "node", "planner")));
    assertEquals(List.of("ls", "-l"), s.expand(process("ls", "ls", "-l")));
    int code = supervisor(List.of(process("p", "flotilla", "node", "planner"))).run();
    assertEquals(1, code);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("[p] flotilla node planner"),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void overlaysAreWrittenBeforeStartAndDeletedAfterStop() throws Exception {
    Path target = dir.resolve("overlay.yaml");
    LaunchProcess p = new LaunchProcess("cat", List.of("cat", target.toString()),
        Optional.of(new ParamsOverlay(List.of(), "/planner", Map.of("use_sim_time", "true"),
            target)), dir.resolve("t.launch.xml"), 5);
    supervisor(List.of(p)).run();
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("[cat]     use_sim_time: true"),
        out.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(target));
  }

  @Test
  void aMissingProgramIsAnErrorNamingTheLaunchFileLine() {
    LaunchException e = assertThrows(LaunchException.class,
        () -> supervisor(List.of(process("ghost", dir.resolve("no-such-program").toString())))
            .run());
    assertTrue(e.getMessage().startsWith(dir.resolve("t.launch.xml") + ":4: cannot start "
        + "'ghost'"), e.getMessage());
  }
}
