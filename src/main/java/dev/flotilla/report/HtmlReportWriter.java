package dev.flotilla.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a run as one self-contained {@code index.html}: inline CSS and inline SVG figures, no
 * scripts and no external files, so it opens offline and can be archived as it is. Figures:
 * trajectories on the map (after Figs. 4 and 10 of seed 001), planned-versus-actual Gantt charts
 * with master/collaborator roles (after Fig. 9 of seed 003), expected utility over time, the
 * event timeline, then the summary and event tables. The same record always gives the same
 * bytes. O(n) in the record's size.
 */
public final class HtmlReportWriter implements RunReportWriter {

  /** The report's file name inside the output directory. */
  public static final String FILE_NAME = "index.html";

  private static final String CSS = """
      body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #222222; background: #ffffff;
             margin: 24px; max-width: 1040px; }
      h1 { font-size: 24px; margin: 0 0 4px 0; }
      .subtitle { color: #555555; margin: 0 0 20px 0; }
      h2 { font-size: 17px; margin: 28px 0 6px 0; border-bottom: 1px solid #d9d9d9; }
      figure { margin: 0; }
      figcaption { color: #555555; font-size: 13px; margin: 4px 0 0 0; }
      svg { display: block; }
      table { border-collapse: collapse; font-size: 13px; margin-top: 6px; }
      th, td { border: 1px solid #cccccc; padding: 3px 10px; text-align: left;
               vertical-align: top; }
      th { background: #eeeeee; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      """;

  @Override
  public Path write(RunRecord run, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Path file = outDir.resolve(FILE_NAME);
    Files.writeString(file, render(run), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * The report's HTML text.
   *
   * @param run what happened
   * @return the complete document
   */
  public String render(RunRecord run) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Xml.escape(run.title())).append("</title>\n<style>\n")
        .append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(Xml.escape(run.title())).append("</h1>\n")
        .append("<p class=\"subtitle\">").append(Xml.escape(run.subtitle()))
        .append(run.subtitle().isEmpty() ? "" : " \u00b7 ").append("run length ")
        .append(Xml.seconds(run.durationS())).append(", ").append(run.robots().size())
        .append(" robots, ").append(run.plans().size()).append(" plan versions</p>\n");
    figure(html, "map", "Fig. 1 Robot trajectories and task sites", MapFigure.render(run),
        "Solid lines: robot paths (dashed: robot failed; its red cross marks where). Diamonds:"
            + " task sites, labelled with the latest plan's start\u2013finish and the actual"
            + " completion time.");
    figure(html, "gantt", "Fig. 2 Planned versus actual execution", GanttFigure.render(run),
        "Bars are coloured by task. Heavy black frame: master, which performs the whole action"
            + " chain; hatched: collaborator, which joins one action; plain: solo. Dashed outlines:"
            + " steps of superseded plans; dashed vertical lines: replans.");
    figure(html, "utility", run.ltlCost().isEmpty() ? "Fig. 3 Expected utility over time"
        : "Fig. 3 Expected utility and LTL plan cost over time", UtilityFigure.render(run),
        "Expected utility of the current plan (seed 001 Eq. 8; it counts multi-robot tasks"
            + " only)" + (run.ltlCost().isEmpty() ? "" : "; dashed orange, right axis: the cost J"
            + " of the LTL plan (seed 003 Eq. 2, \u03b1\u00b7makespan + \u03b2\u00b7resource"
            + " cost + \u03b3\u00b7distance, lower is better)") + "; dashed grey lines mark"
            + " replans, red lines robot failures.");
    figure(html, "timeline", "Fig. 4 Event timeline", TimelineFigure.render(run),
        "One lane per event kind; hover a marker for its text. All events are listed below in"
            + " time order.");
    summary(html, run);
    events(html, run);
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private static void figure(StringBuilder html, String id, String heading, String svg,
      String caption) {
    html.append("<section id=\"section-").append(id).append("\">\n<h2>")
        .append(Xml.escape(heading)).append("</h2>\n<figure>\n").append(svg)
        .append("<figcaption>").append(Xml.escape(caption)).append("</figcaption>\n")
        .append("</figure>\n</section>\n");
  }

  private static void summary(StringBuilder html, RunRecord run) {
    html.append("<section id=\"section-summary\">\n<h2>Summary</h2>\n");
    if (run.summary().isEmpty()) {
      html.append("<p>No summary recorded.</p>\n</section>\n");
      return;
    }
    html.append("<table id=\"summary\">\n<tr><th>measure</th><th>value</th></tr>\n");
    for (SummaryRow row : run.summary()) {
      html.append("<tr><td>").append(Xml.escape(row.label())).append("</td><td class=\"num\">")
          .append(Xml.escape(row.value())).append("</td></tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void events(StringBuilder html, RunRecord run) {
    html.append("<section id=\"section-events\">\n<h2>Events</h2>\n");
    if (run.events().isEmpty()) {
      html.append("<p>No events recorded.</p>\n</section>\n");
      return;
    }
    html.append("<table id=\"events\">\n<tr><th>time</th><th>kind</th><th>robot</th>"
        + "<th>task</th><th>what happened</th></tr>\n");
    List<RunEvent> byTime = new ArrayList<>(run.events());
    byTime.sort(Comparator.comparingDouble(RunEvent::timeS));
    for (RunEvent e : byTime) {
      html.append("<tr><td class=\"num\">").append(Xml.escape(Xml.seconds(e.timeS())))
          .append("</td><td>").append(Xml.escape(e.kind())).append("</td><td>")
          .append(Xml.escape(e.robot())).append("</td><td>").append(Xml.escape(e.taskId()))
          .append("</td><td>").append(Xml.escape(e.text())).append("</td></tr>\n");
    }
    html.append("</table>\n</section>\n");
  }
}
