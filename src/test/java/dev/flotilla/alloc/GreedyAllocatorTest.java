package dev.flotilla.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.CapabilityModel;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.travel.StraightLineTravel;
import dev.flotilla.model.Point3;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GreedyAllocatorTest {

  @Test
  void picksTheSoonestRobotsAndStartsThemTogether() {
    List<Robot> robots = List.of(
        Robot.of("near", Point3.of(10, 0), 1, 10, 0),
        Robot.of("far", Point3.of(100, 0), 1, 10, 0),
        Robot.of("fastFar", Point3.of(100, 0), 10, 10, 0));
    Task task = Task.of("T", Point3.ORIGIN, 2, 10, 0);
    AllocationProblem p = new AllocationProblem(robots, List.of(task), CapabilityModel.UNIFORM,
        new StraightLineTravel(), Instances.PARAMS);
    AllocationPlan plan = new GreedyAllocator().allocate(p);
    PlanChecker.check(p, plan);
    var a = plan.assignment("T").orElseThrow();
    assertEquals(Set.of("near", "fastFar"), Set.copyOf(a.robotIds()));
    // near: 10 m at 1 m/s (ramp 0.1 m) -> 10.1 s; fastFar: 100 m at 10 m/s (ramp 10 m) -> 11 s.
    assertEquals(11.0, a.startTime(), 1e-9);
    assertEquals(10.1, plan.schedule("near").assignments().get(0).arrivalTime(), 1e-9);
  }
}
