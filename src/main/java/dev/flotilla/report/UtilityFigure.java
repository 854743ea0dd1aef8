package dev.flotilla.report;

import java.util.List;

/**
 * The fleet's expected utility over the run, with replans (dashed grey) and robot failures (red)
 * marked — the quantity seed 001's allocation maximises and seed 000 tracks as quality minus
 * cost. Expected utility counts only multi-robot tasks, so once LTL work is all that is left it
 * reads 0; when the run has LTL work, the LTL plan's cost (seed 003 Eq. 2, which the LTL planner
 * minimises) is drawn beside it as a step line on its own right-hand axis, and a legend labels
 * both. O(n) in the number of samples.
 */
final class UtilityFigure {

  static final double WIDTH = 1000;
  private static final double LEFT = 110;
  private static final double RIGHT = 975;
  /** The plot's right edge when a right-hand axis for the LTL cost needs room. */
  private static final double RIGHT_WITH_COST = 900;
  static final String UTILITY_COLOUR = "#1f77b4";
  static final String COST_COLOUR = "#e6550d";
  private static final double TOP = 20;
  private static final double BOTTOM = 280;

  private UtilityFigure() {}

  static String render(RunRecord run) {
    List<UtilitySample> samples = run.utility();
    List<LtlCostSample> costs = run.ltlCost();
    double right = costs.isEmpty() ? RIGHT : RIGHT_WITH_COST;
    double end = run.durationS();
    for (LtlCostSample c : costs) {
      end = Math.max(end, c.timeS());
    }
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (UtilitySample s : samples) {
      end = Math.max(end, s.timeS());
      lo = Math.min(lo, s.expectedUtility());
      hi = Math.max(hi, s.expectedUtility());
    }
    if (samples.isEmpty()) {
      lo = 0;
      hi = 1;
    }
    double[] tDomain = LinearScale.timeDomain(end);
    double[] uDomain = LinearScale.niceDomain(Math.min(lo, 0), hi, 6);
    LinearScale x = new LinearScale(tDomain[0], tDomain[1], LEFT, right);
    LinearScale y = new LinearScale(uDomain[0], uDomain[1], BOTTOM, TOP);

    Svg svg = new Svg("fig-utility", WIDTH, BOTTOM + (costs.isEmpty() ? 50 : 78), costs.isEmpty()
        ? "Expected utility over time" : "Expected utility and LTL plan cost over time");
    svg.el("rect", null, "x", LEFT, "y", TOP, "width", right - LEFT, "height", BOTTOM - TOP,
        "fill", Palette.UTILITY_BACKGROUND);
    Axes.bottom(svg, x, TOP, BOTTOM, "time (s)", (LEFT + right) / 2);
    Axes.left(svg, y, LEFT, right, costs.isEmpty() ? "expected utility"
        : "expected utility (seed 001)", (TOP + BOTTOM) / 2);
    for (int i = 1; i < run.plans().size(); i++) {
      PlanVersion v = run.plans().get(i);
      svg.withTitle("line", "plan v" + v.version() + ": " + v.reason(), "x1", x.at(v.timeS()),
          "y1", TOP, "x2", x.at(v.timeS()), "y2", BOTTOM, "stroke", "#4d4d4d", "stroke-width",
          1.2, "stroke-dasharray", "5 4");
      svg.el("text", "v" + v.version(), "x", x.at(v.timeS()) + 3, "y", TOP + 12, "fill",
          "#4d4d4d", "font-size", 10);
    }
    for (RobotTrack r : run.robots()) {
      if (r.failed()) {
        double px = x.at(r.failureTimeS().getAsDouble());
        svg.el("line", null, "x1", px, "y1", TOP, "x2", px, "y2", BOTTOM, "stroke",
            Palette.FAILURE, "stroke-width", 1.5);
        svg.el("text", r.robot() + " failed", "x", px + 3, "y", BOTTOM - 6, "fill",
            Palette.FAILURE, "font-size", 11);
      }
    }
    if (samples.isEmpty()) {
      svg.el("text", "no utility samples recorded", "x", (LEFT + right) / 2, "y",
          (TOP + BOTTOM) / 2, "text-anchor", "middle", "fill", Palette.MUTED);
    } else {
      StringBuilder points = new StringBuilder();
      for (UtilitySample s : samples) {
        points.append(Xml.num(x.at(s.timeS()))).append(',')
            .append(Xml.num(y.at(s.expectedUtility()))).append(' ');
      }
      svg.el("polyline", null, "points", points.toString().trim(), "fill", "none", "stroke",
          UTILITY_COLOUR, "stroke-width", 2.5, "stroke-linejoin", "round", "class", "utility");
      if (samples.size() <= 60) {
        for (UtilitySample s : samples) {
          svg.withTitle("circle", Xml.seconds(s.timeS()) + ": " + Xml.num(s.expectedUtility()),
              "cx", x.at(s.timeS()), "cy", y.at(s.expectedUtility()), "r", 3.0, "fill",
              UTILITY_COLOUR);
        }
      }
    }
    if (!costs.isEmpty()) {
      cost(svg, costs, x, end, right);
    }
    svg.el("rect", null, "x", LEFT, "y", TOP, "width", right - LEFT, "height", BOTTOM - TOP,
        "fill", "none", "stroke", Palette.INK);
    return svg.finish();
  }

  /**
   * The LTL plan's cost J as a step line (each plan's cost holds until the next) on a right-hand
   * axis, and a legend naming both series.
   */
  private static void cost(Svg svg, List<LtlCostSample> costs, LinearScale x, double end,
      double right) {
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (LtlCostSample c : costs) {
      lo = Math.min(lo, c.cost());
      hi = Math.max(hi, c.cost());
    }
    double[] domain = LinearScale.niceDomain(Math.min(lo, 0), hi == lo ? hi + 1 : hi, 6);
    LinearScale y = new LinearScale(domain[0], domain[1], BOTTOM, TOP);
    svg.el("line", null, "x1", right, "y1", TOP, "x2", right, "y2", BOTTOM, "stroke",
        COST_COLOUR, "stroke-width", 1.0);
    for (double t : y.ticks(8)) {
      double py = y.at(t);
      svg.el("line", null, "x1", right, "y1", py, "x2", right + 5, "y2", py, "stroke",
          COST_COLOUR);
      svg.el("text", y.label(t, 8), "x", right + 8, "y", py + 4, "fill", COST_COLOUR);
    }
    svg.el("text", "LTL plan cost J (seed 003 Eq. 2)", "x", 0.0, "y", 0.0, "text-anchor",
        "middle", "fill", COST_COLOUR, "font-weight", "bold", "transform", "translate("
            + Xml.num(right + 70) + "," + Xml.num((TOP + BOTTOM) / 2) + ") rotate(90)");
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < costs.size(); i++) {
      LtlCostSample c = costs.get(i);
      double until = i + 1 < costs.size() ? costs.get(i + 1).timeS() : end;
      points.append(Xml.num(x.at(c.timeS()))).append(',').append(Xml.num(y.at(c.cost())))
          .append(' ').append(Xml.num(x.at(until))).append(',')
          .append(Xml.num(y.at(c.cost()))).append(' ');
    }
    svg.el("polyline", null, "points", points.toString().trim(), "fill", "none", "stroke",
        COST_COLOUR, "stroke-width", 2.5, "stroke-dasharray", "8 3", "class", "ltl-cost");
    for (LtlCostSample c : costs) {
      svg.withTitle("circle", Xml.seconds(c.timeS()) + ": J = " + Xml.num(c.cost()), "cx",
          x.at(c.timeS()), "cy", y.at(c.cost()), "r", 3.0, "fill", COST_COLOUR);
    }
    // Under the time axis, where no data can hide it.
    double lx = LEFT;
    legend(svg, lx, BOTTOM + 58, UTILITY_COLOUR, null,
        "expected utility of multi-robot tasks (seed 001 Eq. 8), higher is better");
    legend(svg, lx + 440, BOTTOM + 58, COST_COLOUR, "8 3",
        "LTL plan cost J = \u03b1\u00b7t_m + \u03b2\u00b7c_r + \u03b3\u00b7c_t (seed 003 Eq. 2), "
            + "lower is better");
  }

  private static void legend(Svg svg, double x, double y, String colour, String dash,
      String label) {
    if (dash == null) {
      svg.el("line", null, "x1", x, "y1", y - 4, "x2", x + 24, "y2", y - 4, "stroke", colour,
          "stroke-width", 2.5);
    } else {
      svg.el("line", null, "x1", x, "y1", y - 4, "x2", x + 24, "y2", y - 4, "stroke", colour,
          "stroke-width", 2.5, "stroke-dasharray", dash);
    }
    svg.el("text", label, "x", x + 30, "y", y, "fill", Palette.INK, "font-size", 11,
        "class", "legend");
  }
}
