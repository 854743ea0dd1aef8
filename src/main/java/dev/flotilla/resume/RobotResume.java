package dev.flotilla.resume;

import java.util.List;

/**
 * A robot resume (section 3.3 of seed 002, EMOS): mobility, perception and manipulation
 * capabilities, each with numbers and a one-line summary, computed deterministically from the
 * URDF plus documented defaults. Serialised as JSON by {@link ResumeJson}.
 *
 * @param robotId fleet identifier given by the caller
 * @param robotType short description, e.g. {@code wheeled manipulator}
 * @param urdfName the URDF's {@code <robot name>} (informative only)
 * @param mobility how the robot moves
 * @param perception what it sees
 * @param manipulation what it can reach and grasp
 * @param capabilities named capabilities, sorted (e.g. {@code grasp}, {@code change_floors})
 * @param summary the three section summaries joined
 * @param overridden resume fields the operator replaced ({@code resume_overrides}), sorted
 */
public record RobotResume(
    String robotId,
    String robotType,
    String urdfName,
    Mobility mobility,
    Perception perception,
    Manipulation manipulation,
    List<String> capabilities,
    String summary,
    List<String> overridden) {

  /** Defensive copy. */
  public RobotResume {
    capabilities = List.copyOf(capabilities);
    overridden = overridden == null ? List.of() : List.copyOf(overridden);
  }
}
