package dev.flotilla.resume;

import java.util.List;

/**
 * The manipulation section of a resume.
 *
 * @param arms arms, one per end effector
 * @param summary one deterministic English sentence
 */
public record Manipulation(List<ArmInfo> arms, String summary) {

  /** Defensive copy. */
  public Manipulation {
    arms = List.copyOf(arms);
  }

  /** True when some arm ends in a grasping device. */
  public boolean hasGripper() {
    return arms.stream().anyMatch(ArmInfo::gripper);
  }
}
