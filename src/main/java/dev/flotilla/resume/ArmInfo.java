package dev.flotilla.resume;

import java.util.List;

/**
 * One arm of the manipulation section: the chain from the base to an end effector and its
 * workspace from seeded forward-kinematics sampling over the joint limits. Positions are in the
 * base frame of {@link Workspace}.
 *
 * @param endEffector the end-effector link
 * @param joints the independent movable joints from base to end effector (a lift included)
 * @param dof number of those joints
 * @param gripper true when a grasping device (gripper, hand, fingers…) sits at the end effector
 * @param workspace bounding sphere and box of the samples
 * @param maxReachHeightM highest end-effector height above ground, metres
 * @param minReachHeightM lowest end-effector height above ground, metres
 * @param maxHorizontalReachM largest horizontal distance from the base's vertical axis, metres
 * @param reachM largest distance from the first movable arm joint to the end effector, metres
 * @param liftTravelM total travel of vertical prismatic joints (lifts), metres
 * @param extensionTravelM total travel of horizontal prismatic joints (telescopes), metres
 * @param reachProfile horizontal reach per height band
 * @param samples configurations sampled
 * @param summary one deterministic English sentence
 */
public record ArmInfo(
    String endEffector,
    List<String> joints,
    int dof,
    boolean gripper,
    Workspace workspace,
    double maxReachHeightM,
    double minReachHeightM,
    double maxHorizontalReachM,
    double reachM,
    double liftTravelM,
    double extensionTravelM,
    ReachProfile reachProfile,
    int samples,
    String summary) {

  /** Defensive copy. */
  public ArmInfo {
    joints = List.copyOf(joints);
  }
}
