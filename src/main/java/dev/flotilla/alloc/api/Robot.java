package dev.flotilla.alloc.api;

import dev.flotilla.model.Point3;
import java.util.Set;

/**
 * A robot A_i of seed 001 §1 as the allocator sees it when planning starts.
 *
 * @param id unique robot name
 * @param position where the robot is at {@code availableFrom}, metres in the map frame
 * @param maxSpeed maximum speed, m/s (&gt; 0)
 * @param maxAcceleration maximum acceleration and deceleration, m/s² (&gt; 0)
 * @param reliability ω_i of Eq. (5), 1/s per unit σ_f (&ge; 0; 0 = never fails)
 * @param costRate cost per second the robot is engaged (utility units per second), used only by
 *     {@link UtilityMode#QUALITY_MINUS_COST}
 * @param availableFrom time the robot can start moving, seconds on the plan clock (&ge; 0)
 * @param capabilities capability names the robot offers (a task's required capabilities must be a
 *     subset, otherwise λ_ij is forced to 0)
 */
public record Robot(
    String id,
    Point3 position,
    double maxSpeed,
    double maxAcceleration,
    double reliability,
    double costRate,
    double availableFrom,
    Set<String> capabilities) {

  /** Validates every field, naming the offending one. */
  public Robot {
    ArgumentChecks.id(id, "robot");
    ArgumentChecks.nonNull(position, "robot " + id + ": position");
    ArgumentChecks.positive(maxSpeed, "robot " + id + ": maxSpeed");
    ArgumentChecks.positive(maxAcceleration, "robot " + id + ": maxAcceleration");
    ArgumentChecks.nonNegative(reliability, "robot " + id + ": reliability");
    ArgumentChecks.nonNegative(costRate, "robot " + id + ": costRate");
    ArgumentChecks.nonNegative(availableFrom, "robot " + id + ": availableFrom");
    capabilities =
        Set.copyOf(ArgumentChecks.nonNull(capabilities, "robot " + id + ": capabilities"));
  }

  /**
   * A robot available at time 0 with no named capabilities and no cost.
   *
   * @param id unique robot name
   * @param position start position, metres in the map frame
   * @param maxSpeed m/s
   * @param maxAcceleration m/s²
   * @param reliability ω_i of Eq. (5)
   * @return the robot
   */
  public static Robot of(
      String id, Point3 position, double maxSpeed, double maxAcceleration, double reliability) {
    return new Robot(id, position, maxSpeed, maxAcceleration, reliability, 0, 0, Set.of());
  }

  /**
   * Copy of this robot placed elsewhere and available from another time (used when re-planning).
   *
   * @param newPosition metres in the map frame
   * @param newAvailableFrom seconds on the plan clock
   * @return the moved robot
   */
  public Robot at(Point3 newPosition, double newAvailableFrom) {
    return new Robot(
        id, newPosition, maxSpeed, maxAcceleration, reliability, costRate, newAvailableFrom,
        capabilities);
  }
}
