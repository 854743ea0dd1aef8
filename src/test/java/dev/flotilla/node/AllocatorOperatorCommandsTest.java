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
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.ros.Bus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allocator's side of operator commands (issue 14): cancellations and pauses act on the plan,
 * and survive a restart from the journal.
 */
class AllocatorOperatorCommandsTest {
  @TempDir Path dir;

  /** One allocator process on its own bus. */
  private final class Run {
    final NodeFixture f = new NodeFixture();
    final List<Allocation> plans = f.record("/flotilla/allocation", Allocation.TYPE);
    final List<Reassignment> diffs = f.record("/flotilla/reassignment", Reassignment.TYPE);
    final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
    final Bus.Publisher<FleetEvent> in = f.publisher("/flotilla/events", FleetEvent.TYPE);
    final Bus.Publisher<TaskRequest> accepted = f.bus.publisher("/flotilla/accepted_tasks",
        TaskRequest.TYPE, FlotillaQos.ACCEPTED_TASKS);
    final Bus.Publisher<OperatorCommand> commands =
        f.publisher("/flotilla/accepted_commands", OperatorCommand.TYPE);
    final AllocatorNode node;

    Run() {
      node = new AllocatorNode(f.context("allocator"), AllocatorParams.read(NodeFixture.params(
          NodeFixture.FLEET + "    state_dir: " + dir + "\n").forNode("/", "allocator")));
      node.start();
    }

    void event(byte kind, String robot) {
      in.publish(FleetEvent.builder().kind(kind).robotId(robot).stepIndex(-1).build());
    }

    void command(byte kind, String task, String robot) {
      commands.publish(OperatorCommand.builder().kind(kind).commandId("c").taskId(task)
          .robotId(robot).build());
    }

    List<String> robotsOf(String task) {
      return plans.get(plans.size() - 1).plans().stream().filter(p -> p.steps().stream()
          .anyMatch(s -> s.taskId().equals(task))).map(RobotPlan::robotId).toList();
    }

    List<String> planned() {
      return plans.get(plans.size() - 1).plans().stream().flatMap(p -> p.steps().stream())
          .map(PlanStep::taskId).toList();
    }

    FleetEvent lastEvent() {
      return events.get(events.size() - 1);
    }

    /** As a restarted allocator: listen for the settle time, then republish. */
    void settle() {
      node.tick();
      f.now += AllocatorNode.RECOVERY_SETTLE;
      node.tick();
    }
  }

  private static TaskRequest task(String id, double x) {
    return TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
        .location(new Point(x, 0, 0)).requiredRobots(1).baseUtility(100).decayRate(0.001)
        .duration(60).build();
  }

  @Test
  void aCancellationSurvivesARestartAndTheTaskIsNeverPlannedAgain() {
    Run before = new Run();
    for (String r : List.of("r1", "r2", "r3")) {
      before.event(FleetEvent.ROBOT_JOINED, r);
    }
    before.accepted.publish(task("keep", 1));
    before.accepted.publish(task("drop", 9));
    List<String> onIt = before.robotsOf("drop");
    before.command(OperatorCommand.KIND_CANCEL_TASK, "drop", "");
    assertEquals(FleetEvent.TASK_CANCELLED, before.lastEvent().kind());
    assertTrue(before.lastEvent().reason().contains("robots told: " + onIt.get(0)),
        before.lastEvent().reason());
    assertFalse(before.planned().contains("drop"));
    assertEquals(Reassignment.CAUSE_TASK_CANCELLED,
        before.diffs.get(before.diffs.size() - 1).cause());

    Run after = new Run();
    // The planner offers its accepted tasks again, as its transient-local history does.
    after.accepted.publish(task("keep", 1));
    after.accepted.publish(task("drop", 9));
    after.settle();
    assertTrue(after.planned().contains("keep"));
    assertFalse(after.planned().contains("drop"), "cancelled before the restart");
    after.command(OperatorCommand.KIND_CANCEL_TASK, "drop", "");
    assertEquals(FleetEvent.COMMAND_REJECTED, after.lastEvent().kind());
    assertTrue(after.lastEvent().reason().contains("already cancelled"),
        after.lastEvent().reason());
  }

  @Test
  void aPauseSurvivesARestartAndAResumeEndsIt() {
    Run before = new Run();
    for (String r : List.of("r1", "r2", "r3")) {
      before.event(FleetEvent.ROBOT_JOINED, r);
    }
    before.accepted.publish(task("t1", 0));
    before.command(OperatorCommand.KIND_PAUSE_ROBOT, "", "r1");
    assertEquals(FleetEvent.ROBOT_PAUSED, before.lastEvent().kind());
    assertEquals(Reassignment.CAUSE_ROBOT_PAUSED,
        before.diffs.get(before.diffs.size() - 1).cause());
    assertFalse(before.robotsOf("t1").contains("r1"));

    Run after = new Run();
    after.accepted.publish(task("t1", 0));
    after.settle();
    // The synchronizer hears r1 again after the restart: it stays out of the pool.
    after.event(FleetEvent.ROBOT_RECOVERED, "r1");
    after.accepted.publish(task("t2", 0.5));
    assertFalse(after.robotsOf("t1").contains("r1"));
    assertFalse(after.robotsOf("t2").contains("r1"));
    after.command(OperatorCommand.KIND_RESUME_ROBOT, "", "r1");
    assertEquals(FleetEvent.ROBOT_RESUMED, after.lastEvent().kind());
    after.accepted.publish(task("t3", 0.2));
    assertTrue(after.plans.get(after.plans.size() - 1).plans().stream()
        .filter(p -> p.robotId().equals("r1")).anyMatch(p -> !p.steps().isEmpty()),
        "r1 is back in the pool");
  }

  @Test
  void aRepeatedCommandGetsItsFirstVerdictAgain() {
    Run run = new Run();
    run.event(FleetEvent.ROBOT_JOINED, "r1");
    run.accepted.publish(task("t1", 1));
    run.command(OperatorCommand.KIND_CANCEL_TASK, "t1", "");
    run.command(OperatorCommand.KIND_CANCEL_TASK, "t1", "");
    FleetEvent first = run.events.get(run.events.size() - 2);
    assertEquals(FleetEvent.TASK_CANCELLED, first.kind());
    assertEquals(first.kind(), run.lastEvent().kind(), "same command id: same answer");
    assertEquals(first.reason(), run.lastEvent().reason());
    run.commands.publish(OperatorCommand.builder().kind(OperatorCommand.KIND_CANCEL_TASK)
        .commandId("another").taskId("t1").build());
    assertEquals(FleetEvent.COMMAND_REJECTED, run.lastEvent().kind());
  }
}
