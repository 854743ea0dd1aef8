package dev.flotilla.resume;

import java.util.List;

/**
 * How far out the end effector gets at each height: the largest horizontal distance from the base's
 * vertical axis among samples in each height band. Because a mobile base can turn on the spot, a
 * point at height z and horizontal distance d from the base axis is reachable when
 * {@code maxHorizontalAt(z) >= d}.
 *
 * @param bandM band height in metres
 * @param bottomM height above ground of the bottom of the first band, metres
 * @param maxHorizontalM per band, largest horizontal distance in metres (0 when no sample fell in
 *     the band)
 */
public record ReachProfile(double bandM, double bottomM, List<Double> maxHorizontalM) {

  /** Defensive copy. */
  public ReachProfile {
    maxHorizontalM = List.copyOf(maxHorizontalM);
  }

  /**
   * The largest horizontal distance reached at a height.
   *
   * @param zM height above ground in metres
   * @return metres; 0 outside the sampled heights
   */
  public double maxHorizontalAt(double zM) {
    int band = (int) Math.floor((zM - bottomM) / bandM);
    if (band < 0 || band >= maxHorizontalM.size()) {
      return 0;
    }
    return maxHorizontalM.get(band);
  }
}
