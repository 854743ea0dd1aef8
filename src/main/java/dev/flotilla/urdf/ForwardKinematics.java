package dev.flotilla.urdf;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrix4x4;

/**
 * Forward kinematics of a whole URDF tree: the pose of every link in the root frame for given
 * joint positions, T_child = T_parent · T_origin · T_motion(q). Missing positions take the joint's
 * default (zero clamped into its limits); mimic joints follow their master. O(L).
 */
public final class ForwardKinematics {

  private final UrdfRobot robot;

  /**
   * Prepares forward kinematics for a robot.
   *
   * @param robot the parsed robot
   */
  public ForwardKinematics(UrdfRobot robot) {
    this.robot = robot;
  }

  /**
   * Link poses at the default configuration.
   *
   * @return transforms from each link frame to the root frame (metres)
   */
  public Map<String, DMatrix4x4> linkPoses() {
    return linkPoses(Map.of());
  }

  /**
   * Link poses at a configuration.
   *
   * @param positions joint positions by joint name (radians or metres); others take defaults
   * @return transforms from each link frame to the root frame (metres)
   */
  public Map<String, DMatrix4x4> linkPoses(Map<String, Double> positions) {
    Map<String, DMatrix4x4> poses = new HashMap<>();
    KinematicTree tree = robot.tree();
    poses.put(tree.root(), Transforms.identity());
    DMatrix4x4 origin = new DMatrix4x4();
    DMatrix4x4 motion = new DMatrix4x4();
    DMatrix4x4 tmp = new DMatrix4x4();
    for (String link : tree.linksTopDown()) {
      DMatrix4x4 parentPose = poses.get(link);
      for (Joint j : tree.childJoints(link)) {
        Transforms.fromPose(j.origin(), origin);
        Transforms.jointMotion(j.type(), j.axis(), position(j, positions), motion);
        Transforms.compose(parentPose, origin, tmp);
        DMatrix4x4 childPose = new DMatrix4x4();
        Transforms.compose(tmp, motion, childPose);
        poses.put(j.child(), childPose);
      }
    }
    return poses;
  }

  private double position(Joint j, Map<String, Double> positions) {
    if (j.mimic() != null) {
      Joint master = robot.joints().get(j.mimic().joint());
      double m =
          master == null
              ? 0
              : positions.getOrDefault(master.name(), master.defaultPosition());
      return j.mimic().multiplier() * m + j.mimic().offset();
    }
    return positions.getOrDefault(j.name(), j.defaultPosition());
  }
}
