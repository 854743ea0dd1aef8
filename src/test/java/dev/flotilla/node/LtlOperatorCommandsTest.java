package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.OperatorCommand;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.plan.PlanValidator;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock.Stamps;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator commands on LTL work (issue 14), planner and allocator on one in-memory bus: a cancel
 * takes the task out of the LTL plan (planner), a pause moves the robot's LTL chains to others,
 * and both survive a planner restart from its journal.
 */
class LtlOperatorCommandsTest {
  private static final Set<String> PHI2_ONLY = Set.of("dc_t4", "om_t4", "dc_t5", "sf_r3");

  @TempDir Path dir;

  private final class Run {
    final NodeFixture f = new NodeFixture();
    final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
    final List<Allocation> ltlPlans = f.record("/flotilla/ltl_plan", Allocation.TYPE);
    final List<Allocation> allocations = f.record("/flotilla/allocation", Allocation.TYPE);
    final List<OperatorCommand> forwarded =
        f.record("/flotilla/accepted_commands", OperatorCommand.TYPE);
    final Bus.Publisher<TaskRequest> tasks = f.publisher("/flotilla/tasks", TaskRequest.TYPE);
    final Bus.Publisher<OperatorCommand> commands =
        f.publisher("/flotilla/commands", OperatorCommand.TYPE);
    final PlannerNode planner;
    final AllocatorNode allocator;

    Run() {
      var file = NodeFixture.params(LtlFixture.params(LtlFixture.FLEET,
          LtlFixture.BUDGETS + "state_dir: \"" + dir + "\"\n"));
      allocator = new AllocatorNode(f.context("allocator"),
          AllocatorParams.read(file.forNode("/", "allocator")));
      planner = new PlannerNode(f.context("planner"),
          PlannerParams.read(file.forNode("/", "planner")));
      allocator.start();
      planner.start();
    }

    void submit(String id, String formula) {
      tasks.publish(TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_LTL)
          .ltlFormula(formula).build());
    }

    void command(String commandId, byte kind, String task, String robot) {
      commands.publish(OperatorCommand.builder().kind(kind).commandId(commandId).taskId(task)
          .robotId(robot).reason("test").build());
    }

    Allocation lastLtl() {
      return ltlPlans.get(ltlPlans.size() - 1);
    }

    FleetEvent lastEvent() {
      return events.get(events.size() - 1);
    }

    List<PlanStep> steps(Allocation a) {
      return a.plans().stream().flatMap(p -> p.steps().stream()).toList();
    }

    List<PlanStep> stepsOf(Allocation a, String robot) {
      return a.plans().stream().filter(p -> p.robotId().equals(robot))
          .flatMap(p -> p.steps().stream()).toList();
    }
  }

  private Run planned() {
    Run r = new Run();
    r.submit("phi1", LtlFixture.PHI1);
    r.submit("phi2", LtlFixture.PHI2);
    r.submit("phi3", LtlFixture.PHI3);
    r.f.now += 1.5;
    r.planner.tick();
    assertEquals(1, r.ltlPlans.size());
    assertTrue(r.steps(r.lastLtl()).stream().anyMatch(s -> s.taskId().equals("phi2")));
    return r;
  }

  @Test
  void cancellingAnLtlTaskTakesItOutOfThePlanAndTellsTheRobots() {
    Run r = planned();
    List<String> robotsOnPhi2 = r.lastLtl().plans().stream().filter(p -> p.steps().stream()
        .anyMatch(s -> s.taskId().equals("phi2"))).map(RobotPlan::robotId).toList();
    r.f.now += 5;
    r.command("c1", OperatorCommand.KIND_CANCEL_TASK, "phi2", "");
    FleetEvent verdict = r.lastEvent();
    assertEquals(FleetEvent.TASK_CANCELLED, verdict.kind(), verdict.reason());
    assertEquals("phi2", verdict.taskId());
    assertEquals("planner", verdict.source());
    for (String robot : robotsOnPhi2) {
      assertTrue(verdict.reason().contains(robot), verdict.reason());
    }
    assertTrue(r.forwarded.isEmpty(), "the planner carries out an LTL cancel itself");
    assertEquals(2, r.ltlPlans.size());
    Allocation v2 = r.lastLtl();
    assertEquals(Reassignment.CAUSE_TASK_CANCELLED, v2.cause());
    assertTrue(r.steps(v2).stream().noneMatch(s -> s.taskId().equals("phi2")
        || PHI2_ONLY.contains(s.action() + "_" + s.region())));
    assertTrue(r.steps(r.allocations.get(r.allocations.size() - 1)).stream()
        .noneMatch(s -> s.taskId().equals("phi2")), "the allocator's plan follows");
    var ltl = r.planner.ltl();
    assertEquals(List.of(), new PlanValidator(ltl.problem()).violations(ltl.plan()));
    assertTrue(ltl.planSatisfiesFormulas());

    // The same command again: the same verdict. Another: already cancelled, nothing changes.
    r.command("c1", OperatorCommand.KIND_CANCEL_TASK, "phi2", "");
    assertEquals(FleetEvent.TASK_CANCELLED, r.lastEvent().kind());
    r.command("c2", OperatorCommand.KIND_CANCEL_TASK, "phi2", "");
    assertEquals(FleetEvent.COMMAND_REJECTED, r.lastEvent().kind());
    assertTrue(r.lastEvent().reason().contains("already cancelled"), r.lastEvent().reason());
    r.command("c3", OperatorCommand.KIND_CANCEL_TASK, "ghost", "");
    assertEquals(FleetEvent.COMMAND_REJECTED, r.lastEvent().kind());
    assertTrue(r.lastEvent().reason().contains("unknown"), r.lastEvent().reason());
    assertEquals(2, r.ltlPlans.size());

    // A restarted planner does not plan the cancelled task again.
    Run again = new Run();
    assertEquals(List.of("phi1", "phi3"), again.planner.ltl().acceptedTaskIds());
    assertTrue(again.steps(again.lastLtl()).stream().noneMatch(s -> s.taskId().equals("phi2")));
    again.command("c4", OperatorCommand.KIND_CANCEL_TASK, "phi2", "");
    assertEquals(FleetEvent.COMMAND_REJECTED, again.lastEvent().kind());
    assertTrue(again.lastEvent().reason().contains("already cancelled"),
        again.lastEvent().reason());
  }

  @Test
  void aTaskCancelledInTheOfflineWindowIsNeverPlannedNorRestored() {
    Run r = new Run();
    r.submit("phi1", LtlFixture.PHI1);
    r.submit("phi2", LtlFixture.PHI2);
    r.command("c1", OperatorCommand.KIND_CANCEL_TASK, "phi2", "");
    assertEquals(FleetEvent.TASK_CANCELLED, r.lastEvent().kind(), r.lastEvent().reason());
    r.f.now += 1.5;
    r.planner.tick();
    assertTrue(r.steps(r.lastLtl()).stream().noneMatch(s -> s.taskId().equals("phi2")));
    Run again = new Run();
    assertFalse(again.planner.ltl().acceptedTaskIds().contains("phi2"));
    assertFalse(again.planner.ltl().pendingTaskIds().contains("phi2"));
  }

  @Test
  void pausingARobotMovesItsLtlStepsAndResumeReturnsItToThePool() {
    Run r = planned();
    String busy = r.lastLtl().plans().stream().map(RobotPlan::robotId)
        .filter(id -> id.startsWith("v")).findFirst().orElseThrow();
    r.command("p1", OperatorCommand.KIND_PAUSE_ROBOT, "", busy);
    assertEquals(1, r.forwarded.size(), "a pause goes to the allocator");
    assertTrue(r.events.stream().anyMatch(e -> e.kind() == FleetEvent.ROBOT_PAUSED
        && e.robotId().equals(busy)));
    Allocation moved = r.lastLtl();
    assertEquals(Reassignment.CAUSE_ROBOT_PAUSED, moved.cause());
    assertEquals(List.of(), r.stepsOf(moved, busy), "nothing had started: all of it moved");
    assertEquals(Set.of(busy), r.planner.ltl().paused());
    var ltl = r.planner.ltl();
    assertEquals(List.of(), new PlanValidator(ltl.problem()).violations(ltl.plan()));

    r.command("p2", OperatorCommand.KIND_RESUME_ROBOT, "", busy);
    assertTrue(r.events.stream().anyMatch(e -> e.kind() == FleetEvent.ROBOT_RESUMED
        && e.robotId().equals(busy)));
    assertEquals(Set.of(), r.planner.ltl().paused(), "back in the LTL pool");

    // A restarted planner: the journal says not paused; the pause replayed by the events
    // topic's history (stamped before the start) moves nothing.
    Run again = new Run();
    int plans = again.ltlPlans.size();
    again.f.bus.publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS).publish(
        FleetEvent.builder().kind(FleetEvent.ROBOT_PAUSED).robotId(busy).stepIndex(-1)
            .source("allocator").stamp(Stamps.time(again.f.now - 10)).build());
    assertEquals(Set.of(), again.planner.ltl().paused());
    assertEquals(plans, again.ltlPlans.size());
  }

  @Test
  void aPausedRobotWhoseStepsNobodyElseCanDoKeepsThemWithTheReason() {
    Run r = new Run();
    r.submit("diag", "<> di_f1");
    r.f.now += 1.5;
    r.planner.tick();
    assertFalse(r.stepsOf(r.lastLtl(), "d1").isEmpty());
    int before = r.ltlPlans.size();
    r.command("p1", OperatorCommand.KIND_PAUSE_ROBOT, "", "d1");
    assertEquals(before + 1, r.ltlPlans.size(), "the plan is republished with the reason");
    Allocation a = r.lastLtl();
    assertEquals(1, a.unassigned().size());
    assertEquals("diag", a.unassigned().get(0).taskId());
    assertTrue(a.unassigned().get(0).detail().contains("no other robot of type doctor"),
        a.unassigned().get(0).detail());
    assertFalse(r.stepsOf(a, "d1").isEmpty(), "its steps wait for the resume");
  }

  @Test
  void cancellingAJournaledLtlTaskOnAPlannerWithoutLtlIsRefusedWithTheReason() {
    planned();
    NodeFixture f = new NodeFixture();
    List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
    new PlannerNode(f.context("planner"), PlannerParams.read(NodeFixture.params(NodeFixture.FLEET
        + "planner:\n  ros__parameters:\n    state_dir: \"" + dir + "\"\n")
        .forNode("/", "planner"))).start();
    f.publisher("/flotilla/commands", OperatorCommand.TYPE).publish(OperatorCommand.builder()
        .kind(OperatorCommand.KIND_CANCEL_TASK).commandId("c1").taskId("phi2").build());
    FleetEvent last = events.get(events.size() - 1);
    assertEquals(FleetEvent.COMMAND_REJECTED, last.kind());
    assertTrue(last.reason().contains("LTL planning is disabled"), last.reason());
  }
}
