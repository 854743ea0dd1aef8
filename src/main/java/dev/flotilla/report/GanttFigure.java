package dev.flotilla.report;

import dev.flotilla.model.StepRole;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Planned (a) versus actual (b) execution per robot, after Fig. 9 of seed 003: one lane per
 * robot, one bar per step coloured by task. Roles are told apart by outline and pattern — a
 * master's bar has a heavy black frame, a collaborator's is hatched, a solo step is plain. Panel
 * (a) shows the latest plan, with steps of superseded plans that it dropped as dashed outlines
 * and each replan as a dashed vertical line; panel (b) marks failed steps in red. A robot's
 * failure is a red line across its lanes. O(r + s) for r robots and s steps.
 */
final class GanttFigure {

  static final double WIDTH = 1000;
  private static final double LEFT = 110;
  private static final double RIGHT = 975;
  private static final double LANE = 30;
  private static final double BAR = 20;

  private GanttFigure() {}

  static String render(RunRecord run) {
    List<String> robots = robots(run);
    Map<String, String> taskColours = Palette.assign(tasks(run));
    double end = run.durationS();
    for (PlanVersion v : run.plans()) {
      for (PlannedSpan s : v.steps()) {
        end = Math.max(end, s.finishS());
      }
    }
    for (ExecutedSpan s : run.executed()) {
      end = Math.max(end, s.endS());
    }
    double[] domain = LinearScale.timeDomain(end);
    LinearScale x = new LinearScale(domain[0], domain[1], LEFT, RIGHT);
    int lanes = Math.max(1, robots.size());
    double panel = lanes * LANE;
    double topA = 34;
    double bottomA = topA + panel;
    double topB = bottomA + 80;
    double bottomB = topB + panel;
    double legendTop = bottomB + 62;
    int taskRows = (taskColours.size() + 5) / 6;
    double height = legendTop + 46 + taskRows * 20 + 10;

    Svg svg = new Svg("fig-gantt", WIDTH, height, "Planned versus actual execution per robot");
    svg.raw("<defs><pattern id=\"gantt-hatch\" width=\"6\" height=\"6\""
        + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0.35\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#222222\" stroke-width=\"2\"/>"
        + "</pattern></defs>\n");
    PlanVersion latest = run.latestPlan();
    String headA = "(a) Planned execution" + (run.plans().isEmpty() ? " (no plan recorded)"
        : " \u2014 plan v" + latest.version() + ", published at " + Xml.seconds(latest.timeS()));
    panelFrame(svg, x, robots, topA, bottomA, headA);
    superseded(svg, run, robots, x, topA);
    for (PlannedSpan s : latest.steps()) {
      bar(svg, x, lane(robots, s.robot(), topA), s.startS(), s.finishS(),
          taskColours.get(s.taskId()), s.role(), "bar planned", s.taskId(), s.action(),
          s.taskId() + " " + s.action() + " @" + s.region() + ", " + s.role() + ", "
              + Xml.seconds(s.startS()) + "\u2013" + Xml.seconds(s.finishS())
              + (s.partners().isEmpty() ? "" : ", with " + String.join(", ", s.partners())));
    }
    replans(svg, run, x, topA, bottomA);
    Axes.bottom(svg, x, bottomA, bottomA, "time (s)", (LEFT + RIGHT) / 2);

    panelFrame(svg, x, robots, topB, bottomB, "(b) Actual execution");
    for (ExecutedSpan s : run.executed()) {
      double laneTop = lane(robots, s.robot(), topB);
      String title = s.taskId() + " " + s.step() + ", " + s.role() + ", " + s.outcome() + ", "
          + Xml.seconds(s.startS()) + "\u2013" + Xml.seconds(s.endS());
      bar(svg, x, laneTop, s.startS(), s.endS(), taskColours.get(s.taskId()), s.role(),
          "bar actual", s.taskId(), s.step(), title);
      if (s.outcome() == StepOutcome.FAILED) {
        double px = x.at(s.endS());
        double cy = laneTop + LANE / 2;
        svg.withTitle("path", title, "d", Svg.cross(px, cy, 6),
            "stroke", Palette.FAILURE, "stroke-width", 3.0, "class", "failed-step");
      } else if (s.outcome() == StepOutcome.UNFINISHED) {
        double px = Math.max(x.at(s.endS()), x.at(s.startS()) + 2);
        svg.el("text", "\u2026", "x", px + 2, "y", laneTop + LANE / 2 + 4, "fill", Palette.INK);
      }
    }
    Axes.bottom(svg, x, bottomB, bottomB, "time (s)", (LEFT + RIGHT) / 2);
    for (RobotTrack track : run.robots()) {
      if (track.failed()) {
        failure(svg, x, track, lane(robots, track.robot(), topA));
        failure(svg, x, track, lane(robots, track.robot(), topB));
      }
    }
    legend(svg, taskColours, legendTop);
    return svg.finish();
  }

  private static List<String> robots(RunRecord run) {
    Set<String> robots = new LinkedHashSet<>();
    run.robots().forEach(r -> robots.add(r.robot()));
    run.plans().forEach(v -> v.steps().forEach(s -> robots.add(s.robot())));
    run.executed().forEach(s -> robots.add(s.robot()));
    return new ArrayList<>(robots);
  }

  private static List<String> tasks(RunRecord run) {
    List<String> tasks = new ArrayList<>();
    run.taskSites().forEach(t -> tasks.add(t.taskId()));
    run.plans().forEach(v -> v.steps().forEach(s -> tasks.add(s.taskId())));
    run.executed().forEach(s -> tasks.add(s.taskId()));
    return tasks;
  }

  private static double lane(List<String> robots, String robot, double top) {
    return top + robots.indexOf(robot) * LANE;
  }

  private static void panelFrame(Svg svg, LinearScale x, List<String> robots, double top,
      double bottom, String heading) {
    svg.el("text", heading, "x", LEFT, "y", top - 12, "font-weight", "bold", "font-size", 13,
        "fill", Palette.INK);
    svg.el("rect", null, "x", LEFT, "y", top, "width", RIGHT - LEFT, "height", bottom - top,
        "fill", Palette.GANTT_BACKGROUND, "stroke", Palette.INK);
    for (int i = 0; i < robots.size(); i++) {
      double laneTop = top + i * LANE;
      if (i > 0) {
        svg.el("line", null, "x1", LEFT, "y1", laneTop, "x2", RIGHT, "y2", laneTop, "stroke",
            Palette.GRID);
      }
      svg.el("text", robots.get(i), "x", LEFT - 10, "y", laneTop + LANE / 2 + 4, "text-anchor",
          "end", "fill", Palette.INK, "font-weight", "bold");
    }
    if (robots.isEmpty()) {
      svg.el("text", "no robots recorded", "x", (LEFT + RIGHT) / 2, "y", top + LANE / 2 + 4,
          "text-anchor", "middle", "fill", Palette.MUTED);
    }
  }

  private static void bar(Svg svg, LinearScale x, double laneTop, double start, double finish,
      String colour, StepRole role, String cls, String taskId, String action, String title) {
    double x0 = x.at(start);
    double w = Math.max(2, x.at(finish) - x0);
    double y0 = laneTop + (LANE - BAR) / 2;
    switch (role) {
      case MASTER -> svg.withTitle("rect", title, "x", x0, "y", y0, "width", w, "height", BAR,
          "fill", colour, "stroke", Palette.INK, "stroke-width", 2.5, "class", cls + " master");
      case COLLABORATOR -> {
        svg.withTitle("rect", title, "x", x0, "y", y0, "width", w, "height", BAR, "fill", colour,
            "stroke", colour, "stroke-width", 1.0, "class", cls + " collaborator");
        svg.el("rect", null, "x", x0, "y", y0, "width", w, "height", BAR, "fill",
            "url(#gantt-hatch)", "fill-opacity", 0.45, "pointer-events", "none");
      }
      default -> svg.withTitle("rect", title, "x", x0, "y", y0, "width", w, "height", BAR,
          "fill", colour, "stroke", "#555555", "stroke-width", 0.5, "class", cls + " solo");
    }
    String label = taskId.equals(action) || action.isEmpty() ? taskId : taskId + " " + action;
    if (label.length() * 6.6 + 6 > w) {
      label = taskId;
    }
    if (label.length() * 6.6 + 6 <= w) {
      svg.el("text", label, "x", x0 + 4, "y", y0 + BAR / 2 + 4, "fill", Palette.INK, "font-size",
          11, "stroke", "#ffffff", "stroke-width", 2.5, "paint-order", "stroke",
          "pointer-events", "none");
    }
  }

  /** Steps of earlier plans that the latest plan no longer has, as dashed outlines. */
  private static void superseded(Svg svg, RunRecord run, List<String> robots, LinearScale x,
      double top) {
    Set<String> current = new LinkedHashSet<>();
    run.latestPlan().steps().forEach(s -> current.add(s.key()));
    Set<String> drawn = new LinkedHashSet<>();
    for (PlanVersion v : run.plans()) {
      if (v == run.latestPlan()) {
        continue;
      }
      for (PlannedSpan s : v.steps()) {
        if (current.contains(s.key()) || !drawn.add(s.key() + '\u0000' + s.startS())) {
          continue;
        }
        double x0 = x.at(s.startS());
        double w = Math.max(2, x.at(s.finishS()) - x0);
        svg.withTitle("rect", s.taskId() + " " + s.action() + " (plan v" + v.version()
                + ", superseded), " + Xml.seconds(s.startS()) + "\u2013" + Xml.seconds(s.finishS()),
            "x", x0, "y", lane(robots, s.robot(), top) + (LANE - BAR) / 2, "width", w, "height",
            BAR, "fill", "none", "stroke", Palette.MUTED, "stroke-width", 1.5,
            "stroke-dasharray", "4 3", "class", "superseded");
      }
    }
  }

  private static void replans(Svg svg, RunRecord run, LinearScale x, double top, double bottom) {
    for (int i = 1; i < run.plans().size(); i++) {
      PlanVersion v = run.plans().get(i);
      double px = x.at(v.timeS());
      svg.withTitle("line", "plan v" + v.version() + " at " + Xml.seconds(v.timeS()) + ": "
              + v.reason(), "x1", px, "y1", top - 4, "x2", px, "y2", bottom, "stroke", "#4d4d4d",
          "stroke-width", 1.5, "stroke-dasharray", "5 4", "class", "replan");
      svg.el("text", "v" + v.version(), "x", px + 3, "y", top - 2, "fill", "#4d4d4d",
          "font-size", 10);
    }
  }

  private static void failure(Svg svg, LinearScale x, RobotTrack track, double laneTop) {
    double px = x.at(track.failureTimeS().getAsDouble());
    svg.withTitle("line", track.robot() + " failed at "
            + Xml.seconds(track.failureTimeS().getAsDouble()), "x1", px, "y1", laneTop + 1, "x2",
        px, "y2", laneTop + LANE - 1, "stroke", Palette.FAILURE, "stroke-width", 4.0, "class",
        "robot-failure");
    svg.el("line", null, "x1", px, "y1", laneTop + LANE / 2, "x2", RIGHT, "y2",
        laneTop + LANE / 2, "stroke", Palette.FAILURE, "stroke-width", 1.0, "stroke-dasharray",
        "2 4");
  }

  private static void legend(Svg svg, Map<String, String> taskColours, double top) {
    double x = LEFT;
    String grey = "#a0a0a0";
    swatch(svg, x, top, "solo step", grey, "#555555", 0.5, "none", false);
    swatch(svg, x + 120, top, "master (whole chain)", grey, Palette.INK, 2.5, "none", false);
    swatch(svg, x + 300, top, "collaborator", grey, grey, 1.0, "none", true);
    swatch(svg, x + 440, top, "superseded plan", "none", Palette.MUTED, 1.5, "4 3", false);
    svg.el("path", null, "d", Svg.cross(x + 606, top + 4, 6), "stroke", Palette.FAILURE,
        "stroke-width", 3.0);
    svg.el("text", "failed step", "x", x + 620, "y", top + 9, "fill", Palette.INK);
    svg.el("line", null, "x1", x + 712, "y1", top - 3, "x2", x + 712, "y2", top + 15, "stroke",
        Palette.FAILURE, "stroke-width", 4.0);
    svg.el("text", "robot failure", "x", x + 722, "y", top + 9, "fill", Palette.INK);
    int i = 0;
    for (Map.Entry<String, String> task : taskColours.entrySet()) {
      double tx = x + (i % 6) * 145;
      double ty = top + 32 + (i / 6) * 20;
      svg.el("rect", null, "x", tx, "y", ty - 10, "width", 14.0, "height", 12.0, "fill",
          task.getValue(), "stroke", "#555555", "stroke-width", 0.5);
      String name = task.getKey().length() > 18 ? task.getKey().substring(0, 17) + "\u2026"
          : task.getKey();
      svg.el("text", name, "x", tx + 20, "y", ty, "fill", Palette.INK);
      i++;
    }
  }

  private static void swatch(Svg svg, double x, double top, String text, String fill,
      String stroke, double width, String dash, boolean hatch) {
    svg.el("rect", null, "x", x, "y", top - 3, "width", 26.0, "height", 16.0, "fill", fill,
        "stroke", stroke, "stroke-width", width, "stroke-dasharray", dash);
    if (hatch) {
      svg.el("rect", null, "x", x, "y", top - 3, "width", 26.0, "height", 16.0, "fill",
          "url(#gantt-hatch)", "fill-opacity", 0.45);
    }
    svg.el("text", text, "x", x + 32, "y", top + 9, "fill", Palette.INK);
  }
}
