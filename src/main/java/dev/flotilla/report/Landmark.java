package dev.flotilla.report;

import dev.flotilla.model.Point3;

/**
 * A named place on the map (a region of seed 003's track field, a base, a waypoint).
 *
 * @param name label drawn next to the place
 * @param position where it is in the map frame (m); the map shows x and y
 */
public record Landmark(String name, Point3 position) {

  /** Rejects a null name or position. */
  public Landmark {
    RecordChecks.present(name, "landmark.name");
    RecordChecks.present(position, "landmark.position");
  }
}
