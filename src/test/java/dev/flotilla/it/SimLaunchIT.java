package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.rosgraph_msgs.Clock;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code flotilla launch launch/sim.launch.xml}: a whole fleet without Gazebo — the three nodes,
 * one agent per robot of {@code params/fleet.yaml} and {@code flotilla sim}, eight processes over
 * DDS on the simulator's {@code /clock} — takes a task from an operator and completes it.
 */
class SimLaunchIT {
  @Test
  void simulatedFleetCompletesAnOperatorsTask() throws Exception {
    int domain = 200 + (int) (ProcessHandle.current().pid() % 8);
    try (FlotillaProcess launch = new FlotillaProcess(FlotillaProcess.root(), "launch",
        "launch/sim.launch.xml", "domain_id:=" + domain, "speed:=5.0");
        DdsBus bus = new DdsBus("it_operator", "/", domain, true)) {
      List<FleetEvent> events = new CopyOnWriteArrayList<>();
      AtomicInteger clockSec = new AtomicInteger(-1);
      bus.subscribe("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT, events::add);
      bus.subscribe("/clock", Clock.TYPE, QosProfile.SENSOR_DATA,
          c -> clockSec.set(c.clock().sec()));
      Bus.Publisher<TaskRequest> tasks =
          bus.publisher("/flotilla/tasks", TaskRequest.TYPE, QosProfile.DEFAULT);
      TaskRequest fetch = TaskRequest.builder().taskId("fetch_from_shelf_a")
          .kind(TaskRequest.KIND_MULTI_ROBOT).location(new Point(6, 2, 0)).requiredRobots(1)
          .baseUtility(100).decayRate(0.001).duration(2).build();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      long lastSent = 0;
      while (!has(events, FleetEvent.TASK_COMPLETED) && launch.process.isAlive()
          && System.nanoTime() - deadline < 0) {
        // Until the planner accepts it (discovery of eight processes takes a while).
        if (!has(events, FleetEvent.TASK_ACCEPTED) && System.nanoTime() - lastSent > 2e9) {
          tasks.publish(fetch);
          lastSent = System.nanoTime();
        }
        Thread.sleep(100);
      }
      assertTrue(launch.process.isAlive(), "flotilla launch exited early:\n" + launch.err());
      assertTrue(has(events, FleetEvent.TASK_COMPLETED), "no robot completed the task; events "
          + events + "\n" + launch.err());
      assertTrue(launch.err().contains("flotilla sim: 3 robots [r1, r2, r3] at 5.0x"),
          launch.err());
      assertTrue(clockSec.get() > 0, "the simulator publishes /clock");
      launch.process.destroy(); // SIGTERM
      assertEquals(143, launch.waitFor(30), launch.err());
    }
  }

  private static boolean has(List<FleetEvent> events, byte kind) {
    return events.stream().anyMatch(e -> e.kind() == kind
        && e.taskId().equals("fetch_from_shelf_a"));
  }
}
