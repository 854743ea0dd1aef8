package dev.flotilla.plan.model;

import dev.flotilla.model.Point3;
import java.util.Map;
import java.util.Objects;

/**
 * A region of interest W_m of the workspace (a state of the WTS of Definition 4, seed 003) with the
 * resources R_m stored in it.
 *
 * @param name region name, also the atomic proposition p_m (e.g. {@code r1})
 * @param position centre of the region, metres in the map frame
 * @param resources units of each resource kind stored here (kind to count, counts &gt;= 0)
 */
public record Region(String name, Point3 position, Map<String, Integer> resources) {

  /** Copies the resource map and rejects negative stocks. */
  public Region {
    Objects.requireNonNull(name, "A region needs a name.");
    Objects.requireNonNull(position, "Region " + name + " needs a position.");
    resources = Map.copyOf(resources);
    resources.forEach(
        (k, v) -> {
          if (v < 0) {
            throw new IllegalArgumentException(
                "Region " + name + " cannot hold a negative stock of " + k + ".");
          }
        });
  }

  /**
   * Stock of one resource kind.
   *
   * @param kind resource kind, e.g. {@code water}
   * @return units stored here, 0 if none
   */
  public int stock(String kind) {
    return resources.getOrDefault(kind, 0);
  }
}
