package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.ParamsException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash recovery from the journal and hot standby, on an in-memory bus with a hand clock. */
class AllocatorRecoveryTest {
  @TempDir Path dir;

  private static AllocatorParams params(String extra) {
    return AllocatorParams.read(NodeFixture.params(NodeFixture.FLEET + extra)
        .forNode("/", "allocator"));
  }

  private static void event(Bus.Publisher<FleetEvent> events, byte kind, String robot,
      String task) {
    events.publish(FleetEvent.builder().kind(kind).robotId(robot).taskId(task).stepIndex(-1)
        .build());
  }

  private static TaskRequest task(String id, double x, double y) {
    return TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
        .location(new Point(x, y, 0)).requiredRobots(1).baseUtility(100).decayRate(0.001)
        .duration(60).build();
  }

  private static List<String> plannedTasks(Allocation a) {
    return a.plans().stream().flatMap(p -> p.steps().stream()).map(PlanStep::taskId).toList();
  }

  /** No task is in more robots' plans than it needs, in any version (all tasks need one). */
  private static void assertNoTaskTwice(List<Allocation> history) {
    for (Allocation a : history) {
      Map<String, Integer> robots = new HashMap<>();
      for (RobotPlan p : a.plans()) {
        p.steps().stream().map(PlanStep::taskId).distinct()
            .forEach(t -> robots.merge(t, 1, Integer::sum));
      }
      robots.forEach((t, n) -> assertEquals(1, n, "task " + t + " in " + n + " plans at v"
          + a.planVersion()));
    }
  }

  private static void assertStrictlyIncreasing(List<Allocation> history) {
    for (int i = 1; i < history.size(); i++) {
      assertTrue(history.get(i).planVersion() > history.get(i - 1).planVersion(),
          "versions " + history.stream().map(Allocation::planVersion).toList());
    }
  }

  @Test
  void aRestartedAllocatorRestoresItsStateAndNeverRedoesACompletedTask() {
    String extra = "    state_dir: " + dir.resolve("state") + "\n";
    NodeFixture before = new NodeFixture();
    List<Allocation> seen = before.record("/flotilla/allocation", Allocation.TYPE);
    new AllocatorNode(before.context("allocator"), params(extra)).start();
    var events = before.publisher("/flotilla/events", FleetEvent.TYPE);
    var accepted = before.bus.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE,
        FlotillaQos.ACCEPTED_TASKS);
    for (String r : List.of("r1", "r2", "r3")) {
      event(events, FleetEvent.ROBOT_JOINED, r, "");
    }
    accepted.publish(task("near1", 1, 0));
    accepted.publish(task("near2", 11, 0));
    accepted.publish(task("near3", 0, 11));
    event(events, FleetEvent.TASK_COMPLETED, "r1", "near1");
    event(events, FleetEvent.ROBOT_FAILED, "r3", "");
    Allocation last = seen.get(seen.size() - 1);
    assertFalse(plannedTasks(last).contains("near1"));

    // kill -9: the process and its bus are gone; nothing is closed. A new process on a new bus
    // (the planner offers its accepted tasks again, as its transient-local history does).
    NodeFixture after = new NodeFixture();
    List<Allocation> republished = after.record("/flotilla/allocation", Allocation.TYPE);
    List<Reassignment> diffs = after.record("/flotilla/reassignment", Reassignment.TYPE);
    var again = after.bus.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE,
        FlotillaQos.ACCEPTED_TASKS);
    again.publish(task("near1", 1, 0));
    again.publish(task("near2", 11, 0));
    AllocatorNode restarted = new AllocatorNode(after.context("allocator"), params(extra));
    restarted.start();
    assertEquals(0.1, restarted.tickPeriod());
    restarted.tick();
    assertTrue(republished.isEmpty(), "the fleet's history may still be arriving");
    after.now += AllocatorNode.RECOVERY_SETTLE;
    restarted.tick();
    assertEquals(1, republished.size(), "the current plan is republished once settled");
    Allocation recovered = republished.get(0);
    assertEquals(last.planVersion() + 1, recovered.planVersion());
    assertEquals(Reassignment.CAUSE_INITIAL, recovered.cause());
    assertEquals("recovered from journal", diffs.get(0).subject());
    assertEquals(last.planVersion(), diffs.get(0).previousVersion());
    assertTrue(plannedTasks(recovered).containsAll(List.of("near2", "near3")),
        "no accepted task lost: " + plannedTasks(recovered));
    assertFalse(plannedTasks(recovered).contains("near1"), "completed before the crash");
    assertTrue(recovered.plans().stream().filter(p -> p.robotId().equals("r3"))
        .allMatch(p -> p.steps().isEmpty()), "r3 is still failed");
    again.publish(task("near1", 1, 0));
    again.publish(task("late", 2, 0));
    assertFalse(republished.stream().anyMatch(a -> plannedTasks(a).contains("near1")));
    assertTrue(plannedTasks(republished.get(republished.size() - 1)).contains("late"));
    List<Allocation> all = new java.util.ArrayList<>(seen);
    all.addAll(republished);
    assertStrictlyIncreasing(all);
    assertNoTaskTwice(all);
  }

  @Test
  void aCompletionHeardBeforeTheAcceptanceKeepsTheTaskOutOfEveryPlan() {
    NodeFixture f = new NodeFixture();
    List<Allocation> seen = f.record("/flotilla/allocation", Allocation.TYPE);
    new AllocatorNode(f.context("allocator"), params("    state_dir: " + dir + "\n")).start();
    var events = f.publisher("/flotilla/events", FleetEvent.TYPE);
    var accepted = f.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE);
    event(events, FleetEvent.ROBOT_JOINED, "r1", "");
    // Over DDS the events history and the accepted tasks come on different topics, in any order.
    event(events, FleetEvent.TASK_COMPLETED, "r1", "old");
    accepted.publish(task("old", 1, 0));
    accepted.publish(task("new", 2, 0));
    assertFalse(seen.stream().anyMatch(a -> plannedTasks(a).contains("old")));
    assertEquals(List.of("new"), plannedTasks(seen.get(seen.size() - 1)));
  }

  @Test
  void aStandbyNeedsALease() {
    ParamsException e = assertThrows(ParamsException.class,
        () -> params("    standby: true\n"));
    assertTrue(e.getMessage().contains("allocator.lease_duration"), e.getMessage());
  }

  @Test
  void theStandbyTakesOverWithinTwoLeasesAndTheOldPrimaryStepsDown() {
    NodeFixture f = new NodeFixture();
    List<Allocation> seen = f.record("/flotilla/allocation", Allocation.TYPE);
    SeverableBus primaryBus = new SeverableBus(f.bus);
    AllocatorNode primary = new AllocatorNode(new NodeContext("allocator", "/", primaryBus,
        f.clock, Runnable::run), params("    lease_duration: 1.0\n    state_dir: "
            + dir.resolve("p") + "\n"));
    AllocatorNode standby = new AllocatorNode(new NodeContext("allocator_standby", "/", f.bus,
        f.clock, Runnable::run), params("    lease_duration: 1.0\n    standby: true\n"
            + "    state_dir: " + dir.resolve("s") + "\n"));
    primary.start();
    standby.start();
    double step = primary.tickPeriod();
    assertEquals(1.0 / 6, step, 1e-12);
    Runnable tick = () -> {
      f.now += step;
      if (!primaryBus.severed) {
        primary.tick();
      }
      standby.tick();
    };
    for (int i = 0; i < 9; i++) {
      tick.run();
    }
    assertTrue(primary.active(), "the primary is elected after one lease of silence");
    assertFalse(standby.active());
    var events = f.publisher("/flotilla/events", FleetEvent.TYPE);
    var accepted = f.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE);
    for (String r : List.of("r1", "r2", "r3")) {
      event(events, FleetEvent.ROBOT_JOINED, r, "");
    }
    accepted.publish(task("near1", 1, 0));
    accepted.publish(task("near2", 11, 0));
    event(events, FleetEvent.TASK_COMPLETED, "r1", "near1");
    accepted.publish(task("near3", 0, 11));
    assertFalse(standby.active());
    long beforeCrash = seen.get(seen.size() - 1).planVersion();

    primaryBus.severed = true;
    double crashAt = f.now;
    int published = seen.size();
    while (seen.size() == published && f.now < crashAt + 5) {
      tick.run();
    }
    assertTrue(standby.active(), "no takeover");
    double takeover = f.now - crashAt;
    assertTrue(takeover <= 2.0, "takeover after " + takeover + " s, more than two leases");
    Allocation first = seen.get(published);
    assertEquals(beforeCrash + 1, first.planVersion());
    assertEquals(List.of("near2", "near3"), plannedTasks(first).stream().sorted().toList(),
        "the standby mirrored the tasks and the completion");

    // kill -9 and restart of the old primary: it comes back passive, hears the active lease,
    // and stays standby; versions stay strictly increasing for every subscriber.
    AllocatorNode restarted = new AllocatorNode(new NodeContext("allocator", "/", f.bus, f.clock,
        Runnable::run), params("    lease_duration: 1.0\n    state_dir: " + dir.resolve("p")
            + "\n"));
    restarted.start();
    accepted.publish(task("near4", 1, 1));
    for (int i = 0; i < 18; i++) {
      tick.run();
      restarted.tick();
    }
    assertFalse(restarted.active(), "the restarted primary must not take the lease back");
    assertTrue(standby.active());
    assertStrictlyIncreasing(seen);
    assertNoTaskTwice(seen);

    // A healed partition: the old instance still believes it is active and plans once with a
    // stale version, which consumers drop (not newer); it sees the newer version and steps down.
    primaryBus.severed = false;
    accepted.publish(task("near5", 9, 1));
    for (int i = 0; i < 3; i++) {
      tick.run();
    }
    assertFalse(primary.active(), "the old primary saw a newer version and stepped down");
    assertTrue(standby.active());
    accepted.publish(task("near6", 9, 2));
    Allocation last = seen.get(seen.size() - 1);
    assertTrue(plannedTasks(last).containsAll(List.of("near2", "near3", "near4", "near5",
        "near6")), plannedTasks(last).toString());
    assertEquals(seen.stream().mapToLong(Allocation::planVersion).max().orElseThrow(),
        last.planVersion(), "the active instance's plan is the newest");
    assertNoTaskTwice(seen);
  }

  /**
   * Issue #16 (across hosts): a primary cut off by the network keeps running and believes it is
   * active; on the heal the standby's newer plan reaches it before any lease (the latched plan is
   * delivered on rematch) and deposes it. It used to take over again at its next tick — it had
   * never heard an active lease — and the two deposed each other twice a lease for ever (seen
   * over network namespaces: 240 plan versions in a minute, and no plan that lasted).
   */
  @Test
  void afterAHealedPartitionOneInstanceStaysActive() {
    NodeFixture f = new NodeFixture();
    List<Allocation> seen = f.record("/flotilla/allocation", Allocation.TYPE);
    SeverableBus primaryBus = new SeverableBus(f.bus);
    AllocatorNode primary = new AllocatorNode(new NodeContext("allocator", "/", primaryBus,
        f.clock, Runnable::run), params("    lease_duration: 1.0\n"));
    AllocatorNode standby = new AllocatorNode(new NodeContext("allocator_standby", "/", f.bus,
        f.clock, Runnable::run), params("    lease_duration: 1.0\n    standby: true\n"));
    primary.start();
    standby.start();
    double step = primary.tickPeriod();
    Runnable tick = () -> {
      f.now += step;
      primary.tick(); // runs on, partitioned or not
      standby.tick();
    };
    for (int i = 0; i < 9; i++) {
      tick.run();
    }
    assertTrue(primary.active());
    var events = f.publisher("/flotilla/events", FleetEvent.TYPE);
    var accepted = f.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE);
    for (String r : List.of("r1", "r2", "r3")) {
      event(events, FleetEvent.ROBOT_JOINED, r, "");
    }
    accepted.publish(task("p1", 1, 0));

    primaryBus.severed = true;
    for (int i = 0; i < 18; i++) {
      tick.run();
    }
    assertTrue(standby.active(), "the standby took over");
    assertTrue(primary.active(), "the cut-off primary still believes it is active");
    accepted.publish(task("p2", 11, 0));

    // The heal: the standby's next plan arrives before any lease.
    primaryBus.severed = false;
    accepted.publish(task("p3", 0, 11));
    assertFalse(primary.active(), "the newer plan deposed the old primary");
    int published = seen.size();
    for (int i = 0; i < 24; i++) {
      tick.run();
    }
    assertTrue(standby.active() != primary.active(), "exactly one instance is active");
    assertTrue(standby.active(), "the instance with the newer plan stays active");
    assertEquals(published, seen.size(), "plans published in the four leases after the heal: "
        + seen.subList(published, seen.size()).stream().map(Allocation::planVersion).toList());
  }

  /** A bus whose node can be cut off, as if its process died (or was partitioned away). */
  static final class SeverableBus implements Bus {
    private final Bus inner;
    volatile boolean severed;

    SeverableBus(Bus inner) {
      this.inner = inner;
    }

    @Override
    public <T> Publisher<T> publisher(String topic, MessageType<T> type, QosProfile qos) {
      Publisher<T> p = inner.publisher(topic, type, qos);
      return m -> !severed && p.publish(m);
    }

    @Override
    public <T> AutoCloseable subscribe(String topic, MessageType<T> type, QosProfile qos,
        Consumer<T> handler) {
      return inner.subscribe(topic, type, qos, m -> {
        if (!severed) {
          handler.accept(m);
        }
      });
    }

    @Override
    public void close() {}
  }
}
