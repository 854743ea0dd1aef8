package dev.flotilla.report;

import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Robot trajectories on the map with task sites, region labels, each task's planned and actual
 * times, and failed robots crossed out where they died — the figure style of Figs. 4 and 10 of
 * seed 001 and Fig. 8 of seed 003. The map keeps equal scale on both axes. O(p + t·s) for p
 * trajectory points, t task sites and s planned steps.
 */
final class MapFigure {

  static final double WIDTH = 1000;
  private static final double MARGIN_LEFT = 80;
  private static final double MARGIN_TOP = 20;
  private static final double PLOT_WIDTH = 700;
  private static final double MAX_PLOT_HEIGHT = 620;
  private static final int MAX_POINTS = 2000;

  private MapFigure() {}

  static String render(RunRecord run) {
    double[] box = bounds(run);
    double spanX = Math.max(box[2] - box[0], 1);
    double spanY = Math.max(box[3] - box[1], 1);
    // Room around the data, a little more on the right where task labels run.
    double padX = Math.max(spanX, spanY) * 0.06;
    double padRight = Math.max(spanX, spanY) * 0.12;
    double padY = Math.max(spanX, spanY) * 0.06;
    spanX += padX + padRight;
    spanY += 2 * padY;
    double cx = (box[0] - padX + box[2] + padRight) / 2;
    double cy = (box[1] + box[3]) / 2;
    double metresPerPixel = Math.max(spanX / PLOT_WIDTH, spanY / MAX_PLOT_HEIGHT);
    double plotHeight = Math.max(240, spanY / metresPerPixel);
    double halfX = PLOT_WIDTH * metresPerPixel / 2;
    double halfY = plotHeight * metresPerPixel / 2;
    double top = MARGIN_TOP;
    double bottom = top + plotHeight;
    double left = MARGIN_LEFT;
    double right = left + PLOT_WIDTH;
    LinearScale x = new LinearScale(cx - halfX, cx + halfX, left, right);
    LinearScale y = new LinearScale(cy - halfY, cy + halfY, bottom, top);
    double legendRows = 7 + run.robots().size() + kinds(run).size();
    double height = Math.max(bottom + 50, top + legendRows * 20 + 20);

    Svg svg = new Svg("fig-map", WIDTH, height, "Robot trajectories on the map");
    svg.el("rect", null, "x", left, "y", top, "width", PLOT_WIDTH, "height", plotHeight, "fill",
        Palette.MAP_BACKGROUND);
    Axes.bottom(svg, x, top, bottom, "x (m)", (left + right) / 2);
    Axes.left(svg, y, left, right, "y (m)", (top + bottom) / 2);
    svg.raw("<clipPath id=\"map-clip\"><rect x=\"" + Xml.num(left) + "\" y=\"" + Xml.num(top)
        + "\" width=\"" + Xml.num(PLOT_WIDTH) + "\" height=\"" + Xml.num(plotHeight)
        + "\"/></clipPath>\n");
    svg.open("g", "clip-path", "url(#map-clip)");
    landmarks(svg, run, x, y);
    Map<String, String> robotColours = Palette.assign(
        run.robots().stream().map(RobotTrack::robot).toList());
    for (RobotTrack track : run.robots()) {
      trajectory(svg, track, robotColours.get(track.robot()), x, y);
    }
    tasks(svg, run, x, y);
    for (RobotTrack track : run.robots()) {
      failure(svg, track, x, y);
    }
    svg.close("g");
    svg.el("rect", null, "x", left, "y", top, "width", PLOT_WIDTH, "height", plotHeight, "fill",
        "none", "stroke", Palette.INK);
    legend(svg, run, robotColours, right + 24, top + 8);
    return svg.finish();
  }

  /** minX, minY, maxX, maxY over everything drawn; a unit box at the origin if nothing is. */
  private static double[] bounds(RunRecord run) {
    List<Point3> points = new ArrayList<>();
    run.landmarks().forEach(l -> points.add(l.position()));
    run.taskSites().forEach(t -> points.add(t.position()));
    run.robots().forEach(r -> r.trajectory().forEach(p -> points.add(p.position())));
    if (points.isEmpty()) {
      return new double[] {-1, -1, 1, 1};
    }
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (Point3 p : points) {
      b[0] = Math.min(b[0], p.x());
      b[1] = Math.min(b[1], p.y());
      b[2] = Math.max(b[2], p.x());
      b[3] = Math.max(b[3], p.y());
    }
    return b;
  }

  private static List<String> kinds(RunRecord run) {
    return run.taskSites().stream().map(TaskSite::kind).distinct().toList();
  }

  private static void landmarks(Svg svg, RunRecord run, LinearScale x, LinearScale y) {
    for (Landmark l : run.landmarks()) {
      double px = x.at(l.position().x());
      double py = y.at(l.position().y());
      svg.el("circle", null, "cx", px, "cy", py, "r", 14.0, "fill", "#e6e6e6", "stroke",
          "#9a9a9a", "stroke-dasharray", "3 2");
      svg.el("text", l.name(), "x", px, "y", py + 4, "text-anchor", "middle", "fill", "#555555",
          "font-size", 11, "font-style", "italic");
    }
  }

  private static void trajectory(Svg svg, RobotTrack track, String colour, LinearScale x,
      LinearScale y) {
    List<TrajectoryPoint> pts = track.trajectory();
    if (pts.isEmpty()) {
      return;
    }
    StringBuilder path = new StringBuilder();
    int stride = Math.max(1, (pts.size() + MAX_POINTS - 1) / MAX_POINTS);
    for (int i = 0; i < pts.size(); i += stride) {
      appendPoint(path, pts.get(i), x, y);
    }
    if ((pts.size() - 1) % stride != 0) {
      appendPoint(path, pts.get(pts.size() - 1), x, y);
    }
    String dash = track.failed() ? "6 3" : "none";
    svg.withTitle("polyline", track.robot() + " trajectory", "points", path.toString().trim(),
        "fill", "none", "stroke", colour, "stroke-width", 2.5, "stroke-linejoin", "round",
        "stroke-dasharray", dash, "class", "trajectory");
    Point3 first = pts.get(0).position();
    Point3 last = pts.get(pts.size() - 1).position();
    svg.el("circle", null, "cx", x.at(first.x()), "cy", y.at(first.y()), "r", 5.0, "fill",
        "#ffffff", "stroke", colour, "stroke-width", 2.0);
    svg.el("circle", null, "cx", x.at(last.x()), "cy", y.at(last.y()), "r", 4.0, "fill", colour);
    svg.el("text", track.robot(), "x", x.at(first.x()) + 7, "y", y.at(first.y()) - 7, "fill",
        colour, "font-weight", "bold", "stroke", "#ffffff", "stroke-width", 3.0,
        "paint-order", "stroke");
  }

  private static void appendPoint(StringBuilder path, TrajectoryPoint p, LinearScale x,
      LinearScale y) {
    Point3 at = p.position();
    path.append(Xml.num(x.at(at.x()))).append(',').append(Xml.num(y.at(at.y()))).append(' ');
  }

  private static void tasks(Svg svg, RunRecord run, LinearScale x, LinearScale y) {
    Map<String, String> kindColours = Palette.assign(kinds(run), Palette.KIND_OFFSET);
    Map<String, double[]> planned = new LinkedHashMap<>();
    for (PlannedSpan s : run.latestPlan().steps()) {
      planned.merge(s.taskId(), new double[] {s.startS(), s.finishS()},
          (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    Map<String, Double> done = new LinkedHashMap<>();
    for (ExecutedSpan s : run.executed()) {
      if (s.outcome() == StepOutcome.COMPLETED) {
        done.merge(s.taskId(), s.endS(), Math::max);
      }
    }
    LabelPlacer labels = new LabelPlacer(x.at(x.d0), y.at(y.d1), x.at(x.d1), y.at(y.d0));
    for (TaskSite t : run.taskSites()) {
      double px = x.at(t.position().x());
      double py = y.at(t.position().y());
      double r = 7;
      String diamond = Xml.num(px) + "," + Xml.num(py - r) + " " + Xml.num(px + r) + ","
          + Xml.num(py) + " " + Xml.num(px) + "," + Xml.num(py + r) + " " + Xml.num(px - r) + ","
          + Xml.num(py);
      svg.withTitle("polygon", t.taskId() + " (" + t.kind() + ")", "points", diamond, "fill",
          kindColours.get(t.kind()), "stroke", Palette.INK, "stroke-width", 1.0, "class",
          "task-site");
      StringBuilder times = new StringBuilder();
      double[] p = planned.get(t.taskId());
      if (p != null) {
        times.append(String.format(Locale.ROOT, "plan %.0f\u2013%.0f s", p[0], p[1]));
      }
      Double d = done.get(t.taskId());
      if (d != null) {
        times.append(times.length() > 0 ? ", " : "")
            .append(String.format(Locale.ROOT, "done %.0f s", d));
      }
      double w = Math.max(t.taskId().length() * 8.0, times.length() * 5.8) + 4;
      double[] at = labels.place(px, py, w, 26);
      svg.el("text", t.taskId(), "x", at[0], "y", at[1] + 11, "fill", Palette.INK,
          "font-weight", "bold", "stroke", "#ffffff", "stroke-width", 3.0, "paint-order",
          "stroke");
      if (times.length() > 0) {
        svg.el("text", times.toString(), "x", at[0], "y", at[1] + 24, "fill", "#333333",
            "font-size", 10, "stroke", "#ffffff", "stroke-width", 3.0, "paint-order", "stroke");
      }
    }
  }

  private static void failure(Svg svg, RobotTrack track, LinearScale x, LinearScale y) {
    if (!track.failed() || track.trajectory().isEmpty()) {
      return;
    }
    double t = track.failureTimeS().getAsDouble();
    TrajectoryPoint at = track.trajectory().get(0);
    for (TrajectoryPoint p : track.trajectory()) {
      if (p.timeS() <= t) {
        at = p;
      }
    }
    double px = x.at(at.position().x());
    double py = y.at(at.position().y());
    double r = 8;
    svg.withTitle("path", track.robot() + " failed at " + Xml.seconds(t), "d",
        Svg.cross(px, py, r), "stroke", Palette.FAILURE, "stroke-width", 4.0, "fill", "none",
        "class", "failure-mark");
    svg.el("text", track.robot() + " failed " + Xml.seconds(t), "x", px + 11, "y", py + 22,
        "fill", Palette.FAILURE, "font-weight", "bold", "stroke", "#ffffff", "stroke-width", 3.0,
        "paint-order", "stroke");
  }

  private static void legend(Svg svg, RunRecord run, Map<String, String> robotColours, double x,
      double y) {
    svg.el("text", "Robots", "x", x, "y", y + 4, "font-weight", "bold", "fill", Palette.INK);
    double row = y + 22;
    for (RobotTrack track : run.robots()) {
      String colour = robotColours.get(track.robot());
      svg.el("line", null, "x1", x, "y1", row - 4, "x2", x + 28, "y2", row - 4, "stroke", colour,
          "stroke-width", 3.0, "stroke-dasharray", track.failed() ? "6 3" : "none");
      svg.el("text", track.robot() + (track.failed() ? " (failed)" : ""), "x", x + 36, "y", row,
          "fill", Palette.INK);
      row += 20;
    }
    Map<String, String> kindColours = Palette.assign(kinds(run), Palette.KIND_OFFSET);
    svg.el("text", "Task sites", "x", x, "y", row + 8, "font-weight", "bold", "fill",
        Palette.INK);
    row += 28;
    for (Map.Entry<String, String> kind : kindColours.entrySet()) {
      svg.el("rect", null, "x", x + 8, "y", row - 11, "width", 10.0, "height", 10.0, "fill",
          kind.getValue(), "stroke", Palette.INK, "transform",
          "rotate(45 " + Xml.num(x + 13) + " " + Xml.num(row - 6) + ")");
      svg.el("text", kind.getKey(), "x", x + 36, "y", row, "fill", Palette.INK);
      row += 20;
    }
    svg.el("circle", null, "cx", x + 14, "cy", row - 4, "r", 5.0, "fill", "#ffffff", "stroke",
        Palette.INK, "stroke-width", 2.0);
    svg.el("text", "start (filled dot: last pose)", "x", x + 36, "y", row, "fill", Palette.INK);
    row += 20;
    svg.el("path", null, "d", Svg.cross(x + 14, row - 4, 6), "stroke", Palette.FAILURE,
        "stroke-width", 3.0);
    svg.el("text", "robot failure", "x", x + 36, "y", row, "fill", Palette.INK);
    row += 20;
    svg.el("circle", null, "cx", x + 14, "cy", row - 4, "r", 7.0, "fill", "#e6e6e6", "stroke",
        "#9a9a9a", "stroke-dasharray", "3 2");
    svg.el("text", "region / landmark", "x", x + 36, "y", row, "fill", Palette.INK);
  }
}
