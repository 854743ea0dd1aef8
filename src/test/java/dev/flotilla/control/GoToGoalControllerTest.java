package dev.flotilla.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.Pose2;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GoToGoalControllerTest {

  /** Integrates a unicycle under the controller until it stops. */
  private static Pose2 drive(Pose2 start, double gx, double gy, GoToGoalController c) {
    Pose2 p = start;
    double dt = 0.05;
    for (int i = 0; i < 20_000; i++) {
      GoToGoalController.Command cmd = c.command(p, gx, gy);
      assertTrue(Math.abs(cmd.linear()) <= 0.5 + 1e-12 && Math.abs(cmd.angular()) <= 1.0 + 1e-12);
      if (cmd.equals(GoToGoalController.Command.STOP)) {
        return p;
      }
      double yaw = p.yaw() + cmd.angular() * dt;
      p = new Pose2(p.x() + cmd.linear() * Math.cos(yaw) * dt,
          p.y() + cmd.linear() * Math.sin(yaw) * dt, yaw);
    }
    throw new AssertionError("never reached the goal from " + start);
  }

  @Test
  void reachesSeededRandomGoalsFromAnyHeadingWithinLimits() {
    GoToGoalController c = new GoToGoalController(0.5, 1.0, 0.1);
    Random r = new Random(7);
    for (int i = 0; i < 50; i++) {
      Pose2 start = new Pose2(r.nextDouble() * 10, r.nextDouble() * 10,
          (r.nextDouble() - 0.5) * 2 * Math.PI);
      double gx = r.nextDouble() * 10;
      double gy = r.nextDouble() * 10;
      Pose2 end = drive(start, gx, gy, c);
      assertTrue(Math.hypot(end.x() - gx, end.y() - gy) <= 0.1, "stopped at " + end);
    }
  }

  @Test
  void composeAndYawRoundTrip() {
    Pose2 mapToOdom = new Pose2(2, 1, Math.PI / 2);
    Pose2 inMap = mapToOdom.compose(new Pose2(1, 0, 0));
    assertEquals(2, inMap.x(), 1e-12);
    assertEquals(2, inMap.y(), 1e-12);
    double yaw = 0.7;
    assertEquals(yaw, Pose2.yawOf(0, 0, Math.sin(yaw / 2), Math.cos(yaw / 2)), 1e-12);
  }
}
