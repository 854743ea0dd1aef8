package dev.flotilla.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.api.TrapezoidalProfile;
import dev.flotilla.model.Point3;
import org.junit.jupiter.api.Test;

class KinematicRobotTest {

  @Test
  void reachesTheGoalInAboutTheTrapezoidalTime() {
    for (double distance : new double[] {0.3, 2, 10}) {
      KinematicRobot r = new KinematicRobot(Point3.ORIGIN, 1.0, 0.5);
      double dt = 0.001;
      double t = 0;
      while (!r.driveTowards(Point3.of(distance, 0), dt)) {
        t += dt;
        assertTrue(r.speed() <= 1.0 + 1e-9);
      }
      double expected = TrapezoidalProfile.time(distance, 1.0, 0.5);
      assertEquals(expected, t, 0.02 * expected + 0.01, "distance " + distance);
      assertEquals(distance, r.position().x(), 1e-9);
    }
  }

  @Test
  void neverOvershoots() {
    KinematicRobot r = new KinematicRobot(Point3.ORIGIN, 5.0, 100);
    for (int i = 0; i < 100; i++) {
      r.driveTowards(Point3.of(1, 1), 0.1);
      assertTrue(r.position().x() <= 1 + 1e-12 && r.position().y() <= 1 + 1e-12);
    }
    assertEquals(Point3.of(1, 1), r.position());
  }
}
