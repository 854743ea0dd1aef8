package dev.flotilla.report;

import java.util.List;

/**
 * The fleet's expected utility over the run, with replans (dashed grey) and robot failures (red)
 * marked — the quantity seed 001's allocation maximises and seed 000 tracks as quality minus
 * cost.
 * O(n) in the number of samples.
 */
final class UtilityFigure {

  static final double WIDTH = 1000;
  private static final double LEFT = 110;
  private static final double RIGHT = 975;
  private static final double TOP = 20;
  private static final double BOTTOM = 280;

  private UtilityFigure() {}

  static String render(RunRecord run) {
    List<UtilitySample> samples = run.utility();
    double end = run.durationS();
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
    LinearScale x = new LinearScale(tDomain[0], tDomain[1], LEFT, RIGHT);
    LinearScale y = new LinearScale(uDomain[0], uDomain[1], BOTTOM, TOP);

    Svg svg = new Svg("fig-utility", WIDTH, BOTTOM + 50, "Expected utility over time");
    svg.el("rect", null, "x", LEFT, "y", TOP, "width", RIGHT - LEFT, "height", BOTTOM - TOP,
        "fill", Palette.UTILITY_BACKGROUND);
    Axes.bottom(svg, x, TOP, BOTTOM, "time (s)", (LEFT + RIGHT) / 2);
    Axes.left(svg, y, LEFT, RIGHT, "expected utility", (TOP + BOTTOM) / 2);
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
      svg.el("text", "no utility samples recorded", "x", (LEFT + RIGHT) / 2, "y",
          (TOP + BOTTOM) / 2, "text-anchor", "middle", "fill", Palette.MUTED);
    } else {
      StringBuilder points = new StringBuilder();
      for (UtilitySample s : samples) {
        points.append(Xml.num(x.at(s.timeS()))).append(',')
            .append(Xml.num(y.at(s.expectedUtility()))).append(' ');
      }
      svg.el("polyline", null, "points", points.toString().trim(), "fill", "none", "stroke",
          "#1f77b4", "stroke-width", 2.5, "stroke-linejoin", "round", "class", "utility");
      if (samples.size() <= 60) {
        for (UtilitySample s : samples) {
          svg.withTitle("circle", Xml.seconds(s.timeS()) + ": " + Xml.num(s.expectedUtility()),
              "cx", x.at(s.timeS()), "cy", y.at(s.expectedUtility()), "r", 3.0, "fill",
              "#1f77b4");
        }
      }
    }
    svg.el("rect", null, "x", LEFT, "y", TOP, "width", RIGHT - LEFT, "height", BOTTOM - TOP,
        "fill", "none", "stroke", Palette.INK);
    return svg.finish();
  }
}
