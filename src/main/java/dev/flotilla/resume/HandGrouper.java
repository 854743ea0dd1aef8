package dev.flotilla.resume;

import dev.flotilla.urdf.Chain;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.LinkNames;
import dev.flotilla.urdf.UrdfRobot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells fingers from arms (issue #13): at least {@value #MIN_FINGERS} short chains (reach below
 * {@value #FINGER_REACH_M} m) whose first moving joints hang from the same link are the fingers of
 * one hand, not arms. A hand with fewer than two moving joints above it stands alone (a grasping
 * device, no arm); otherwise the first finger chain stays as the arm, with a gripper. Also writes
 * the manipulation evidence. O(arms · depth).
 */
final class HandGrouper {

  static final int MIN_FINGERS = 3;
  static final double FINGER_REACH_M = 0.25;

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
        ArmInfo a = arms.get(idx.get(0));
        out.add(new ArmInfo(a.endEffector(), a.joints(), a.dof(), true, a.workspace(),
            a.maxReachHeightM(), a.minReachHeightM(), a.maxHorizontalReachM(), a.reachM(),
            a.liftTravelM(), a.extensionTravelM(), a.reachProfile(), a.samples(), a.summary()));
        facts.add(idx.size() + " finger chains from " + e.getKey() + " make one hand on an arm");
      }
    }
    if (out.isEmpty() && hands == 0) {
      facts.add("no chain of at least " + dev.flotilla.urdf.EndEffectorFinder.MIN_ARM_JOINTS
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
