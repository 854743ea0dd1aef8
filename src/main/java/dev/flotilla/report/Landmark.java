package dev.flotilla.report;

/**
 * A named place on the map (a region of seed 003's track field, a base, a waypoint).
 *
 * @param name label drawn next to the place
 * @param x metres along the map frame's x axis
 * @param y metres along the map frame's y axis
 */
public record Landmark(String name, double x, double y) {

  /** Rejects a null name and non-finite coordinates. */
  public Landmark {
    Checks.text(name, "landmark.name");
    Checks.finite(x, "landmark.x");
    Checks.finite(y, "landmark.y");
  }
}
