package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.diagnostic_msgs.DiagnosticArray;
import dev.flotilla.msgs.diagnostic_msgs.KeyValue;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.Auth;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.security.KeyDir;
import dev.flotilla.security.RejectReason;
import dev.flotilla.security.SecureBus;
import dev.flotilla.security.SecurityParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8's attacks on a secured fleet (planner, allocator, synchronizer, robots; in memory):
 * an unlisted node publishing heartbeats, tasks and allocations, a listed robot sending an
 * allocation, a replayed old allocation and a bit-flipped signature — each rejected, counted under
 * its reason, and the plan unchanged.
 */
class SecuredFleetAttackTest {
  @TempDir Path tmp;
  final NodeFixture f = new NodeFixture();
  final List<Allocation> raw = f.record("/flotilla/allocation", Allocation.TYPE);
  final Map<String, SecureBus> buses = new java.util.HashMap<>();
  RosParamsFileHolder file;

  /** Keeps the parsed file for specs. */
  record RosParamsFileHolder(dev.flotilla.ros.params.RosParamsFile file) {}

  void startFleet(String mode) {
    Path keys = tmp.resolve("keys");
    KeyDir.generate(keys, List.of("operator", "planner", "allocator", "synchronizer", "r1", "r2",
        "r3"), false);
    KeyDir.generate(tmp.resolve("mallory_keys"), List.of("mallory"), false);
    String yaml = NodeFixture.FLEET.replaceFirst("(?m)^( *)robots:", "$1security: {mode: "
        + mode + ", keys_dir: " + keys + "}\n$1robots:");
    file = new RosParamsFileHolder(NodeFixture.params(yaml));
    for (String name : List.of("synchronizer", "allocator", "planner")) {
      NodeHost.NodeSpec spec = NodeHost.spec(name, file.file(), "/");
      SecureBus bus = (SecureBus) spec.secure(f.bus, f.clock);
      buses.put(name, bus);
      spec.create(new NodeContext(name, "/", bus, f.clock, Runnable::run)).start();
    }
  }

  Bus as(String identity) {
    SecurityParams p = NodeHost.spec("allocator", file.file(), "/").security();
    return p.secure(f.bus, identity, f.clock);
  }

  Bus mallory() {
    SecurityParams p = NodeHost.spec("allocator", file.file(), "/").security();
    return new SecureBus(f.bus, "mallory", p, KeyDir.load(tmp.resolve("mallory_keys")), f.clock);
  }

  static TaskRequest task(String id, double x) {
    return TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
        .location(new Point(x, 0, 0)).requiredRobots(1).baseUtility(100).decayRate(0.001)
        .duration(60).build();
  }

  /** Robots join and one genuine task is planned: version 1+ exists. */
  void genuineTraffic() {
    for (String r : List.of("r1", "r2", "r3")) {
      as(r).publisher("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.SENSOR_DATA)
          .publish(Heartbeat.builder().robotId(r).sequenceNumber(1).currentStep(-1)
              .health(1).build());
    }
    as("operator").publisher("/flotilla/tasks", TaskRequest.TYPE, FlotillaQos.TASKS)
        .publish(task("genuine", 2));
  }

  long rejected(String node, RejectReason reason) {
    return buses.get(node).rejected(reason);
  }

  static Map<String, List<String>> plans(Allocation a) {
    return a.plans().stream().collect(Collectors.toMap(p -> p.robotId(),
        p -> p.steps().stream().map(s -> s.taskId()).toList()));
  }

  @Test
  void attacksAreRejectedCountedAndThePlanIsUnchanged() {
    startFleet("enforce");
    List<Allocation> robotSees = new ArrayList<>();
    as("r1").subscribe("/flotilla/allocation", Allocation.TYPE, FlotillaQos.ALLOCATION,
        robotSees::add);
    List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
    genuineTraffic();
    assertFalse(raw.isEmpty(), "the genuine task was planned");
    Allocation genuine = raw.get(raw.size() - 1);
    assertEquals("allocator", genuine.auth().senderId());
    assertEquals(List.of("genuine"), plans(genuine).values().stream().flatMap(List::stream)
        .toList());
    int versions = raw.size();
    int seen = robotSees.size();

    // An unlisted node with a key of its own: heartbeats, tasks and an allocation.
    Bus m = mallory();
    m.publisher("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.SENSOR_DATA)
        .publish(Heartbeat.builder().robotId("r9").currentStep(-1).build());
    m.publisher("/flotilla/tasks", TaskRequest.TYPE, FlotillaQos.TASKS).publish(task("evil", 5));
    m.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE, FlotillaQos.ACCEPTED_TASKS)
        .publish(task("evil2", 5));
    Allocation forged = new Allocation(genuine.planVersion() + 1, genuine.stamp(),
        genuine.cause(), List.of(), List.of(), 0);
    m.publisher("/flotilla/allocation", Allocation.TYPE, FlotillaQos.ALLOCATION).publish(forged);
    assertEquals(1, rejected("synchronizer", RejectReason.UNKNOWN_SENDER)
        - 0 - countOn("synchronizer", "/flotilla/allocation", "unknown_sender"),
        "synchronizer: the heartbeat");
    assertEquals(1, countOn("planner", "/flotilla/tasks", "unknown_sender"));
    assertEquals(1, countOn("allocator", "/flotilla/accepted_tasks", "unknown_sender"));
    assertEquals(1, countOn("synchronizer", "/flotilla/allocation", "unknown_sender"));

    // A listed robot, genuinely signed, sending an allocation.
    as("r2").publisher("/flotilla/allocation", Allocation.TYPE, FlotillaQos.ALLOCATION)
        .publish(forged);
    assertEquals(1, rejected("synchronizer", RejectReason.WRONG_ROLE));

    // A replayed old allocation: a genuine message captured earlier, sent again verbatim.
    Bus.Publisher<Allocation> wire = f.bus.publisher("/flotilla/allocation", Allocation.TYPE,
        FlotillaQos.ALLOCATION);
    wire.publish(raw.get(0));
    assertEquals(1, rejected("synchronizer", RejectReason.REPLAYED));

    // A bit-flipped signature on an otherwise genuine, new-looking allocation.
    List<Byte> sig = new ArrayList<>(genuine.auth().signature());
    sig.set(5, (byte) (sig.get(5) ^ 0x10));
    wire.publish(genuine.withAuth(new Auth("allocator", genuine.auth().sequence() + 1,
        Auth.SCHEME_ED25519, sig)));
    assertEquals(1, rejected("synchronizer", RejectReason.BAD_SIGNATURE));

    // Unsigned heartbeats straight onto the wire.
    f.bus.publisher("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.SENSOR_DATA)
        .publish(Heartbeat.builder().robotId("r1").sequenceNumber(99).currentStep(-1).build());
    assertEquals(1, rejected("synchronizer", RejectReason.UNSIGNED));

    // The plan is unchanged: no new version, and the robot acted on nothing new.
    assertEquals(seen, robotSees.size(), "a robot checking signatures received nothing new");
    assertEquals(genuine.planVersion(), raw.get(versions - 1).planVersion());
    assertEquals(List.of("r1", "r2", "r3").size(), plans(genuine).size());
    as("operator").publisher("/flotilla/tasks", TaskRequest.TYPE, FlotillaQos.TASKS)
        .publish(task("genuine_2", 3));
    Allocation last = raw.get(raw.size() - 1);
    assertEquals(genuine.planVersion() + 1, last.planVersion(),
        "the next genuine version follows the last genuine one");
    assertFalse(plans(last).values().stream().flatMap(List::stream)
        .anyMatch(t -> t.startsWith("evil")));

    // Reported: one INPUT_REJECTED per (topic, sender, reason), and diagnostics.
    List<FleetEvent> rejections = events.stream()
        .filter(e -> e.kind() == FleetEvent.INPUT_REJECTED).toList();
    assertTrue(rejections.stream().anyMatch(e -> e.source().equals("synchronizer")
        && e.reason().startsWith("wrong_role: 'r2' on /flotilla/allocation")), rejections
        .toString());
    assertTrue(rejections.stream().anyMatch(e -> e.source().equals("planner")
        && e.reason().startsWith("unknown_sender: 'mallory' on /flotilla/tasks")));
    List<DiagnosticArray> diagnostics = f.record("/diagnostics", DiagnosticArray.TYPE);
    buses.get("synchronizer").publishDiagnostics();
    var status = diagnostics.get(0).status().get(0);
    assertEquals("flotilla/security: synchronizer", status.name());
    Map<String, String> values = status.values().stream()
        .collect(Collectors.toMap(KeyValue::key, KeyValue::value));
    assertEquals("1", values.get("rejected.replayed"));
    assertEquals("1", values.get("rejected.bad_signature"));
    assertEquals("enforce", values.get("mode"));
  }

  private long countOn(String node, String topic, String reason) {
    return buses.get(node).rejections().getOrDefault(topic + " " + reason, 0L);
  }

  @Test
  void warnModeDeliversButCounts() {
    startFleet("warn");
    genuineTraffic();
    int versions = raw.size();
    mallory().publisher("/flotilla/tasks", TaskRequest.TYPE, FlotillaQos.TASKS)
        .publish(task("evil", 5));
    assertEquals(1, rejected("planner", RejectReason.UNKNOWN_SENDER));
    assertTrue(raw.size() > versions, "warn mode: the unauthenticated task still reached the plan");
  }
}
