package dev.flotilla.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.api.UtilityMode;
import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import dev.flotilla.fleet.AllocationSession;
import dev.flotilla.fleet.AllocationSettings;
import dev.flotilla.fleet.FleetRoster;
import dev.flotilla.fleet.PlanUpdate;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.model.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Java API examples of docs/problem.md, as written there, run. */
class LibraryExampleTest {

  @Test
  void planningAProblemFileFromJava() {
    Problem problem = ProblemReader.read(Path.of("examples/plan/warehouse.yaml"));
    OfflinePlan plan = OfflinePlanner.plan(problem);
    assertEquals(4, plan.plan().itineraries().size());
    assertEquals("fly_over", plan.unassigned().get(0).taskId());
  }

  @Test
  void theFleetLayerMovesAFailedRobotsWork() {
    List<RobotSpec> robots = List.of(robot("r1", 0), robot("r2", 4), robot("r3", 8));
    AllocationSession session = new AllocationSession(new AllocationSettings(
        new FleetRoster(robots), true, new UtilityParams(1.0, 0.001, 1e-5, 1.0,
            UtilityMode.EXPECTED_UTILITY), 0.1, 1.0,
        EventTriggeredRebalancer.Policy.EVENT_TRIGGERED, Map.of()), 0.0);
    robots.forEach(r -> session.robotAvailable(r.id(), 0.0, false));
    PlanUpdate update = session.taskAdded(new TaskSpec("t1", "", new Point3(5, 2, 0), 2, 100.0,
        0.01, 10.0, 0, 0, List.of()), 0.0);
    FleetPlan plan = update.plan();
    assertEquals(2, crew(plan).size());
    String victim = crew(plan).get(0);
    PlanUpdate after = session.robotFailed(victim, 1.0);
    assertFalse(crew(after.plan()).contains(victim));
    assertEquals(2, crew(after.plan()).size());
    assertTrue(after.change().moves().stream().anyMatch(m -> m.removedRobots()
        .contains(victim)), after.change().toString());
  }

  private static List<String> crew(FleetPlan plan) {
    return plan.itineraries().stream().filter(r -> !r.steps().isEmpty())
        .map(RobotItinerary::robotId).toList();
  }

  private static RobotSpec robot(String id, double x) {
    return new RobotSpec(id, new Point3(x, 0, 0), 0, 1.0, 1.0, 0.001, 0, Set.of(), null, "",
        false);
  }
}
