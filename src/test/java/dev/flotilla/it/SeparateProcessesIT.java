package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.ros.Bus;
import dev.flotilla.msgs.rcl_interfaces.Log;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.RosoutHandler;
import dev.flotilla.ros.QosProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three nodes as three JVMs (`flotilla node …`), with this JVM playing robots and operator. */
class SeparateProcessesIT {
  static final String PARAMS = """
      /**:
        ros__parameters:
          robots:
            r1: {x: 0.0, y: 0.0}
            r2: {x: 5.0, y: 0.0}
      synchronizer:
        ros__parameters:
          heartbeat_timeout: 1.0
      allocator:
        ros__parameters:
          algorithm: potential_game
      """;

  @TempDir Path dir;

  @Test
  void threeNodeProcessesPlanAndReassignOverDds() throws Exception {
    Path params = Files.writeString(dir.resolve("fleet.yaml"), PARAMS);
    int domain = 150 + (int) (ProcessHandle.current().pid() % 40);
    String[] common = {"--params", params.toString(), "--domain-id", String.valueOf(domain)};
    try (FlotillaProcess sync = node("synchronizer", common);
        FlotillaProcess alloc = node("allocator", common);
        FlotillaProcess plan = node("planner", common);
        DdsBus bus = new DdsBus("it_fleet", "/", domain, true)) {
      AtomicReference<Allocation> latest = new AtomicReference<>();
      BlockingQueue<Reassignment> diffs = new LinkedBlockingQueue<>();
      bus.subscribe("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED, latest::set);
      bus.subscribe("/flotilla/reassignment", Reassignment.TYPE, QosProfile.DEFAULT, diffs::add);
      BlockingQueue<Log> rosout = new LinkedBlockingQueue<>();
      bus.subscribe(RosoutHandler.TOPIC, Log.TYPE, RosoutHandler.QOS, rosout::add);
      Bus.Publisher<Heartbeat> hb =
          bus.publisher("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.SENSOR_DATA);
      Bus.Publisher<TaskRequest> tasks =
          bus.publisher("/flotilla/tasks", TaskRequest.TYPE, QosProfile.DEFAULT);
      Set<String> alive = new java.util.concurrent.CopyOnWriteArraySet<>(List.of("r1", "r2"));
      long[] seq = {0};
      Thread beats = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          seq[0]++;
          alive.forEach(r -> hb.publish(Heartbeat.builder().robotId(r).sequenceNumber(seq[0])
              .build()));
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      beats.start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!bothAssigned(latest.get()) && System.nanoTime() < deadline) {
          for (String id : List.of("job_near_r1", "job_near_r2")) {
            tasks.publish(TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
                .location(id.endsWith("r1") ? new Point(1, 0, 0) : new Point(6, 0, 0))
                .requiredRobots(1).baseUtility(100).decayRate(0.001).duration(600).build());
          }
          Thread.sleep(500);
        }
        assertTrue(bothAssigned(latest.get()), "no allocation across processes; allocator log:\n"
            + alloc.err() + "\nplanner log:\n" + plan.err() + "\nsync log:\n" + sync.err());
        diffs.clear();
        alive.remove("r2");
        Reassignment failover = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (failover == null && System.nanoTime() < until) {
          Reassignment r = diffs.poll(200, TimeUnit.MILLISECONDS);
          if (r != null && r.cause() == Reassignment.CAUSE_ROBOT_FAILED) {
            failover = r;
          }
        }
        assertNotNull(failover, "no robot_failed reassignment; sync log:\n" + sync.err());
        assertEquals("r2", failover.subject());
        assertTrue(failover.affectedRobots().containsAll(List.of("r1", "r2")));
        // Like any ROS 2 node's, the synchronizer's log reaches /rosout (issue #12).
        Log said = null;
        long logDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (said == null && System.nanoTime() < logDeadline) {
          Log l = rosout.poll(200, TimeUnit.MILLISECONDS);
          if (l != null && l.name().equals("synchronizer")
              && l.msg().startsWith("robot r2 failed")) {
            said = l;
          }
        }
        assertNotNull(said, "no /rosout record of r2's failure from the synchronizer");
        assertEquals(Log.INFO, said.level());
        assertEquals("SynchronizerNode.java", said.file());
      } finally {
        beats.interrupt();
        beats.join();
      }
    }
  }

  private static boolean bothAssigned(Allocation a) {
    return a != null && a.plans().stream().flatMap(p -> p.steps().stream())
        .map(PlanStep::taskId).toList().containsAll(List.of("job_near_r1", "job_near_r2"));
  }

  private FlotillaProcess node(String name, String... common) throws Exception {
    String[] args = new String[common.length + 2];
    args[0] = "node";
    args[1] = name;
    System.arraycopy(common, 0, args, 2, common.length);
    return new FlotillaProcess(dir, args);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "allocator|alpah: 1.0|allocator.alpah is not a parameter of allocator",
      "allocator|alpha: \"high\"|allocator.alpha must be a number",
      "synchronizer|heartbeat_timeout: -1.0|synchronizer.heartbeat_timeout must be within",
      "planner|robots: {r1: {max_speed: fast}}|planner.robots.r1.max_speed must be a number",
      "allocator|algorithm: magic|allocator.algorithm must be one of"})
  void invalidParametersExitWithCode2NamingFileAndKey(String node, String line, String message)
      throws Exception {
    Path params = Files.writeString(dir.resolve("bad.yaml"),
        node + ":\n  ros__parameters:\n    " + line + "\n");
    try (FlotillaProcess p = new FlotillaProcess(dir, "node", node, "--params",
        params.toString(), "--domain-id", "199")) {
      assertEquals(2, p.waitFor(60), p.err());
      assertTrue(p.err().contains(params.toString()), p.err());
      assertTrue(p.err().contains(message), p.err());
    }
  }

  @Test
  void upStartsAllThreeNodesAndStopsCleanlyOnSigterm() throws Exception {
    Path params = FlotillaProcess.root().resolve("params/fleet.yaml");
    try (FlotillaProcess up = new FlotillaProcess(dir, "up", "--params", params.toString(),
        "--domain-id", "198")) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<String> expected = List.of("synchronizer watching 3 robots",
          "allocator (potential_game) planning for 3 configured robots",
          "planner accepting tasks on /flotilla/tasks", "running; press Ctrl-C to stop");
      while (!expected.stream().allMatch(up.err()::contains) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(expected.stream().allMatch(up.err()::contains), up.err());
      up.process.destroy();
      assertTrue(up.process.waitFor(20, TimeUnit.SECONDS), "up did not stop on SIGTERM");
      assertEquals(0, up.process.exitValue(), "SIGTERM exit status; log:\n" + up.err());
      assertTrue(!up.err().contains("Exception"), up.err());
    }
  }
}
