package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bag replay}: the shipped session's golden output, and bad input with exit code 2. */
class BagReplayCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BagCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path fixture(String name) {
    return Path.of(System.getProperty("flotilla.root", "."), "src", "test", "resources",
        "replay", name);
  }

  @Test
  void writesTheGoldenOutputToAFile() throws Exception {
    Path out = tmp.resolve("out.jsonl");
    Run r = run("replay", fixture("demo_session").toString(), "--params",
        fixture("demo_session.yaml").toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(Files.readAllBytes(fixture("demo_session.golden.jsonl")),
        Files.readAllBytes(out));
    assertTrue(r.out().contains("lines written to " + out), r.out());
    assertTrue(r.out().contains("/flotilla/heartbeat"), r.out());
  }

  @Test
  void printsTheGoldenOutputWithoutAFile() throws Exception {
    Run r = run("replay", fixture("demo_session").toString(), "-p",
        fixture("demo_session.yaml").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(Files.readString(fixture("demo_session.golden.jsonl"), StandardCharsets.UTF_8),
        r.out());
  }

  @Test
  void aMissingBagOrParameterFileIsNamed() {
    Path missing = tmp.resolve("missing_bag");
    Run bag = run("replay", missing.toString(), "--params",
        fixture("demo_session.yaml").toString());
    assertEquals(2, bag.code());
    assertTrue(bag.err().contains(missing.toString()), bag.err());
    Path noParams = tmp.resolve("nope.yaml");
    Run params = run("replay", fixture("demo_session").toString(), "--params",
        noParams.toString());
    assertEquals(2, params.code());
    assertTrue(params.err().contains("--params") && params.err().contains(noParams.toString()),
        params.err());
  }

  @Test
  void invalidParametersAndTailAreNamed() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"),
        "allocator:\n  ros__parameters:\n    algorithm: magic\n");
    Run r = run("replay", fixture("demo_session").toString(), "--params", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("allocator.algorithm") && r.err().contains(bad.toString()),
        r.err());
    Run t = run("replay", fixture("demo_session").toString(), "--params",
        fixture("demo_session.yaml").toString(), "--tail", "-1");
    assertEquals(2, t.code());
    assertTrue(t.err().contains("--tail"), t.err());
  }
}
