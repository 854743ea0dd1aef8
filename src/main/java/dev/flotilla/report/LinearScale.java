package dev.flotilla.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a data interval onto a pixel interval and chooses "nice" tick values (1, 2 or 5 times a
 * power of ten). A degenerate domain (one value) is widened so that nothing divides by zero.
 */
final class LinearScale {

  final double d0;
  final double d1;
  private final double r0;
  private final double r1;

  LinearScale(double d0, double d1, double r0, double r1) {
    if (!(d1 > d0)) {
      double pad = Math.max(1.0, Math.abs(d0) * 0.1);
      d0 -= pad;
      d1 = d0 + 2 * pad;
    }
    this.d0 = d0;
    this.d1 = d1;
    this.r0 = r0;
    this.r1 = r1;
  }

  /** The pixel position of a data value. */
  double at(double v) {
    return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
  }

  /** Tick values inside the domain, about {@code target} of them. O(target). */
  List<Double> ticks(int target) {
    double step = niceStep((d1 - d0) / Math.max(1, target));
    List<Double> ticks = new ArrayList<>();
    double first = Math.ceil(d0 / step - 1e-9) * step;
    for (int i = 0; first + i * step <= d1 + step * 1e-9 && i < 1000; i++) {
      double t = first + i * step;
      ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
    }
    return ticks;
  }

  /** A domain widened outward to whole nice steps, e.g. [3, 97] becomes [0, 100]. */
  static double[] niceDomain(double lo, double hi, int target) {
    if (!(hi > lo)) {
      return new double[] {lo, hi};
    }
    double step = niceStep((hi - lo) / Math.max(1, target));
    return new double[] {Math.floor(lo / step) * step, Math.ceil(hi / step) * step};
  }

  /** A time axis from 0 s to a nice value at or after {@code endS}; 0 to 1 s for an empty run. */
  static double[] timeDomain(double endS) {
    return niceDomain(0, endS > 0 ? endS : 1, 10);
  }

  static double niceStep(double raw) {
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  }

  /** A tick label: integers without decimals, others with as few as the step needs. */
  String label(double v, int target) {
    double step = niceStep((d1 - d0) / Math.max(1, target));
    if (step >= 1 || v == Math.rint(v)) {
      return Xml.num(Math.rint(v));
    }
    return Xml.num(v);
  }
}
