package dev.flotilla.cockpit;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.OperatorCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.AllocatorNode;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.NodeFixture;
import dev.flotilla.node.PlannerNode;
import dev.flotilla.node.PlannerParams;
import dev.flotilla.ros.Bus;
import java.time.Duration;
import java.util.List;

/**
 * A planner and an allocator on an in-memory bus (synchronous, deterministic), robots r1–r3
 * joined, an operator client and a fleet observer on the same bus, and recorders of what the
 * operator sent.
 */
final class CockpitFixture {
  static final OperatorClient.Timeouts QUICK = new OperatorClient.Timeouts(
      Duration.ofMillis(300), Duration.ofMillis(300), Duration.ZERO);

  final NodeFixture f = new NodeFixture();
  final List<TaskRequest> sentTasks = f.record("/flotilla/tasks", TaskRequest.TYPE);
  final List<OperatorCommand> sentCommands =
      f.record("/flotilla/commands", OperatorCommand.TYPE);
  final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
  final Bus.Publisher<FleetEvent> fleetEvents =
      f.bus.publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS);
  AllocatorNode allocator;
  OperatorClient client;
  FleetObserver observer;

  /** The whole fleet: planner and allocator, r1–r3 joined. */
  static CockpitFixture running(String allocatorExtra) {
    CockpitFixture c = new CockpitFixture();
    c.startNodes(allocatorExtra);
    for (String r : List.of("r1", "r2", "r3")) {
      c.event(FleetEvent.ROBOT_JOINED, r, "");
    }
    c.attach();
    return c;
  }

  void startNodes(String allocatorExtra) {
    new PlannerNode(f.context("planner"), PlannerParams.read(
        NodeFixture.params(NodeFixture.FLEET).forNode("/", "planner"))).start();
    allocator = new AllocatorNode(f.context("allocator"), AllocatorParams.read(
        NodeFixture.params(NodeFixture.FLEET + allocatorExtra).forNode("/", "allocator")));
    allocator.start();
  }

  void attach() {
    client = new OperatorClient(f.bus, "/", "operator", f.clock, QUICK);
    observer = new FleetObserver(f.bus, "/");
  }

  void event(byte kind, String robot, String task) {
    fleetEvents.publish(FleetEvent.builder().kind(kind).robotId(robot).taskId(task)
        .stepIndex(-1).source(robot).reason("test").build());
  }

  /** @return the robots the current plan gives the task */
  List<String> robotsOf(String taskId) {
    return observer.snapshot().task(taskId).map(TaskView::robots).orElse(List.of());
  }
}
