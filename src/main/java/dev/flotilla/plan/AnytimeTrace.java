package dev.flotilla.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * How an anytime planner's best plan and proven lower bound improved over time, so a benchmark can
 * read the best cost after 1, 10 or 60 s of one run instead of running three times. Thread-safe:
 * CP-SAT reports from its own threads.
 */
public final class AnytimeTrace {

  /**
   * One improvement.
   *
   * @param atS seconds since the planner started
   * @param objective best objective of Eq. (2) known then (NaN if none yet)
   * @param bound best proven lower bound known then (NaN if none)
   */
  public record Point(double atS, double objective, double bound) {}

  private final List<Point> points = new ArrayList<>();
  private double objective = Double.NaN;
  private double bound = Double.NaN;

  /**
   * Records a new plan cost; ignored unless it improves on the best.
   *
   * @param atS seconds since start
   * @param cost the plan's objective
   */
  public synchronized void plan(double atS, double cost) {
    if (Double.isNaN(objective) || cost < objective) {
      objective = cost;
      points.add(new Point(atS, objective, bound));
    }
  }

  /**
   * Records a proven lower bound; ignored unless it is higher than the best.
   *
   * @param atS seconds since start
   * @param lower the bound
   */
  public synchronized void bound(double atS, double lower) {
    if (Double.isNaN(bound) || lower > bound) {
      bound = lower;
      points.add(new Point(atS, objective, bound));
    }
  }

  /**
   * The best known at a time.
   *
   * @param atS seconds since start
   * @return the last point at or before it, or a point of NaNs
   */
  public synchronized Point at(double atS) {
    Point last = new Point(atS, Double.NaN, Double.NaN);
    for (Point p : points) {
      if (p.atS() <= atS) {
        last = p;
      }
    }
    return last;
  }

  /**
   * Every improvement, in order.
   *
   * @return a copy of the points
   */
  public synchronized List<Point> points() {
    return List.copyOf(points);
  }

  /**
   * Best objective so far.
   *
   * @return the cost, NaN if no plan
   */
  public synchronized double objective() {
    return objective;
  }

  /**
   * Best proven bound so far.
   *
   * @return the bound, NaN if none
   */
  public synchronized double bound() {
    return bound;
  }
}
