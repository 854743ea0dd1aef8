package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.OperatorCommand;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.ros.Bus;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allocator places accepted tasks one per turn of its executor: a robot failure heard while
 * many task requests wait is repaired before them, not after all of them, and an operator command
 * that names a task still waiting finds it placed. The executor here is a queue run by hand, as
 * the node's single thread runs its callbacks one at a time in arrival order.
 */
class AllocatorTaskQueueTest {
  private final NodeFixture f = new NodeFixture();
  private final ArrayDeque<Runnable> executor = new ArrayDeque<>();
  private final List<Reassignment> diffs = f.record("/flotilla/reassignment", Reassignment.TYPE);
  private final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
  private final Bus.Publisher<FleetEvent> in = f.publisher("/flotilla/events", FleetEvent.TYPE);
  private final Bus.Publisher<TaskRequest> accepted = f.bus.publisher(
      "/flotilla/accepted_tasks", TaskRequest.TYPE, FlotillaQos.ACCEPTED_TASKS);
  private final Bus.Publisher<OperatorCommand> commands =
      f.publisher("/flotilla/accepted_commands", OperatorCommand.TYPE);

  AllocatorTaskQueueTest() {
    AllocatorNode node = new AllocatorNode(
        new NodeContext("allocator", "/", f.bus, f.clock, executor::add),
        AllocatorParams.read(NodeFixture.params(NodeFixture.FLEET).forNode("/", "allocator")));
    node.start();
    runAll();
    for (String r : List.of("r1", "r2", "r3")) {
      event(FleetEvent.ROBOT_JOINED, r);
    }
    runAll();
  }

  private void runAll() {
    for (Runnable r = executor.poll(); r != null; r = executor.poll()) {
      r.run();
    }
  }

  private void event(byte kind, String robot) {
    in.publish(FleetEvent.builder().kind(kind).robotId(robot).stepIndex(-1).build());
  }

  private void task(String id, double x) {
    accepted.publish(TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
        .location(new Point(x, 0, 0)).requiredRobots(1).baseUtility(100).decayRate(0.001)
        .duration(60).build());
  }

  private List<String> causes() {
    return diffs.stream().map(d -> d.cause() == Reassignment.CAUSE_ROBOT_FAILED
        ? "failed " + d.subject() : "task " + d.subject()).toList();
  }

  @Test
  void aFailureHeardBehindQueuedTasksIsRepairedAfterAtMostOnePlacement() {
    task("first", 10);
    runAll();
    assertEquals(List.of("task first"), causes());
    String holder = List.of("r1", "r2", "r3").stream()
        .filter(r -> diffs.get(0).affectedRobots().contains(r)).findFirst().orElseThrow();
    diffs.clear();
    for (int i = 0; i < 6; i++) {
      task("t" + i, i);
    }
    event(FleetEvent.ROBOT_FAILED, holder);
    runAll();
    // Before, the failure waited for all six placements: its repair came last.
    assertEquals("task t0", causes().get(0));
    assertEquals("failed " + holder, causes().get(1), causes().toString());
    assertEquals(List.of("failed " + holder, "task t0", "task t1", "task t2", "task t3",
        "task t4", "task t5").stream().sorted().toList(),
        causes().stream().sorted().toList(), "every task is still placed, once");
    assertEquals(List.of("task t1", "task t2", "task t3", "task t4", "task t5"),
        causes().subList(2, 7), "in the order they arrived");
  }

  @Test
  void aCancelForATaskStillQueuedFindsItPlaced() {
    for (int i = 0; i < 3; i++) {
      task("t" + i, i);
    }
    commands.publish(OperatorCommand.builder().kind(OperatorCommand.KIND_CANCEL_TASK)
        .commandId("c1").taskId("t2").build());
    runAll();
    assertTrue(events.stream().anyMatch(e -> e.kind() == FleetEvent.TASK_CANCELLED
        && e.taskId().equals("t2")), events.toString());
    assertTrue(events.stream().noneMatch(e -> e.kind() == FleetEvent.COMMAND_REJECTED),
        events.toString());
    assertEquals(List.of("task t0", "task t1", "task t2"), causes().subList(0, 3));
  }
}
