package dev.flotilla.resume;

import dev.flotilla.model.Point3;

/** Rounds resume figures to 0.1 mm / 0.1 mrad so the JSON stays readable; far below accuracy. */
final class Rounding {

  private Rounding() {}

  static double r(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  static Point3 r(Point3 p) {
    return new Point3(r(p.x()), r(p.y()), r(p.z()));
  }
}
