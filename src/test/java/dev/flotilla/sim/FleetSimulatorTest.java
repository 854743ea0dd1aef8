package dev.flotilla.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.rosgraph_msgs.Clock;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.node.FleetParams;
import dev.flotilla.node.NodeFixture;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code flotilla sim}'s engine on an in-memory bus, at 100x so the test takes little time. */
class FleetSimulatorTest {
  private static final String PARAMS = """
      /**:
        ros__parameters:
          robots:
            a: {x: 0.0, y: 0.0, max_speed: 1.0, max_acceleration: 1.0}
            b: {x: 5.0, y: 0.0, max_speed: 1.0, max_acceleration: 1.0}
      """;

  private final NodeFixture f = new NodeFixture();
  private final RosParamsFile file = NodeFixture.params(PARAMS);
  private final FleetParams fleet = FleetParams.read(file.forNode("/", "sim"));

  @Test
  void robotsFollowTheirGoalsOnTheSimulatedClockAndADeadRobotFallsSilent() throws Exception {
    List<Clock> clock = f.record("/clock", Clock.TYPE);
    List<Odometry> odomA = f.record("/a/odom", Odometry.TYPE);
    List<Odometry> odomB = f.record("/b/odom", Odometry.TYPE);
    FleetSimulator sim = new FleetSimulator(fleet, file, f.bus, "/", 100, false);
    assertEquals(List.of("a", "b"), sim.robotIds());
    assertEquals(1, clock.size(), "/clock starts at 0 before the first step");
    assertEquals(0, clock.get(0).clock().sec());
    f.bus.publisher("/a/goal_pose", PoseStamped.TYPE, QosProfile.DEFAULT).publish(new PoseStamped(
        Header.builder().frameId("map").build(), new Pose(new Point(0, 3, 0),
            new Quaternion(0, 0, 0, 1))));
    long wall = System.nanoTime();
    while (sim.now() < 10) {
      sim.step();
    }
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    assertTrue(wallSeconds >= 0.09, "10 simulated s at 100x take 0.1 s of wall time, took "
        + wallSeconds);
    Odometry last = odomA.get(odomA.size() - 1);
    assertEquals(3, last.pose().pose().position().y(), 1e-6, "a reached its goal");
    assertEquals(10, clock.get(clock.size() - 1).clock().sec(), 1);
    assertEquals(sim.stepSeconds(), 1.0, 1e-12, "steps grow above 10x");

    sim.kill("b");
    int before = odomB.size();
    sim.step();
    assertEquals(before, odomB.size(), "a dead robot publishes no odometry");
    assertThrows(IllegalArgumentException.class, () -> sim.kill("nobody"));
  }

  @Test
  void withAgentsEachRobotAlsoHeartbeats() throws Exception {
    List<Heartbeat> beats = f.record("/flotilla/heartbeat", Heartbeat.TYPE);
    FleetSimulator sim = new FleetSimulator(fleet, file, f.bus, "/", 100, true);
    for (int i = 0; i < 5; i++) {
      sim.step();
    }
    assertTrue(beats.stream().anyMatch(h -> h.robotId().equals("a")), beats.toString());
    assertTrue(beats.stream().anyMatch(h -> h.robotId().equals("b")), beats.toString());
  }

  @Test
  void speedOutsideTheSupportedRangeIsMisuse() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FleetSimulator(fleet, file, f.bus, "/", 1000, false));
    assertTrue(e.getMessage().contains("0.1..100"), e.getMessage());
  }
}
