package dev.flotilla.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.Point3;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.resume.MobilityClass;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.QosProfile;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedBaseTest {
  static final Path URDF = Path.of(System.getProperty("flotilla.root", "."), "urdf");

  private static SimulatedBase base(InMemoryBus bus, String id, String urdf) {
    RobotSpec c = new RobotSpec(id, Point3.ORIGIN, 0, 1.0, 1.0, 0, 0, Set.of(),
        URDF.resolve(urdf), "", false);
    return new SimulatedBase(c, bus, () -> 0, "/");
  }

  private static void goal(InMemoryBus bus, String id, double x, double y) {
    bus.publisher("/" + id + "/goal_pose", PoseStamped.TYPE, QosProfile.DEFAULT).publish(
        new PoseStamped(Header.builder().frameId("map").build(),
            new Pose(new Point(x, y, 0), new Quaternion(0, 0, 0, 1))));
  }

  @Test
  void aDifferentialDriveTurnsInPlaceBeforeDrivingWhileADroneFliesStraight() {
    InMemoryBus bus = new InMemoryBus();
    SimulatedBase wheeled = base(bus, "w", "flotilla_small_base.urdf");
    SimulatedBase drone = base(bus, "d", "flotilla_drone.urdf");
    assertEquals(MobilityClass.WHEELED_DIFFERENTIAL, wheeled.motion());
    assertEquals(MobilityClass.AERIAL, drone.motion());
    // A goal straight to the left: the wheeled base faces +x and must turn 90° first.
    goal(bus, "w", 0, 5);
    goal(bus, "d", 0, 5);
    for (int i = 0; i < 5; i++) {
      wheeled.tick(0.1);
      drone.tick(0.1);
    }
    assertEquals(0, wheeled.position().distanceTo(Point3.ORIGIN), 1e-9, "still turning");
    assertTrue(drone.position().y() > 0.05, "the drone is on its way: " + drone.position());
    for (int i = 0; i < 200; i++) {
      wheeled.tick(0.1);
    }
    assertEquals(5, wheeled.position().y(), 1e-6, "then it drives there");
  }
}
