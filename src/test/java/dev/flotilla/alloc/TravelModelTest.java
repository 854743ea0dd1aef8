package dev.flotilla.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.TrapezoidalProfile;
import dev.flotilla.alloc.travel.RegionGraphTravel;
import dev.flotilla.alloc.travel.StraightLineTravel;
import dev.flotilla.model.Point3;
import org.junit.jupiter.api.Test;

class TravelModelTest {

  @Test
  void trapezoidAndTriangleProfiles() {
    // Cruise: 2236.07 m at 10 m/s with 0.25 m/s² ramps: d/v + v/a.
    assertEquals(223.607 + 40, TrapezoidalProfile.time(2236.07, 10, 0.25), 1e-3);
    // Too short to reach 10 m/s (needs 400 m): triangle, 2·sqrt(d/a).
    assertEquals(2 * Math.sqrt(100 / 0.25), TrapezoidalProfile.time(100, 10, 0.25), 1e-9);
    assertEquals(0, TrapezoidalProfile.time(0, 10, 0.25));
    double total = TrapezoidalProfile.time(1000, 10, 0.25);
    assertEquals(500, TrapezoidalProfile.travelled(1000, total / 2, 10, 0.25), 1e-6);
    assertEquals(0.5 * 0.25 * 16, TrapezoidalProfile.travelled(1000, 4, 10, 0.25), 1e-9);
    assertEquals(1000, TrapezoidalProfile.travelled(1000, total + 5, 10, 0.25), 1e-9);
  }

  @Test
  void straightLineUsesEachRobotsLimits() {
    StraightLineTravel t = new StraightLineTravel();
    Robot slow = Robot.of("s", Point3.ORIGIN, 10, 0.25, 0);
    Robot fast = Robot.of("f", Point3.ORIGIN, 20, 0.25, 0);
    Point3 goal = Point3.of(2000, 2000);
    assertEquals(2828.427 / 10 + 40, t.travelTime(slow, Point3.ORIGIN, goal), 1e-3);
    assertEquals(2828.427 / 20 + 80, t.travelTime(fast, Point3.ORIGIN, goal), 1e-3);
    assertEquals(Point3.of(1000, 1000).x(), t.pointAlong(Point3.ORIGIN, goal, 1414.2136).x(),
        1e-3);
  }

  @Test
  void regionGraphFollowsCorridorsAroundAWall() {
    // A U-shaped corridor: from (0,0) to (0,10) one must go via (10,0) and (10,10).
    RegionGraphTravel g = RegionGraphTravel.builder()
        .region("a", Point3.of(0, 0)).region("b", Point3.of(10, 0))
        .region("c", Point3.of(10, 10)).region("d", Point3.of(0, 10))
        .region("island", Point3.of(100, 100))
        .corridor("a", "b").corridor("b", "c").corridor("c", "d")
        .build();
    assertEquals(30, g.distance(Point3.of(0, 0), Point3.of(0, 10)), 1e-9);
    assertEquals(Point3.of(10, 5), g.pointAlong(Point3.of(0, 0), Point3.of(0, 10), 15));
    assertEquals(Double.POSITIVE_INFINITY, g.distance(Point3.ORIGIN, Point3.of(100, 100)));
    assertEquals(1, g.distance(Point3.of(0, 0), Point3.of(1, 0)), 1e-9);
    var e = assertThrows(IllegalArgumentException.class,
        () -> RegionGraphTravel.builder().region("a", Point3.ORIGIN).corridor("a", "zz").build());
    assertEquals("corridor a-zz: unknown region 'zz'.", e.getMessage());
  }
}
