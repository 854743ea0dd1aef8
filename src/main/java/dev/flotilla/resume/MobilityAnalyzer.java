package dev.flotilla.resume;

import dev.flotilla.urdf.Geometry;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.JointType;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.Shape;
import dev.flotilla.urdf.UrdfRobot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies how a robot moves from its structure alone (never from names): ground wheels are
 * continuous joints off the arms with a horizontal axis, nothing movable below, whose link (a
 * cylinder when modelled with primitives) touches the ground; steerable wheels hang below a
 * vertical-axis joint (casters); rotors are at least three vertical-axis continuous joints above
 * the ground with nothing movable below them; legs are chains of at least two non-continuous
 * joints from a hip at least {@value #MIN_HIP_HEIGHT_M} m up to a foot on the ground; a floating
 * root joint with none of these is a free flyer. Precedence: rotors → aerial, wheels → wheeled,
 * legs → legged, floating root → aerial, else static. O(L · depth).
 */
final class MobilityAnalyzer {

  static final double MIN_HIP_HEIGHT_M = 0.15;
  private static final double GROUND_TOLERANCE_M = 0.05;
  private static final double MAX_WHEEL_HUB_HEIGHT_M = 0.5;

  private final BodyGeometry body;
  private final Set<String> armLinks;

  MobilityAnalyzer(BodyGeometry body, Set<String> armLinks) {
    this.body = body;
    this.armLinks = armLinks;
  }

  /** Counts of what was found, and the resulting class. */
  record Structure(
      MobilityClass mobilityClass, int wheels, boolean steerable, int legs, int rotors) {}

  Structure analyse() {
    UrdfRobot robot = body.robot();
    KinematicTree tree = robot.tree();
    int wheels = 0;
    int rotors = 0;
    boolean steerable = false;
    Set<String> wheelLinks = new HashSet<>();
    for (Joint j : robot.joints().values()) {
      if (j.type() != JointType.CONTINUOUS || armLinks.contains(j.child())) {
        continue;
      }
      double[] axis = body.axisInRoot(j);
      if (Math.abs(axis[2]) < 0.3 && !movableBelow(j.child()) && isGroundWheel(j.child())) {
        wheels++;
        wheelLinks.add(j.child());
        steerable |= hasSteeringAbove(j);
      } else if (Math.abs(axis[2]) > 0.9 && isRotor(j)) {
        rotors++;
      }
    }
    int legs = countLegs(tree, wheelLinks);
    boolean floatingRoot =
        tree.childJoints(tree.root()).stream()
            .anyMatch(j -> j.type() == JointType.FLOATING || j.type() == JointType.PLANAR);
    MobilityClass c;
    if (rotors >= 3) {
      c = MobilityClass.AERIAL;
    } else if (wheels >= 2) {
      c = steerable ? MobilityClass.WHEELED_HOLONOMIC : MobilityClass.WHEELED_DIFFERENTIAL;
    } else if (legs >= 2) {
      c = MobilityClass.LEGGED;
    } else if (floatingRoot) {
      c = MobilityClass.AERIAL;
    } else {
      c = MobilityClass.STATIC;
    }
    return new Structure(c, wheels, steerable, legs, rotors);
  }

  /** The wheel's lowest point touches the ground and its hub is low. */
  private boolean isGroundWheel(String link) {
    double hub = body.heightOf(link);
    double bottom = body.lowestHeightOf(link);
    List<Geometry> shapes =
        body.robot().links().get(link).shapes().stream().map(Shape::geometry).toList();
    boolean hasPrimitive = shapes.stream().anyMatch(g -> !(g instanceof Geometry.Mesh));
    // Modelled with primitives, a wheel is a cylinder (a hanging ball is a load, not a wheel).
    boolean cylinder = shapes.stream().anyMatch(g -> g instanceof Geometry.Cylinder);
    boolean touches = hasPrimitive ? cylinder && bottom < GROUND_TOLERANCE_M : hub < 0.2;
    return touches && hub < MAX_WHEEL_HUB_HEIGHT_M;
  }

  /** A vertical-axis revolute/continuous joint between the base and this wheel steers it. */
  private boolean hasSteeringAbove(Joint wheel) {
    for (Joint j : body.robot().tree().pathFromRoot(wheel.parent())) {
      boolean rotates = j.type() == JointType.CONTINUOUS || j.type() == JointType.REVOLUTE;
      if (rotates && Math.abs(body.axisInRoot(j)[2]) > 0.9) {
        return true;
      }
    }
    return false;
  }

  /** A spinning vertical-axis joint above the ground with nothing movable below it. */
  private boolean isRotor(Joint j) {
    return !movableBelow(j.child()) && body.heightOf(j.child()) > GROUND_TOLERANCE_M;
  }

  private boolean movableBelow(String link) {
    KinematicTree tree = body.robot().tree();
    return tree.descendants(link).stream()
        .map(l -> tree.parentJoint(l).orElseThrow())
        .anyMatch(d -> d.type().isMovable());
  }

  /**
   * Legs: leaves touching the ground, two or more joints below a hip that is high enough, off
   * the arms and not wheels; counted once per hip joint.
   */
  private int countLegs(KinematicTree tree, Set<String> wheelLinks) {
    Set<String> hips = new HashSet<>();
    String base = body.baseLink();
    for (String leaf : tree.leaves()) {
      if (armLinks.contains(leaf) || body.lowestHeightOf(leaf) > GROUND_TOLERANCE_M) {
        continue;
      }
      if (!tree.isAncestor(base, leaf)) {
        continue;
      }
      List<Joint> path = tree.pathBetween(base, leaf);
      // Free-spinning (continuous) joints make a tether or a wheel train, not a leg.
      boolean spins = path.stream().anyMatch(j -> j.type() == JointType.CONTINUOUS);
      if (path.size() < 2 || spins
          || path.stream().anyMatch(j -> wheelLinks.contains(j.child()))) {
        continue;
      }
      Joint hip = path.get(0);
      if (body.heightOf(hip.child()) >= MIN_HIP_HEIGHT_M) {
        hips.add(hip.name());
      }
    }
    return hips.size();
  }
}
