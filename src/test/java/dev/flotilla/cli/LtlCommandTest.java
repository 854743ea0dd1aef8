package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LtlCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LtlCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void automatonAsHoa() {
    Run r = run("automaton", "<> (dc_t3 && <> om_t3)", "--hoa");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("HOA: v1\n"), r.out());
    assertTrue(r.out().contains("AP: 2 \"dc_t3\" \"om_t3\""), r.out());
    assertTrue(r.out().contains("States: 3"), r.out());
  }

  @Test
  void automatonAsText() {
    Run r = run("automaton", "<> a");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("states: 2"), r.out());
    assertTrue(r.out().contains("[accepting]: true"), r.out());
  }

  @Test
  void acceptsTellsGoodPrefixes() {
    Run yes = run("accepts", "<> (a && <> (b && c))", "--word", "a;b,c;");
    assertEquals(0, yes.code());
    assertTrue(yes.out().startsWith("accepted"), yes.out());
    Run no = run("accepts", "<> (a && <> (b && c))", "--word", "b,c;a;");
    assertEquals(0, no.code());
    assertTrue(no.out().startsWith("rejected: still to do"), no.out());
    Run dead = run("accepts", "!a U b", "--word", "a;b");
    assertTrue(dead.out().startsWith("rejected: no continuation"), dead.out());
  }

  @Test
  void posetsOfPhi7() {
    Run r = run("posets", "<> (dc_t6 && !om_t6 && <> (om_t6 && <> sa_t7))");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("σ = dc_t6 && !om_t6"), r.out());
    assertTrue(r.out().contains("ω0 ≼ ω1"), r.out());
  }

  @Test
  void badInputExitsWithTwoAndNamesTheColumn() {
    Run syntax = run("automaton", "<> (a &&");
    assertEquals(2, syntax.code());
    assertTrue(syntax.err().contains("column 9"), syntax.err());
    Run notCoSafe = run("accepts", "[] a", "--word", "a");
    assertEquals(2, notCoSafe.code());
    assertTrue(notCoSafe.err().contains("not co-safe") && notCoSafe.err().contains("column 1"),
        notCoSafe.err());
    Run word = run("accepts", "<> a", "--word", "a;1b");
    assertEquals(2, word.code());
    assertTrue(word.err().contains("--word: column 3"), word.err());
    assertEquals(2, run("posets", "<> (a && !a)").code());
  }
}
