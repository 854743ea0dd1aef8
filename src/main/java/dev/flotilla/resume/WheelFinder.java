package dev.flotilla.resume;

import dev.flotilla.urdf.Geometry;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.JointType;
import dev.flotilla.urdf.Link;
import dev.flotilla.urdf.LinkNames;
import dev.flotilla.urdf.UrdfRobot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrix4x4;

/**
 * Finds ground wheels from structure, geometry and mass (issue #13). A wheel is a spinning joint
 * ({@link JointRoles#spins}) with a horizontal axis, nothing movable below, whose link and the
 * fixed links under it touch the ground at the default pose, hub below {@value #MAX_HUB_M} m, and
 * whose link spins about its centre of mass (a knee on a continuous joint does not). A vertical
 * joint above a wheel steers it. Rows of at least {@value #TRACK_ROW} road wheels on each side
 * are tracks. Links named as wheels on fixed joints touching the ground are counted separately
 * (names are weak evidence). O(L · depth).
 */
final class WheelFinder {

  static final int TRACK_ROW = 4;
  private static final double MAX_HUB_M = 0.5;
  private static final Set<String> WHEEL_WORDS = Set.of("wheel", "tire", "tyre");
  private static final Set<String> NOT_DRIVEN_WORDS = Set.of("caster", "castor");

  /**
   * What was found.
   *
   * @param wheels spinning joints of ground wheels (structure)
   * @param steered those with a vertical joint above them
   * @param namedFixed wheel-named links on fixed joints touching the ground (names only)
   * @param trackRows road wheels per side when they form tracks, else 0
   */
  record Wheels(List<Joint> wheels, List<Joint> steered, List<String> namedFixed, int trackRows) {
    Set<String> links() {
      Set<String> out = new LinkedHashSet<>();
      wheels.forEach(j -> out.add(j.child()));
      return out;
    }
  }

  private WheelFinder() {}

  static Wheels find(BodyGeometry body, Set<String> armLinks) {
    UrdfRobot robot = body.robot();
    List<Joint> wheels = new ArrayList<>();
    List<Joint> steered = new ArrayList<>();
    List<String> named = new ArrayList<>();
    List<Joint> roadWheels = new ArrayList<>();
    for (Joint j : robot.joints().values()) {
      if (armLinks.contains(j.child())) {
        continue;
      }
      // Touching: within 5 cm, and within 30 % of the hub height (a gear inside a small car's
      // differential sits a few centimetres up; its wheel does not).
      double hubHeight = body.heightOf(j.child());
      double tolerance = Math.min(JointRoles.GROUND_TOLERANCE_M, Math.max(0.01, 0.3 * hubHeight));
      boolean low = body.subtreeLowestHeightOf(j.child()) < tolerance
          || (meshOnly(robot.links().get(j.child())) && hubHeight < 0.2);
      if (j.type() == JointType.FIXED) {
        if (low && LinkNames.hasAny(j.child(), WHEEL_WORDS)
            && !LinkNames.hasAny(j.child(), NOT_DRIVEN_WORDS)
            && robot.tree().childJoints(j.child()).isEmpty()) {
          named.add(j.child());
        }
        continue;
      }
      if (!JointRoles.spins(j) || body.movableBelow(j.child())) {
        continue;
      }
      double[] axis = body.axisInRoot(j);
      if (Math.abs(axis[2]) >= 0.3 || body.heightOf(j.child()) >= MAX_HUB_M || !low) {
        continue;
      }
      double off = body.centreOfMassOffAxis(j);
      double hub = Math.max(0.02, body.heightOf(j.child()));
      if (!Double.isNaN(off) && off > Math.max(0.02, 0.25 * hub)) {
        continue; // the link swings about the joint: a knee or a pendulum, not a wheel
      }
      if (j.type() == JointType.REVOLUTE && j.limits() != null
          && j.limits().upper() == j.limits().lower()) {
        roadWheels.add(j); // unspecified CAD limits: a rolling part, maybe of a track
        continue;
      }
      wheels.add(j);
      if (hasSteeringAbove(body, j)) {
        steered.add(j);
      } else {
        roadWheels.add(j);
      }
    }
    int rows = trackRows(body, roadWheels);
    if (rows > 0) {
      return new Wheels(List.of(), List.of(), List.of(), rows);
    }
    return new Wheels(wheels, steered, named, 0);
  }

  /**
   * Road wheels per side when each side has a row of at least {@value #TRACK_ROW} unsteered
   * wheels at distinct positions along the body (a caster's twin wheels share one).
   */
  private static int trackRows(BodyGeometry body, List<Joint> candidates) {
    double[] base = body.baseXy();
    List<Double> left = new ArrayList<>();
    List<Double> right = new ArrayList<>();
    for (Joint j : candidates) {
      DMatrix4x4 p = body.pose(j.child());
      double y = p.a24 - base[1];
      List<Double> side = y > 0.02 ? left : y < -0.02 ? right : null;
      if (side != null && side.stream().noneMatch(x -> Math.abs(x - p.a14) < 0.03)) {
        side.add(p.a14);
      }
    }
    return left.size() >= TRACK_ROW && right.size() >= TRACK_ROW
        ? Math.min(left.size(), right.size()) : 0;
  }

  private static boolean meshOnly(Link l) {
    return !l.shapes().isEmpty()
        && l.shapes().stream().allMatch(s -> s.geometry() instanceof Geometry.Mesh);
  }

  /** A vertical-axis revolute/continuous joint between the base and this wheel steers it. */
  private static boolean hasSteeringAbove(BodyGeometry body, Joint wheel) {
    for (Joint j : body.robot().tree().pathFromRoot(wheel.parent())) {
      boolean rotates = j.type() == JointType.CONTINUOUS || j.type() == JointType.REVOLUTE;
      if (rotates && Math.abs(body.axisInRoot(j)[2]) > 0.9) {
        return true;
      }
    }
    return false;
  }
}
