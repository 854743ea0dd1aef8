package dev.flotilla.resume;

import java.util.List;

/**
 * The perception section of a resume (appendix A.1 of seed 002: sensors and a frustum model).
 *
 * @param cameras cameras, in breadth-first order from the base
 * @param lidars laser scanners
 * @param summary one deterministic English sentence
 * @param evidence the facts that identified the sensors, and their confidence
 */
public record Perception(List<CameraInfo> cameras, List<LidarInfo> lidars, String summary,
    Evidence evidence) {

  /** Defensive copies. */
  public Perception {
    cameras = List.copyOf(cameras);
    lidars = List.copyOf(lidars);
  }
}
