package dev.flotilla.fleet;

import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import java.util.List;
import java.util.Set;

/**
 * The configured robots of a fleet, and what a robot that joined by discovery is assumed to be.
 *
 * @param robots configured robots, in file order
 */
public record FleetRoster(List<RobotSpec> robots) {
  /** Speed limit of a robot that joined by discovery, m/s: a small wheeled base. */
  public static final double DEFAULT_MAX_SPEED = 0.5;
  /** Acceleration limit of a robot that joined by discovery, m/s². */
  public static final double DEFAULT_MAX_ACCELERATION = 0.5;

  /** Copies the robot list, so the record stays immutable. */
  public FleetRoster {
    robots = List.copyOf(robots);
  }

  /**
   * @param id a robot id
   * @return its configuration, or the discovery defaults (origin, no capabilities)
   */
  public RobotSpec robot(String id) {
    return robots.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElse(new RobotSpec(id, Point3.ORIGIN, 0, DEFAULT_MAX_SPEED,
            DEFAULT_MAX_ACCELERATION, 0, 0, Set.of(), null, "", false));
  }
}
