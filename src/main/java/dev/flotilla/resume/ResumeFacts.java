package dev.flotilla.resume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled facts of a resume, as text, for accuracy checks against hand-written labels
 * (issue #13, {@code labels.json}): mobility class and the counts of legs, wheels, rotors, arms,
 * grasping devices, cameras and lidars.
 */
public final class ResumeFacts {

  /** Field names, in the order of {@code labels.json}. */
  public static final List<String> FIELDS =
      List.of("mobility", "legs", "wheels", "rotors", "arms", "grippers_or_hands", "cameras",
          "lidars");

  private ResumeFacts() {}

  /**
   * The facts of a resume.
   *
   * @param r the resume
   * @return field → value, in {@link #FIELDS} order
   */
  public static Map<String, String> of(RobotResume r) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("mobility", r.mobility().mobilityClass().json());
    out.put("legs", Integer.toString(r.mobility().legs()));
    out.put("wheels", Integer.toString(r.mobility().wheels()));
    out.put("rotors", Integer.toString(r.mobility().rotors()));
    out.put("arms", Integer.toString(r.manipulation().arms().size()));
    out.put("grippers_or_hands", Integer.toString(r.manipulation().grippers()));
    out.put("cameras", Integer.toString(r.perception().cameras().size()));
    out.put("lidars", Integer.toString(r.perception().lidars().size()));
    return out;
  }
}
