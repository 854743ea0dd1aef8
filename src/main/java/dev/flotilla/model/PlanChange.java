package dev.flotilla.model;

import java.util.List;

/**
 * What changed from one plan version to the next: only the robots whose steps differ.
 *
 * @param previousVersion the version replaced, 0 before the first
 * @param version the new version
 * @param stamp time of issue of the new version on the node clock, seconds
 * @param cause what triggered it
 * @param subject the robot or task that caused it (e.g. the failed robot's id)
 * @param affectedRobots robots whose ordered task lists differ, in fleet order
 * @param moves per task whose crew changed, the robots it lost and gained
 */
public record PlanChange(long previousVersion, long version, double stamp, PlanCause cause,
    String subject, List<String> affectedRobots, List<CrewChange> moves) {

  /** Copies the lists, so the record stays immutable. */
  public PlanChange {
    affectedRobots = List.copyOf(affectedRobots);
    moves = List.copyOf(moves);
  }
}
