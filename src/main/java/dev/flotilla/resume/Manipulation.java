package dev.flotilla.resume;

import java.util.List;

/**
 * The manipulation section of a resume.
 *
 * @param arms arms, one per end effector
 * @param grippers grasping devices: arms ending in one plus stand-alone hands
 * @param summary one deterministic English sentence
 * @param evidence the facts that identified arms and hands, and their confidence
 */
public record Manipulation(
    List<ArmInfo> arms, int grippers, String summary, Evidence evidence) {

  /** Defensive copy. */
  public Manipulation {
    arms = List.copyOf(arms);
  }

  /** True when some arm ends in a grasping device. */
  public boolean hasGripper() {
    return arms.stream().anyMatch(ArmInfo::gripper);
  }
}
