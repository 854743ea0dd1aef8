package dev.flotilla.urdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrix4x4;

/**
 * Finds the end effectors of a robot and the chains from the root down to them. An end effector
 * is, in order of precedence: (1) a link named in the configuration; (2) the first link, going down
 * a chain with at least {@value #MIN_ARM_JOINTS} limited movable joints, whose name contains an
 * end-effector word ({@link LinkNames#END_EFFECTOR_WORDS}); (3) when no link is so named, the tip
 * of each such chain that does not hang below the root at the default pose (legs do) and carries
 * no camera. Fingers below or beside (same parent link) an end effector belong to it.
 * O(L · depth).
 */
public final class EndEffectorFinder {

  /** Fewest limited (revolute or prismatic) joints between the root and an end effector. */
  public static final int MIN_ARM_JOINTS = 2;

  private static final int MIN_UNNAMED_ARM_JOINTS = 3;
  private static final double LEG_DROP_M = 0.1;

  private final UrdfRobot robot;

  /**
   * Prepares the search.
   *
   * @param robot the parsed robot
   */
  public EndEffectorFinder(UrdfRobot robot) {
    this.robot = robot;
  }

  /**
   * Finds the chains from the root to every end effector.
   *
   * @param configured link names to use as end effectors instead of the search (may be empty)
   * @return one chain per end effector, in breadth-first order of their tips
   * @throws IllegalArgumentException when a configured link does not exist
   */
  public List<Chain> chains(Set<String> configured) {
    KinematicTree tree = robot.tree();
    List<String> tips = new ArrayList<>();
    if (!configured.isEmpty()) {
      for (String l : configured) {
        if (!robot.links().containsKey(l)) {
          throw new IllegalArgumentException(
              "Configured end effector \"" + l + "\" is not a link of " + robot.source() + ".");
        }
      }
      tree.linksTopDown().stream().filter(configured::contains).forEach(tips::add);
    } else {
      tips.addAll(namedEndEffectors());
      if (tips.isEmpty()) {
        tips.addAll(unnamedArmTips());
      }
    }
    String root = tree.root();
    return tips.stream().map(t -> new Chain(root, t, tree.pathFromRoot(t))).toList();
  }

  private List<String> namedEndEffectors() {
    KinematicTree tree = robot.tree();
    List<String> out = new ArrayList<>();
    for (String link : tree.linksTopDown()) {
      if (!LinkNames.hasAny(link, LinkNames.END_EFFECTOR_WORDS)) {
        continue;
      }
      if (limitedJoints(tree.pathFromRoot(link)) < MIN_ARM_JOINTS) {
        continue;
      }
      // Fingers belong to the end effector above them or beside them (same parent link).
      String parent = tree.parentJoint(link).map(Joint::parent).orElse("");
      boolean partOfAnother =
          out.stream()
              .anyMatch(
                  t -> tree.isAncestor(t, link)
                      || tree.parentJoint(t).map(Joint::parent).orElse("").equals(parent));
      if (!partOfAnother) {
        out.add(link);
      }
    }
    return out;
  }

  private List<String> unnamedArmTips() {
    KinematicTree tree = robot.tree();
    Map<String, DMatrix4x4> poses = new ForwardKinematics(robot).linkPoses();
    Set<String> cameraLinks = new HashSet<>();
    robot.sensors().forEach(s -> cameraLinks.add(s.link()));
    List<String> out = new ArrayList<>();
    Set<List<String>> seenStems = new HashSet<>();
    for (String leaf : tree.leaves()) {
      List<Joint> path = tree.pathFromRoot(leaf);
      List<String> limited =
          path.stream().filter(EndEffectorFinder::isLimited).map(Joint::name).toList();
      if (limited.size() < MIN_UNNAMED_ARM_JOINTS) {
        continue;
      }
      if (poses.get(leaf).a34 < -LEG_DROP_M) {
        continue;
      }
      boolean camera =
          cameraLinks.contains(leaf) || LinkNames.hasAny(leaf, LinkNames.CAMERA_WORDS);
      if (camera) {
        continue;
      }
      // Sibling fingers share every limited joint but their own: keep one tip per arm.
      List<String> stem = limited.subList(0, MIN_UNNAMED_ARM_JOINTS);
      if (seenStems.add(stem)) {
        out.add(leaf);
      }
    }
    return out;
  }

  private static int limitedJoints(List<Joint> path) {
    return (int) path.stream().filter(EndEffectorFinder::isLimited).count();
  }

  private static boolean isLimited(Joint j) {
    return (j.type() == JointType.REVOLUTE || j.type() == JointType.PRISMATIC)
        && j.mimic() == null;
  }
}
