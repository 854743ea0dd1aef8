package dev.flotilla.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's events on a time axis, one lane per event kind (in order of first occurrence; kinds
 * naming a failure are red); each marker's tooltip holds the event's text, and the page lists all
 * events in a table below. O(n) in the number of events.
 */
final class TimelineFigure {

  static final double WIDTH = 1000;
  private static final double LEFT = 150;
  private static final double RIGHT = 975;
  private static final double TOP = 12;
  private static final double LANE = 26;

  private TimelineFigure() {}

  static String render(RunRecord run) {
    List<String> kinds = new ArrayList<>();
    run.events().forEach(e -> {
      if (!kinds.contains(e.kind())) {
        kinds.add(e.kind());
      }
    });
    Map<String, String> colours = Palette.assign(kinds);
    // Failures stand out in the colour every other figure uses for them.
    colours.replaceAll((kind, colour) ->
        kind.toLowerCase(Locale.ROOT).contains("fail") ? Palette.FAILURE : colour);
    double end = run.durationS();
    for (RunEvent e : run.events()) {
      end = Math.max(end, e.timeS());
    }
    double[] domain = LinearScale.timeDomain(end);
    LinearScale x = new LinearScale(domain[0], domain[1], LEFT, RIGHT);
    double bottom = TOP + Math.max(1, kinds.size()) * LANE;

    Svg svg = new Svg("fig-timeline", WIDTH, bottom + 50, "Event timeline");
    svg.el("rect", null, "x", LEFT, "y", TOP, "width", RIGHT - LEFT, "height", bottom - TOP,
        "fill", Palette.TIMELINE_BACKGROUND);
    Axes.bottom(svg, x, TOP, bottom, "time (s)", (LEFT + RIGHT) / 2);
    for (int i = 0; i < kinds.size(); i++) {
      double cy = TOP + i * LANE + LANE / 2;
      svg.el("line", null, "x1", LEFT, "y1", cy, "x2", RIGHT, "y2", cy, "stroke",
          colours.get(kinds.get(i)), "stroke-opacity", 0.35);
      svg.el("text", kinds.get(i), "x", LEFT - 10, "y", cy + 4, "text-anchor", "end", "fill",
          Palette.INK);
    }
    if (kinds.isEmpty()) {
      svg.el("text", "no events recorded", "x", (LEFT + RIGHT) / 2, "y", TOP + LANE / 2 + 4,
          "text-anchor", "middle", "fill", Palette.MUTED);
    }
    for (RunEvent e : run.events()) {
      double cy = TOP + kinds.indexOf(e.kind()) * LANE + LANE / 2;
      String who = (e.robot() + " " + e.taskId()).trim();
      svg.withTitle("circle", Xml.seconds(e.timeS()) + " " + e.kind()
              + (who.isEmpty() ? "" : " [" + who + "]") + ": " + e.text(), "cx", x.at(e.timeS()),
          "cy", cy, "r", 6.0, "fill", colours.get(e.kind()), "stroke", Palette.INK,
          "stroke-width", 0.8, "class", "event");
    }
    svg.el("rect", null, "x", LEFT, "y", TOP, "width", RIGHT - LEFT, "height", bottom - TOP,
        "fill", "none", "stroke", Palette.INK);
    return svg.finish();
  }
}
