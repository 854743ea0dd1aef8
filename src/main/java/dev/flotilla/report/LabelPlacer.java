package dev.flotilla.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Places label blocks next to point markers so that they neither overlap each other nor leave the
 * plot: it tries right, left, below and above the marker in turn and keeps the first free spot.
 * Greedy, O(k) per label for k labels already placed.
 */
final class LabelPlacer {

  private final double left;
  private final double top;
  private final double right;
  private final double bottom;
  private final List<double[]> placed = new ArrayList<>();

  /** The plot area in pixels. */
  LabelPlacer(double left, double top, double right, double bottom) {
    this.left = left;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
  }

  /**
   * Chooses where a {@code w} by {@code h} pixel block goes next to the marker at (px, py).
   *
   * @return the block's top-left corner {x, y}
   */
  double[] place(double px, double py, double w, double h) {
    double[][] candidates = {
        {px + 10, py - h / 2 - 2}, {px - 10 - w, py - h / 2 - 2}, {px + 10, py + 9},
        {px - 10 - w, py + 9}, {px + 10, py - h - 9}, {px - 10 - w, py - h - 9},
        {px - w / 2, py + 12}, {px - w / 2, py - h - 12}};
    double[] fallback = null;
    for (double[] c : candidates) {
      double[] box = {c[0], c[1], c[0] + w, c[1] + h};
      if (box[0] < left || box[2] > right || box[1] < top || box[3] > bottom) {
        continue;
      }
      if (fallback == null) {
        fallback = box;
      }
      if (placed.stream().noneMatch(p -> overlaps(p, box))) {
        placed.add(box);
        return c;
      }
    }
    double[] box = fallback != null ? fallback
        : new double[] {candidates[0][0], candidates[0][1], candidates[0][0] + w,
            candidates[0][1] + h};
    placed.add(box);
    return new double[] {box[0], box[1]};
  }

  private static boolean overlaps(double[] a, double[] b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }
}
