package dev.flotilla.resume;

import dev.flotilla.urdf.Geometry;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.JointType;
import dev.flotilla.urdf.Shape;
import dev.flotilla.urdf.Transforms;
import dev.flotilla.urdf.UrdfRobot;
import dev.flotilla.urdf.ForwardKinematics;
import dev.flotilla.urdf.Link;
import dev.flotilla.urdf.Pose;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrix4x4;

/**
 * The robot at its default pose: link poses in the root frame, the lowest point of every link's
 * primitive geometry (meshes are not loaded, so their link origin stands in), the ground height
 * and the mobile base. The ground is the lowest such point over all links except those moved by an
 * arm (an arm may hang below the base at zero). O(L).
 */
final class BodyGeometry {

  private final UrdfRobot robot;
  private final Map<String, DMatrix4x4> poses;
  private final Map<String, Double> lowest = new HashMap<>();
  private final String baseLink;
  private final double groundZ;
  private final Map<String, Double> subtreeLowest = new HashMap<>();
  private final Map<String, Boolean> movableBelow = new HashMap<>();

  BodyGeometry(UrdfRobot robot, Set<String> armLinks) {
    this.robot = robot;
    this.poses = new ForwardKinematics(robot).linkPoses();
    for (Link l : robot.links().values()) {
      lowest.put(l.name(), lowestPoint(l, poses.get(l.name())));
    }
    this.baseLink = findBase(robot);
    double g = Double.POSITIVE_INFINITY;
    for (Link l : robot.links().values()) {
      if (!armLinks.contains(l.name())) {
        g = Math.min(g, lowest.get(l.name()));
      }
    }
    this.groundZ = Double.isFinite(g) ? g : 0;
    // Bottom-up once, so per-joint questions are O(1) (a 3000-link chain stays linear).
    List<String> order = robot.tree().linksTopDown();
    for (int i = order.size() - 1; i >= 0; i--) {
      String l = order.get(i);
      double low = lowest.get(l);
      boolean movable = false;
      for (Joint j : robot.tree().childJoints(l)) {
        low = Math.min(low, subtreeLowest.get(j.child()));
        movable |= j.type().isMovable() || movableBelow.get(j.child());
      }
      subtreeLowest.put(l, low);
      movableBelow.put(l, movable);
    }
  }

  /** Height above ground of the lowest point of a link and everything below it. */
  double subtreeLowestHeightOf(String link) {
    return subtreeLowest.get(link) - groundZ;
  }

  /** True when a movable joint lies anywhere below this link. O(1). */
  boolean movableBelow(String link) {
    return movableBelow.get(link);
  }

  /**
   * Distance of the child link's centre of mass from the joint's axis line, metres, or NaN when
   * the child has no mass. A wheel or a propeller spins about its centre of mass; a knee does not.
   */
  double centreOfMassOffAxis(Joint j) {
    Link child = robot.links().get(j.child());
    if (child.massKg() <= 0) {
      return Double.NaN;
    }
    DMatrix4x4 p = poses.get(j.child());
    Pose c = child.centreOfMass();
    double cx = p.a11 * c.x() + p.a12 * c.y() + p.a13 * c.z() + p.a14;
    double cy = p.a21 * c.x() + p.a22 * c.y() + p.a23 * c.z() + p.a24;
    double cz = p.a31 * c.x() + p.a32 * c.y() + p.a33 * c.z() + p.a34;
    double dx = cx - p.a14;
    double dy = cy - p.a24;
    double dz = cz - p.a34;
    double[] a = axisInRoot(j);
    double x = dy * a[2] - dz * a[1];
    double y = dz * a[0] - dx * a[2];
    double z = dx * a[1] - dy * a[0];
    return Math.sqrt(x * x + y * y + z * z);
  }

  /** The root, or the child of a floating/planar root joint (the body that actually moves). */
  private static String findBase(UrdfRobot robot) {
    String root = robot.tree().root();
    List<Joint> children = robot.tree().childJoints(root);
    if (children.size() == 1) {
      JointType t = children.get(0).type();
      if (t == JointType.FLOATING || t == JointType.PLANAR) {
        return children.get(0).child();
      }
    }
    return root;
  }

  private static double lowestPoint(Link link, DMatrix4x4 pose) {
    double min = pose.a34;
    DMatrix4x4 shapePose = new DMatrix4x4();
    DMatrix4x4 world = new DMatrix4x4();
    for (Shape s : link.shapes()) {
      Transforms.fromPose(s.origin(), shapePose);
      Transforms.compose(pose, shapePose, world);
      // Lowest point of the primitive: centre z minus its extent along world z.
      double extent;
      if (s.geometry() instanceof Geometry.Sphere sp) {
        extent = sp.radius();
      } else if (s.geometry() instanceof Geometry.Box b) {
        extent =
            Math.abs(world.a31) * b.sizeX() / 2
                + Math.abs(world.a32) * b.sizeY() / 2
                + Math.abs(world.a33) * b.sizeZ() / 2;
      } else if (s.geometry() instanceof Geometry.Cylinder c) {
        double axisZ = Math.abs(world.a33);
        double radial = Math.sqrt(Math.max(0, 1 - axisZ * axisZ));
        extent = axisZ * c.length() / 2 + radial * c.radius();
      } else {
        continue;
      }
      min = Math.min(min, world.a34 - extent);
    }
    return min;
  }

  UrdfRobot robot() {
    return robot;
  }

  /** Default-pose transform of a link in the root frame. */
  DMatrix4x4 pose(String link) {
    return poses.get(link);
  }

  /** Height above ground of a link origin at the default pose, metres. */
  double heightOf(String link) {
    return poses.get(link).a34 - groundZ;
  }

  /** Height above ground of a link's lowest primitive point at the default pose, metres. */
  double lowestHeightOf(String link) {
    return lowest.get(link) - groundZ;
  }

  /** Root-frame z of the ground plane. */
  double groundZ() {
    return groundZ;
  }

  /** The mobile base link. */
  String baseLink() {
    return baseLink;
  }

  /** Root-frame x, y of the base link origin (the base frame origin lies below it). */
  double[] baseXy() {
    DMatrix4x4 p = poses.get(baseLink);
    return new double[] {p.a14, p.a24};
  }

  /** A joint's axis in the root frame at the default pose. */
  double[] axisInRoot(Joint j) {
    DMatrix4x4 parent = poses.get(j.parent());
    DMatrix4x4 origin = new DMatrix4x4();
    DMatrix4x4 frame = new DMatrix4x4();
    Transforms.fromPose(j.origin(), origin);
    Transforms.compose(parent, origin, frame);
    double x = j.axis().x();
    double y = j.axis().y();
    double z = j.axis().z();
    return new double[] {
      frame.a11 * x + frame.a12 * y + frame.a13 * z,
      frame.a21 * x + frame.a22 * y + frame.a23 * z,
      frame.a31 * x + frame.a32 * y + frame.a33 * z
    };
  }
}
