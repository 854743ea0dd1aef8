package dev.flotilla.resume;

import dev.flotilla.urdf.Chain;
import dev.flotilla.urdf.EndEffectorFinder;
import dev.flotilla.urdf.ForwardKinematics;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.LinkNames;
import dev.flotilla.urdf.UrdfRobot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrix4x4;

/**
 * Tells fingers from arms (issue #13): at least {@value #MIN_FINGERS} short chains (reach below
 * {@value #FINGER_REACH_M} m) whose first moving joints hang from the same link are the fingers of
 * one hand, not arms. A hand with fewer than two moving joints above it stands alone (a grasping
 * device, no arm); otherwise the first finger chain stays as the arm, with a gripper. Also writes
 * the manipulation evidence. Chains that share at least two moving joints and end within
 * {@value #SAME_DEVICE_M} m of each other are one arm ending in a grasping device (an end-effector
 * frame and fingers beside it). O(arms² · depth).
 */
final class HandGrouper {

  static final int MIN_FINGERS = 3;
  static final double FINGER_REACH_M = 0.25;
  static final double SAME_DEVICE_M = 0.2;

  /**
   * The result.
   *
   * @param arms arms after grouping fingers
   * @param grippers grasping devices (arms with a gripper plus stand-alone hands)
   * @param evidence why
   */
  record Grouped(List<ArmInfo> arms, int grippers, Evidence evidence) {}

  private HandGrouper() {}

  static Grouped group(UrdfRobot robot, List<Chain> chains, List<ArmInfo> arms,
      ResumeParams params) {
    KinematicTree tree = robot.tree();
    Map<String, DMatrix4x4> poses = new ForwardKinematics(robot).linkPoses();
    // Chains sharing two or more moving joints whose tips lie close together end on one device
    // (an end-effector frame and the fingers beside it): keep the shortest, with a gripper.
    List<Chain> keptChains = new ArrayList<>();
    List<ArmInfo> kept = new ArrayList<>();
    for (int i = 0; i < chains.size(); i++) {
      int same = -1;
      for (int k = 0; k < keptChains.size() && same < 0; k++) {
        if (sameDevice(chains.get(i), keptChains.get(k), poses)) {
          same = k;
        }
      }
      if (same < 0) {
        keptChains.add(chains.get(i));
        kept.add(arms.get(i));
        continue;
      }
      ArmInfo a = arms.get(i).dof() < kept.get(same).dof() ? arms.get(i) : kept.get(same);
      if (a == arms.get(i)) {
        keptChains.set(same, chains.get(i));
      }
      kept.set(same, withGripper(a));
    }
    return byBranch(tree, keptChains, kept, params);
  }

  private static boolean sameDevice(Chain a, Chain b, Map<String, DMatrix4x4> poses) {
    int shared = 0;
    for (int i = 0; i < Math.min(a.joints().size(), b.joints().size()); i++) {
      if (!a.joints().get(i).equals(b.joints().get(i))) {
        break;
      }
      shared += JointRoles.actuated(a.joints().get(i)) ? 1 : 0;
    }
    DMatrix4x4 p = poses.get(a.tipLink());
    DMatrix4x4 q = poses.get(b.tipLink());
    double d = Math.sqrt(Math.pow(p.a14 - q.a14, 2) + Math.pow(p.a24 - q.a24, 2)
        + Math.pow(p.a34 - q.a34, 2));
    return shared >= 2 && d < SAME_DEVICE_M;
  }

  private static ArmInfo withGripper(ArmInfo a) {
    ArmInfo d = new ArmInfo(a.endEffector(), a.joints(), a.dof(), true, a.workspace(),
        a.maxReachHeightM(), a.minReachHeightM(), a.maxHorizontalReachM(), a.reachM(),
        a.liftTravelM(), a.extensionTravelM(), a.reachProfile(), a.samples(), "");
    return new ArmInfo(d.endEffector(), d.joints(), d.dof(), true, d.workspace(),
        d.maxReachHeightM(), d.minReachHeightM(), d.maxHorizontalReachM(), d.reachM(),
        d.liftTravelM(), d.extensionTravelM(), d.reachProfile(), d.samples(),
        ResumeSummaries.arm(d));
  }

  private static Grouped byBranch(KinematicTree tree, List<Chain> chains, List<ArmInfo> arms,
      ResumeParams params) {
    Map<String, List<Integer>> byBranch = new LinkedHashMap<>();
    for (int i = 0; i < chains.size(); i++) {
      Joint first = chains.get(i).independentJoints().get(0);
      byBranch.computeIfAbsent(first.parent(), k -> new ArrayList<>()).add(i);
    }
    List<String> facts = new ArrayList<>();
    Confidence conf = Confidence.HIGH;
    List<ArmInfo> out = new ArrayList<>();
    int hands = 0;
    for (Map.Entry<String, List<Integer>> e : byBranch.entrySet()) {
      List<Integer> idx = e.getValue();
      boolean fingers = idx.size() >= MIN_FINGERS
          && idx.stream().allMatch(i -> arms.get(i).reachM() < FINGER_REACH_M);
      if (!fingers) {
        for (int i : idx) {
          out.add(arms.get(i));
          facts.add(armFact(chains.get(i), arms.get(i), params));
          if (!params.endEffectorLinks().isEmpty()) {
            continue;
          }
          if (!LinkNames.hasAny(arms.get(i).endEffector(), LinkNames.END_EFFECTOR_WORDS)) {
            conf = conf.min(Confidence.MEDIUM);
          }
        }
        continue;
      }
      long above = tree.pathFromRoot(e.getKey()).stream().filter(JointRoles::actuated).count();
      if (above < 2) {
        hands++;
        facts.add(idx.size() + " short chains from " + e.getKey() + " are the fingers of a hand "
            + "with no arm above it");
        conf = conf.min(Confidence.MEDIUM);
      } else {
        out.add(withGripper(arms.get(idx.get(0))));
        facts.add(idx.size() + " finger chains from " + e.getKey() + " make one hand on an arm");
      }
    }
    if (out.isEmpty() && hands == 0) {
      facts.add("no chain of at least " + EndEffectorFinder.MIN_ARM_JOINTS
          + " limited joints to an end effector");
    }
    int grippers = hands + (int) out.stream().filter(ArmInfo::gripper).count();
    return new Grouped(out, grippers, new Evidence(facts, conf));
  }

  private static String armFact(Chain chain, ArmInfo a, ResumeParams params) {
    String how;
    if (params.endEffectorLinks().contains(a.endEffector())) {
      how = "end effector configured";
    } else if (LinkNames.hasAny(a.endEffector(), LinkNames.END_EFFECTOR_WORDS)) {
      how = "end effector named like one";
    } else {
      how = "tip of an unnamed chain that is neither a leg nor a camera mount";
    }
    return "arm to " + a.endEffector() + ": " + a.dof() + " moving joints, " + how
        + (a.gripper() ? "; grasping device (gripper-named links or moving fingers)" : "");
  }
}
