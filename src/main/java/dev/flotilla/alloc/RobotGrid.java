package dev.flotilla.alloc;

import java.util.Arrays;

/**
 * Where the robots are in the plane, bucketed in a uniform grid of about two robots per cell, so
 * that the fast mode of {@link PotentialGameAllocator} can list the robots within a radius of a
 * task without looking at all n (the robots that can still improve a crew are the near ones; see
 * {@link CrewBound}). Robots only ever stand at their start or at a task, so the grid spans those
 * points. A move is O(1); a query costs the cells it overlaps plus the robots in them.
 */
final class RobotGrid {
  private final double minX;
  private final double minY;
  private final double cell;
  private final int cols;
  private final int rows;
  private final int[][] members;
  private final int[] size;
  private final int[] cellOf;
  private final int[] slotOf;
  private final double[] x;
  private final double[] y;

  /**
   * @param xs robots' x, metres
   * @param ys robots' y, metres
   * @param box {minX, minY, maxX, maxY} of every place a robot can stand, metres
   */
  RobotGrid(double[] xs, double[] ys, double[] box) {
    int n = xs.length;
    minX = box[0];
    minY = box[1];
    double w = Math.max(box[2] - box[0], 1e-9);
    double h = Math.max(box[3] - box[1], 1e-9);
    int cellsWanted = Math.max(1, Math.min(n / 2, 1 << 16));
    cell = Math.max(Math.sqrt(w * h / cellsWanted), 1e-6);
    cols = (int) Math.min(1 << 12, Math.floor(w / cell) + 1);
    rows = (int) Math.min(1 << 12, Math.floor(h / cell) + 1);
    members = new int[cols * rows][];
    size = new int[cols * rows];
    cellOf = new int[n];
    slotOf = new int[n];
    x = new double[n];
    y = new double[n];
    for (int i = 0; i < n; i++) {
      cellOf[i] = -1;
      move(i, xs[i], ys[i]);
    }
  }

  private int col(double px) {
    return (int) Math.max(0, Math.min(cols - 1, Math.floor((px - minX) / cell)));
  }

  private int row(double py) {
    return (int) Math.max(0, Math.min(rows - 1, Math.floor((py - minY) / cell)));
  }

  /** Robot i now stands at (px, py). */
  void move(int i, double px, double py) {
    x[i] = px;
    y[i] = py;
    int c = row(py) * cols + col(px);
    if (c == cellOf[i]) {
      return;
    }
    if (cellOf[i] >= 0) {
      int old = cellOf[i];
      int last = members[old][--size[old]];
      members[old][slotOf[i]] = last;
      slotOf[last] = slotOf[i];
    }
    if (members[c] == null) {
      members[c] = new int[4];
    } else if (size[c] == members[c].length) {
      members[c] = Arrays.copyOf(members[c], size[c] * 2);
    }
    slotOf[i] = size[c];
    members[c][size[c]++] = i;
    cellOf[i] = c;
  }

  /**
   * Robots within planar distance {@code r} of (cx, cy), in no particular order.
   *
   * @param out receives them; must hold n entries
   * @param dist2 receives their squared planar distances; must hold n entries
   * @return how many were written
   */
  int within(double cx, double cy, double r, int[] out, double[] dist2) {
    int c0 = col(cx - r);
    int c1 = col(cx + r);
    int r0 = row(cy - r);
    int r1 = row(cy + r);
    double r2 = r * r;
    int count = 0;
    for (int rr = r0; rr <= r1; rr++) {
      for (int cc = c0; cc <= c1; cc++) {
        int c = rr * cols + cc;
        for (int k = 0; k < size[c]; k++) {
          int i = members[c][k];
          double dx = x[i] - cx;
          double dy = y[i] - cy;
          double d2 = dx * dx + dy * dy;
          if (d2 <= r2) {
            dist2[count] = d2;
            out[count++] = i;
          }
        }
      }
    }
    return count;
  }
}
