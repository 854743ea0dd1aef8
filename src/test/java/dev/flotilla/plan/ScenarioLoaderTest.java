package dev.flotilla.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.plan.io.ScenarioException;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.CaseSpec;
import dev.flotilla.plan.model.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The track field of Section 5 / Tables A1-A2 of seed 003 and loader errors. */
class ScenarioLoaderTest {

  @Test
  void trackFieldHasTheRegionsResourcesAgentsAndCasesOfTheSeed() {
    Scenario s = Fixtures.trackfield();
    assertEquals(27, s.environment().regions().size());
    assertEquals(
        Map.of("water", 10, "salt", 5, "food", 10), s.environment().region("s1").resources());
    assertEquals(
        Map.of("water", 5, "brine", 2, "food", 5), s.environment().region("s2").resources());
    assertEquals(List.of("volunteer", "referee", "doctor"), List.copyOf(s.agentTypes().keySet()));
    assertEquals("Do", s.agentTypes().get("doctor").label());
    assertEquals(70.0, s.actions().get("gb").durationS());
    assertEquals("brine", s.actions().get("gb").consumes().orElseThrow());
    assertEquals(300.0, s.actions().get("sa").durationS());
    assertEquals(9, s.formulas().size());
    CaseSpec c4 = s.cases().get("case4");
    assertEquals(Map.of("volunteer", 32, "referee", 24, "doctor", 12), c4.agentCounts());
    assertEquals(0.5, c4.weights().alpha());
    assertEquals(10.0, c4.weights().gamma());
    assertEquals(
        List.of("phi6", "phi7", "phi9"), c4.online().stream().map(o -> o.formulaId()).toList());
    assertEquals(180.0, c4.online().get(1).atS());
    assertTrue(c4.online().get(1).formula().contains("sa_t8"), c4.online().get(1).formula());
    assertEquals(Map.of("f6", Map.of("illness", 1)), c4.online().get(0).newResources());
    assertEquals(68, s.fleet(c4.agentCounts()).size());
  }

  private static String broken(String from, String to) {
    String yaml =
        """
        regions:
          a: {x: 0, y: 0}
          b: {x: 3, y: 4}
        actions:
          go: {duration: 10}
        agentTypes:
          bot:
            label: Bo
            speed: 1
            start: [a]
            initial: s
            transitions:
              - [s, go, s]
        formulas:
          f: "<> go_b"
        """;
    return yaml.replace(from, to);
  }

  @Test
  void aValidMinimalFileLoadsAndMeasuresDistances() {
    Scenario s = ScenarioLoader.parse(broken("", ""), "ok.yaml");
    assertEquals(5.0, s.environment().distance("a", "b"), 1e-12);
  }

  @Test
  void errorsNameTheFileAndField() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.parse(broken("duration: 10", "duration: ten"), "x.yaml"));
    assertEquals("x.yaml: actions.go.duration: expected a number.", e.getMessage());
    e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.parse(broken("start: [a]", "start: [zz]"), "x.yaml"));
    assertEquals("x.yaml: agentTypes.bot.start: unknown region zz.", e.getMessage());
    e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.parse(broken("[s, go, s]", "[s, fly, s]"), "x.yaml"));
    assertEquals("x.yaml: agentTypes.bot.transitions[0]: unknown action fly.", e.getMessage());
    e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.parse(broken("regions:", "regions: [\n"), "x.yaml"));
    assertTrue(e.getMessage().startsWith("x.yaml: not valid YAML at line"), e.getMessage());
  }
}
