package dev.flotilla.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.model.CrewChange;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlanCause;
import dev.flotilla.model.PlanChange;
import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.StepRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetPlansTest {

  private static PlannedStep step(String task) {
    return new PlannedStep(task, 0, "goto", "", Point3.ORIGIN, 0, 0, 1, StepRole.SOLO, List.of());
  }

  private static FleetPlan plan(long version, RobotItinerary... robots) {
    return new FleetPlan(version, 10.0 * version, PlanCause.REBALANCE, List.of(robots), List.of(),
        1);
  }

  @Test
  void theDiffNamesChangedRobotsInFleetOrderAndEachTasksLostAndGainedRobots() {
    FleetPlan before = plan(1, new RobotItinerary("r1", List.of(step("a"), step("b"))),
        new RobotItinerary("r2", List.of(step("c"))), new RobotItinerary("r3", List.of()));
    FleetPlan after = plan(2, new RobotItinerary("r1", List.of(step("a"))),
        new RobotItinerary("r2", List.of(step("c"))), new RobotItinerary("r3", List.of(step("b"))));
    PlanChange change = FleetPlans.diff(before, after, "r9");
    assertEquals(new PlanChange(1, 2, 20, PlanCause.REBALANCE, "r9", List.of("r1", "r3"),
        List.of(new CrewChange("b", List.of("r1"), List.of("r3")))), change);
    assertEquals(0, FleetPlans.diff(null, after, "x").previousVersion());
  }

  @Test
  void ltlStepsReplaceARobotsStepsInPlaceOrJoinAtTheEnd() {
    FleetPlan plan = plan(3, new RobotItinerary("r1", List.of(step("a"))),
        new RobotItinerary("r2", List.of()));
    FleetPlan merged = FleetPlans.withLtlSteps(plan,
        Map.of("r2", List.of(step("phi")), "r7", List.of(step("psi"))));
    assertEquals(List.of("r1", "r2", "r7"),
        merged.itineraries().stream().map(RobotItinerary::robotId).toList());
    assertEquals(List.of(step("phi")), merged.itineraries().get(1).steps());
  }
}
