package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.Auth;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.security.KeyDir;
import dev.flotilla.security.RejectReason;
import dev.flotilla.security.SecureBus;
import dev.flotilla.security.SecurityParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8's attacks over real DDS (domain 151, loopback): the synchronizer and allocator run
 * with security enforced; an unlisted participant publishes heartbeats and an allocation, a
 * listed robot publishes an allocation, a genuine allocation is replayed and one is sent with a
 * flipped signature bit. Each is rejected and counted; the allocator's plan is unchanged.
 */
class SecuredDdsIT {
  static final int DOMAIN = 151;
  @TempDir Path tmp;

  @Test
  void forgedAndReplayedMessagesAreDroppedOverDds() throws Exception {
    Path keys = tmp.resolve("keys");
    KeyDir.generate(keys, List.of("operator", "planner", "allocator", "synchronizer", "r1"),
        false);
    KeyDir.generate(tmp.resolve("other"), List.of("mallory"), false);
    RosParamsFile file = RosParamsFile.parse("secured.yaml", """
        /**:
          ros__parameters:
            security: {mode: enforce, keys_dir: %s}
            robots:
              r1: {x: 0.0, y: 0.0}
        synchronizer:
          ros__parameters:
            heartbeat_timeout: 2.0
        """.formatted(keys));
    SecurityParams security = NodeHost.spec("allocator", file, "/").security();
    try (NodeHost host = new NodeHost(true);
        DdsBus wire = new DdsBus("secured_it", "/", DOMAIN, true)) {
      host.start(NodeHost.spec("synchronizer", file, "/"), DOMAIN);
      host.start(NodeHost.spec("allocator", file, "/"), DOMAIN);
      List<Allocation> raw = new CopyOnWriteArrayList<>();
      wire.subscribe("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED, raw::add);
      Bus robot = security.secure(wire, "r1", NodeClock.SYSTEM);
      Bus.Publisher<Heartbeat> hb = robot.publisher("/flotilla/heartbeat", Heartbeat.TYPE,
          QosProfile.SENSOR_DATA);
      Bus.Publisher<TaskRequest> accepted = security.secure(wire, "planner", NodeClock.SYSTEM)
          .publisher("/flotilla/accepted_tasks", TaskRequest.TYPE,
              new QosProfile(true, true, 1000));
      long seq = 0;
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (raw.isEmpty() && System.nanoTime() < deadline) {
        hb.publish(Heartbeat.builder().robotId("r1").sequenceNumber(++seq).currentStep(-1)
            .health(1).build());
        if (seq % 10 == 0) {
          accepted.publish(TaskRequest.builder().taskId("genuine")
              .kind(TaskRequest.KIND_MULTI_ROBOT).location(new Point(1, 0, 0)).requiredRobots(1)
              .baseUtility(100).decayRate(0.001).duration(60).build());
        }
        Thread.sleep(100);
      }
      assertFalse(raw.isEmpty(), "the genuine task was planned over DDS");
      Thread.sleep(1500); // let r1's join and the task settle into the plan
      Allocation genuine = raw.get(raw.size() - 1);
      SecureBus sync = host.security("synchronizer").orElseThrow();
      SecureBus alloc = host.security("allocator").orElseThrow();

      Bus mallory = new SecureBus(wire, "mallory", security,
          KeyDir.load(tmp.resolve("other")), NodeClock.SYSTEM);
      Bus.Publisher<Heartbeat> fakeHb = mallory.publisher("/flotilla/heartbeat", Heartbeat.TYPE,
          QosProfile.SENSOR_DATA);
      // The receivers' QoS is transient-local: a volatile writer would not even match them.
      Bus.Publisher<Allocation> fakeAlloc = mallory.publisher("/flotilla/allocation",
          Allocation.TYPE, QosProfile.LATCHED);
      Bus.Publisher<TaskRequest> fakeTask = mallory.publisher("/flotilla/accepted_tasks",
          TaskRequest.TYPE, new QosProfile(true, true, 1000));
      Bus.Publisher<Allocation> robotAlloc = robot.publisher("/flotilla/allocation",
          Allocation.TYPE, QosProfile.LATCHED);
      Bus.Publisher<Allocation> replay = wire.publisher("/flotilla/allocation", Allocation.TYPE,
          QosProfile.LATCHED);
      Allocation forged = new Allocation(genuine.planVersion() + 1, genuine.stamp(),
          genuine.cause(), List.of(), List.of(), 0);
      List<Byte> sig = new ArrayList<>(genuine.auth().signature());
      sig.set(0, (byte) (sig.get(0) ^ 1));
      Allocation flipped = genuine.withAuth(new Auth("allocator", genuine.auth().sequence() + 1,
          Auth.SCHEME_ED25519, sig));
      // Discovery of the new writers takes wall time: repeat until every reason was counted.
      deadline = System.nanoTime() + 30_000_000_000L;
      BooleanSupplier all = () -> sync.rejected(RejectReason.UNKNOWN_SENDER) >= 2
          && sync.rejected(RejectReason.WRONG_ROLE) >= 1
          && sync.rejected(RejectReason.REPLAYED) >= 1
          && sync.rejected(RejectReason.BAD_SIGNATURE) >= 1
          && alloc.rejected(RejectReason.UNKNOWN_SENDER) >= 1;
      while (!all.getAsBoolean() && System.nanoTime() < deadline) {
        hb.publish(Heartbeat.builder().robotId("r1").sequenceNumber(++seq).currentStep(-1)
            .health(1).build());
        fakeHb.publish(Heartbeat.builder().robotId("r9").currentStep(-1).build());
        fakeAlloc.publish(forged);
        fakeTask.publish(TaskRequest.builder().taskId("evil").kind(TaskRequest.KIND_MULTI_ROBOT)
            .location(new Point(2, 0, 0)).requiredRobots(1).baseUtility(1000).duration(1)
            .build());
        robotAlloc.publish(forged);
        replay.publish(raw.get(0));
        replay.publish(flipped);
        Thread.sleep(200);
      }
      assertTrue(all.getAsBoolean(), "sync " + sync.rejections() + " alloc "
          + alloc.rejections());
      assertEquals(0, sync.rejected(RejectReason.UNSIGNED), sync.rejections().toString());
      Thread.sleep(500);
      // Forged input changed nothing: every plan the allocator signed holds only the genuine
      // robot and task, and the allocator kept publishing (a forged newer plan did not depose
      // it). Whether r1 still holds the task at the end is not compared: under load the allocator
      // may legitimately re-plan (r1's heartbeats late, declared failed, then recovered), which
      // is not what this test is about (issue #16).
      List<Allocation> signed = raw.stream()
          .filter(a -> a.auth().senderId().equals("allocator")).toList();
      for (Allocation a : signed) {
        assignment(a).forEach((robotId, tasks) -> {
          assertEquals("r1", robotId, "a robot nobody vouched for in plan v" + a.planVersion());
          assertTrue(tasks.stream().allMatch("genuine"::equals),
              "plan v" + a.planVersion() + " holds " + tasks);
        });
      }
      assertTrue(signed.stream().mapToLong(Allocation::planVersion).max().orElseThrow()
          >= genuine.planVersion());
      assertFalse(raw.stream().flatMap(a -> a.plans().stream()).flatMap(p -> p.steps().stream())
          .anyMatch(s -> s.taskId().equals("evil")));
      assertTrue(alloc.costs().verified() > 0 && sync.costs().verifyNanos() > 0);
    }
  }

  /** Which tasks each robot holds, in plan order: what forged input must not change. */
  private static Map<String, List<String>> assignment(Allocation a) {
    Map<String, List<String>> out = new TreeMap<>();
    a.plans().forEach(p -> out.put(p.robotId(), p.steps().stream().map(PlanStep::taskId)
        .toList()));
    return out;
  }
}
