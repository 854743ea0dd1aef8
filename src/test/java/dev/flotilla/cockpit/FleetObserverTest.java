package dev.flotilla.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.UnassignedTask;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.QosProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the observer makes of the fleet's topics: states, ages, the event cap, listeners. */
class FleetObserverTest {
  private final InMemoryBus bus = new InMemoryBus();
  private long nanos = 5_000_000_000L;
  private final Bus.Publisher<FleetEvent> events =
      bus.publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS);
  private final Bus.Publisher<Allocation> plans =
      bus.publisher("/flotilla/allocation", Allocation.TYPE, FlotillaQos.ALLOCATION);
  private final Bus.Publisher<Heartbeat> heartbeats =
      bus.publisher("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.SENSOR_DATA);

  private void event(byte kind, String robot, String task, String reason) {
    events.publish(FleetEvent.builder().kind(kind).robotId(robot).taskId(task).stepIndex(-1)
        .source("test").reason(reason).build());
  }

  private static PlanStep step(String task) {
    return PlanStep.builder().taskId(task).action("goto").build();
  }

  @Test
  void tasksGoThroughTheirStatesAsTheTopicsTellThem() {
    // History published before the observer starts is read too (transient-local).
    event(FleetEvent.TASK_ACCEPTED, "", "run", "valid");
    event(FleetEvent.TASK_ACCEPTED, "", "phi1", "planned with 3 steps");
    FleetObserver o = new FleetObserver(bus, "/", () -> nanos);
    event(FleetEvent.TASK_ACCEPTED, "", "done", "valid");
    event(FleetEvent.TASK_ACCEPTED, "", "lost", "valid");
    event(FleetEvent.TASK_REJECTED, "", "bad", "region 'attic' is not a known region");
    event(FleetEvent.TASK_ACCEPTED, "", "nobody", "valid");
    event(FleetEvent.TASK_ACCEPTED, "", "wait", "valid");
    plans.publish(Allocation.builder().planVersion(4).plans(List.of(
        new RobotPlan("r1", List.of(step("run"), step("phi1"))), new RobotPlan("r2", List.of())))
        .unassigned(List.of(new UnassignedTask("nobody", UnassignedTask.REASON_NO_CAPABLE_ROBOT,
            "no robot can lift"))).build());
    event(FleetEvent.TASK_STARTED, "r1", "run", "arrived");
    event(FleetEvent.TASK_COMPLETED, "r2", "done", "done");
    event(FleetEvent.TASK_FAILED, "r2", "lost", "goal not reached");
    FleetSnapshot s = o.snapshot();
    assertEquals(4, s.planVersion());
    assertEquals(TaskState.RUNNING, s.task("run").orElseThrow().state());
    assertEquals("multi_robot", s.task("run").orElseThrow().kind());
    assertEquals(TaskState.ASSIGNED, s.task("phi1").orElseThrow().state());
    assertEquals("ltl", s.task("phi1").orElseThrow().kind());
    assertEquals(TaskState.DONE, s.task("done").orElseThrow().state());
    assertEquals(List.of("r2"), s.task("done").orElseThrow().robots());
    assertEquals(TaskState.FAILED, s.task("lost").orElseThrow().state());
    assertEquals(TaskState.REJECTED, s.task("bad").orElseThrow().state());
    // Regression: a second request under the refused id is refused for the id alone, and the
    // task list kept showing that instead of why the task was refused.
    event(FleetEvent.TASK_REJECTED, "", "bad", "task_id 'bad' is taken by an earlier task");
    assertEquals("region 'attic' is not a known region",
        o.snapshot().task("bad").orElseThrow().reason());
    assertEquals(TaskState.UNASSIGNABLE, s.task("nobody").orElseThrow().state());
    assertEquals("no robot can lift", s.task("nobody").orElseThrow().reason());
    assertEquals(TaskState.PENDING, s.task("wait").orElseThrow().state());
    assertEquals(List.of("r1", "r2"), List.copyOf(s.plan().keySet()));
  }

  @Test
  void robotsShowTheirStateHeartbeatAgeAndWork() {
    FleetObserver o = new FleetObserver(bus, "/", () -> nanos);
    heartbeats.publish(Heartbeat.builder().robotId("r1").currentTaskId("t1").currentStep(0)
        .battery(0.5f).build());
    event(FleetEvent.ROBOT_JOINED, "r2", "", "");
    event(FleetEvent.ROBOT_FAILED, "r2", "", "silent 1.2 s");
    event(FleetEvent.ROBOT_JOINED, "r3", "", "");
    event(FleetEvent.ROBOT_PAUSED, "r3", "", "maintenance");
    nanos += 2_500_000_000L;
    FleetSnapshot s = o.snapshot();
    RobotView r1 = s.robot("r1").orElseThrow();
    assertEquals(RobotState.ALIVE, r1.state());
    assertEquals(2.5, r1.heartbeatAge(), 1e-9);
    assertEquals(0.5, r1.battery(), 1e-6);
    assertEquals("t1", r1.currentTask());
    assertEquals(RobotState.FAILED, s.robot("r2").orElseThrow().state());
    assertNull(s.robot("r2").orElseThrow().heartbeatAge());
    assertEquals(RobotState.PAUSED, s.robot("r3").orElseThrow().state());
    event(FleetEvent.ROBOT_RESUMED, "r3", "", "");
    assertEquals(RobotState.ALIVE, o.snapshot().robot("r3").orElseThrow().state());
    assertTrue(SnapshotText.fleet(o.snapshot()).contains("2.5 s ago"));
  }

  @Test
  void theEventLogIsCappedAndListenersHearChangesNotEveryHeartbeat() {
    FleetObserver o = new FleetObserver(bus, "/", () -> nanos);
    List<FleetSnapshot> heard = new ArrayList<>();
    o.addListener(heard::add);
    for (int i = 0; i < FleetObserver.EVENTS_KEPT + 30; i++) {
      event(FleetEvent.TASK_STARTED, "r1", "t" + i, "");
    }
    FleetSnapshot s = o.snapshot();
    assertEquals(FleetObserver.EVENTS_KEPT, s.events().size());
    assertEquals("t79", s.events().get(s.events().size() - 1).taskId());
    int before = heard.size();
    for (int i = 0; i < 10; i++) {
      heartbeats.publish(Heartbeat.builder().robotId("r1").battery(Float.NaN).build());
    }
    assertEquals(before + 1, heard.size(), "one change (r1 heard), then the same state");
    nanos += 1_000_000_000L;
    heartbeats.publish(Heartbeat.builder().robotId("r1").battery(Float.NaN).build());
    assertEquals(before + 2, heard.size(), "a second later: a redraw for the ages");
  }
}
