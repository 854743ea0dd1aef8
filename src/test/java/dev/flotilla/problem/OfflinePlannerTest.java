package dev.flotilla.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.StepRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14: offline plans made with the nodes' own sessions, from the example problems. */
class OfflinePlannerTest {
  @TempDir Path dir;

  private static List<String> crew(OfflinePlan p, String task) {
    List<String> out = new ArrayList<>();
    for (RobotItinerary r : p.plan().itineraries()) {
      r.steps().stream().filter(s -> s.taskId().equals(task)).forEach(s -> out.add(r.robotId()));
    }
    return out;
  }

  @Test
  void theWarehouseExamplePlacesEveryTaskOrSaysWhyNot() {
    OfflinePlan p = OfflinePlanner.plan(ProblemReader.read(
        Path.of("examples/plan/warehouse.yaml")));
    assertTrue(p.expectedUtility() > 0, "utility " + p.expectedUtility());
    assertNull(p.ltlCost());
    // Only the drone-less fleet cannot fly: the one task left out, with its reason.
    assertEquals(1, p.unassigned().size(), p.unassigned().toString());
    assertEquals("fly_over", p.unassigned().get(0).taskId());
    assertTrue(p.unassigned().get(0).reason().contains("capable"), p.unassigned().toString());
    // Two robots carry the crate, one master and one collaborator, at the same time.
    List<String> crate = crew(p, "carry_crate");
    assertEquals(2, crate.size(), crate.toString());
    List<PlannedStep> steps = new ArrayList<>();
    p.plan().itineraries().forEach(r -> r.steps().stream()
        .filter(s -> s.taskId().equals("carry_crate")).forEach(steps::add));
    assertEquals(List.of(StepRole.MASTER, StepRole.COLLABORATOR),
        steps.stream().map(PlannedStep::role).sorted().toList());
    assertEquals(steps.get(0).plannedStart(), steps.get(1).plannedStart(), 1e-9);
    // pick_part needs `manipulate`, which only r1's URDF (a wheeled manipulator) gives.
    assertEquals(List.of("r1"), crew(p, "pick_part"));
    // The late task is not planned before it arrives.
    p.plan().itineraries().forEach(r -> r.steps().stream()
        .filter(s -> s.taskId().equals("scan_e"))
        .forEach(s -> assertTrue(s.plannedStart() >= 5.0, s.toString())));
    assertEquals(7, p.decisions().size());
  }

  @Test
  void theTrackFieldExamplePlansEveryFormulaAndReportsItsCost() {
    OfflinePlan p = OfflinePlanner.plan(ProblemReader.read(
        Path.of("examples/plan/trackfield.yaml")));
    assertNotNull(p.ltlCost());
    OfflinePlan.LtlCost c = p.ltlCost();
    assertEquals(c.alpha() * c.makespanS() + c.beta() * c.resourceCost()
        + c.gamma() * c.travelM(), c.objective(), 1e-6 * Math.max(1, c.objective()));
    assertTrue(p.unassigned().isEmpty(), p.unassigned().toString());
    for (String phi : List.of("phi1", "phi2", "phi3", "phi6")) {
      assertTrue(p.decisions().stream().anyMatch(d -> d.taskId().equals(phi) && d.accepted()),
          phi + " " + p.decisions());
      assertTrue(!crew(p, phi).isEmpty(), phi + " has no steps");
    }
    // phi6 arrives at 100 s: none of its steps starts earlier.
    p.plan().itineraries().forEach(r -> r.steps().stream()
        .filter(s -> s.taskId().equals("phi6"))
        .forEach(s -> assertTrue(s.plannedStart() >= 100 - 1e-9, s.toString())));
    // Robots with LTL work take no multi-robot task (as in the allocator).
    for (RobotItinerary r : p.plan().itineraries()) {
      long kinds = r.steps().stream().map(s -> s.taskId().startsWith("phi")).distinct().count();
      assertTrue(kinds <= 1, r.toString());
    }
    for (String t : List.of("hurdles_west", "hurdles_east", "blocks_start", "blocks_finish")) {
      assertEquals(t.startsWith("hurdles") ? 2 : 1, crew(p, t).size(), t);
    }
  }

  @Test
  void aFormulaThePlannerRefusesIsReportedUnassignedWithItsReason() throws Exception {
    // phi6 needs the resources Case 2 brings with it: without ltl_case it cannot be planned.
    Path f = Files.writeString(dir.resolve("p.yaml"), ("scenario: S\n"
        + "robots:\n  v1: {x: -85.0, y: -58.0, agent_type: volunteer}\n"
        + "  d1: {x: -30.0, y: -10.0, agent_type: doctor}\n"
        + "ltl_tasks:\n  phi6: {formula: \"<> (di_f6 && !gi_f6 && <> gi_f6)\"}\n")
        .replace("S", Path.of("params/scenarios/trackfield.yaml").toAbsolutePath().toString()));
    OfflinePlan p = OfflinePlanner.plan(ProblemReader.read(f));
    assertEquals(1, p.unassigned().size(), p.toString());
    assertEquals("phi6", p.unassigned().get(0).taskId());
    assertTrue(!p.unassigned().get(0).reason().isBlank());
  }

  @Test
  void aFormulaArrivingLaterIntoAnEmptyPlanIsPlannedAtItsTime() throws Exception {
    // Regression: with no formula at time 0, a later one waited for an offline window that
    // never came and was silently left out.
    Path f = Files.writeString(dir.resolve("late.yaml"), ("scenario: S\n"
        + "robots:\n  v1: {x: -85.0, y: -58.0, agent_type: volunteer}\n"
        + "ltl_tasks:\n  phi: {at: 50.0, formula: \"<> sw_r1\"}\n")
        .replace("S", Path.of("params/scenarios/trackfield.yaml").toAbsolutePath().toString()));
    OfflinePlan p = OfflinePlanner.plan(ProblemReader.read(f));
    assertTrue(p.unassigned().isEmpty(), p.unassigned().toString());
    assertEquals(List.of("v1"), crew(p, "phi").stream().distinct().toList());
    p.plan().itineraries().forEach(r -> r.steps().forEach(
        s -> assertTrue(s.plannedStart() >= 50 - 1e-9, s.toString())));
    assertNotNull(p.ltlCost());
  }
}
