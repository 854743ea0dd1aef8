package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue #14: {@code flotilla plan PROBLEM.yaml [--json] [--report FILE]} on the examples. */
class PlanCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = FlotillaCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void textOutputListsEachRobotsStepsAndTheUnassignedTask() {
    assertEquals(0, run("plan", "examples/plan/warehouse.yaml"), err.toString());
    String text = out.toString();
    assertTrue(text.contains("expected utility"), text);
    assertTrue(text.matches("(?s).*\\nr1 +[0-9.]+ +[0-9.]+ +carry_crate +0 +goto +"
        + "(master|collaborator).*"), text);
    assertTrue(text.contains("fly_over: No available robot is capable of task fly_over."), text);
    assertFalse(text.contains("LTL plan cost"), text);
  }

  @Test
  void jsonAndReportForTheTrackFieldExample() throws Exception {
    Path html = dir.resolve("sub/plan.html");
    assertEquals(0, run("plan", "examples/plan/trackfield.yaml", "--json", "--report",
        html.toString()), err.toString());
    JsonNode plan = new ObjectMapper().readTree(out.toString());
    assertTrue(plan.get("expected_utility").isNumber());
    JsonNode cost = plan.get("ltl_cost");
    assertTrue(cost.get("objective").asDouble() > 0, cost.toString());
    assertEquals(0.5, cost.get("weights").get("alpha").asDouble());
    assertEquals(21, plan.get("robots").size());
    JsonNode v1 = plan.get("robots").get(0);
    assertEquals("v1", v1.get("robot").asText());
    JsonNode step = v1.get("steps").get(0);
    for (String key : new String[] {"task", "step", "action", "region", "x", "y", "start_s",
        "finish_s", "role", "partners"}) {
      assertTrue(step.has(key), key + " in " + step);
    }
    assertEquals(0, plan.get("unassigned").size(), plan.get("unassigned").toString());
    String page = Files.readString(html);
    assertTrue(page.contains("<svg") && page.contains("LTL plan cost J"), "no cost in report");
    assertTrue(page.contains("Planned versus actual"), "no Gantt chart");
  }

  @Test
  void badInputIsOneSentenceWithExitCode2(@TempDir Path tmp) throws Exception {
    Path f = Files.writeString(tmp.resolve("p.yaml"),
        "robots:\n  r1: {x: 0}\ntasks:\n  t1: {x: 1, decay_rate: -1}\n");
    assertEquals(2, run("plan", f.toString()));
    String e = err.toString().strip();
    assertEquals(1, e.lines().count(), e);
    assertTrue(e.startsWith("flotilla plan: " + f + ": line 4: tasks.t1.decay_rate"), e);
    assertEquals("", out.toString());
  }
}
