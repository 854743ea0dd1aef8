package dev.flotilla.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.TaskAllocator;
import dev.flotilla.alloc.api.UnassignedReason;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link TaskAllocator} must honour constraints (9)–(13) and report what it leaves out. */
class TaskAllocatorContractTest {

  static Stream<Arguments> allocators() {
    return Stream.of(
        Arguments.of("greedy", new GreedyAllocator()),
        Arguments.of("potential-game", new PotentialGameAllocator()),
        Arguments.of("potential-game-seed-9", new PotentialGameAllocator(9, 4)),
        Arguments.of("exhaustive", new ExhaustiveAllocator()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allocators")
  void randomPlansSatisfyConstraintsAndEquations(String name, TaskAllocator allocator) {
    for (long seed = 1; seed <= 15; seed++) {
      AllocationProblem p = Instances.random(seed, 3 + (int) (seed % 3), 2 + (int) (seed % 3), 3);
      AllocationPlan plan = allocator.allocate(p);
      PlanChecker.check(p, plan);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allocators")
  void qualityMinusCostPlansSatisfyConstraintsAndEquations(String name, TaskAllocator allocator) {
    for (long seed = 1; seed <= 6; seed++) {
      AllocationProblem p = Instances.withCosts(seed, 4, 3);
      PlanChecker.check(p, allocator.allocate(p));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allocators")
  void infeasibleTasksComeBackWithTheirReason(String name, TaskAllocator allocator) {
    AllocationProblem p = Instances.withTrouble(7, 4, 2);
    AllocationPlan plan = allocator.allocate(p);
    PlanChecker.check(p, plan);
    assertEquals(UnassignedReason.NOT_ENOUGH_ROBOTS,
        plan.unassignedEntry("tooMany").orElseThrow().reason());
    assertEquals(UnassignedReason.NO_CAPABLE_ROBOT,
        plan.unassignedEntry("nobody").orElseThrow().reason());
    assertEquals(UnassignedReason.DEADLINE_UNREACHABLE,
        plan.unassignedEntry("tooSoon").orElseThrow().reason());
    var late = plan.assignment("late").orElseThrow();
    assertTrue(late.startTime() >= 400, "a task cannot start before it appears");
    assertEquals(late.startTime() + 30, late.finishTime(), 1e-9);
    var lift = plan.assignment("lift").orElseThrow();
    assertEquals(Set.of("A1", "A2"), Set.copyOf(lift.robotIds()),
        "only the robots offering 'lift' can take it");
  }
}
