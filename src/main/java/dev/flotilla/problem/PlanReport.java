package dev.flotilla.problem;

import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.model.TaskSpec;
import dev.flotilla.report.HtmlReportWriter;
import dev.flotilla.report.PlannedSpan;
import dev.flotilla.report.RunRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan as the demo's self-contained HTML report ({@code flotilla plan --report FILE}): the
 * map with robots' starts and task sites, the plan's Gantt chart with roles, the plan's expected
 * utility and LTL cost, and a summary with what was left out. Nothing has been executed, so the
 * report shows the plan only.
 */
public final class PlanReport {

  private PlanReport() {}

  /**
   * @param p the plan
   * @param file the HTML file to write (its folder is created)
   * @throws IOException when the file cannot be written
   */
  public static void write(OfflinePlan p, Path file) throws IOException {
    RunRecorder rec = new RunRecorder();
    Problem problem = p.problem();
    rec.title("Flotilla plan", problem.source() + " · " + problem.robots().size() + " robots · "
        + (problem.tasks().size() + problem.ltlTasks().size()) + " tasks · offline plan");
    for (RobotSpec r : problem.robots()) {
      rec.pose(r.id(), 0, r.start());
    }
    for (var a : problem.tasks()) {
      TaskSpec t = a.task();
      rec.taskSite(t.id(), t.location(), "multi-robot");
    }
    List<PlannedSpan> spans = new ArrayList<>();
    for (RobotItinerary r : p.plan().itineraries()) {
      for (PlannedStep s : r.steps()) {
        double start = Math.max(0, s.plannedStart());
        spans.add(new PlannedSpan(r.robotId(), s.taskId(), s.action(), s.region(), start,
            Math.max(start, s.plannedFinish()), s.role(), s.partners()));
        if (s.goal() != null && !s.region().isEmpty()) {
          rec.taskSite(s.taskId() + "@" + s.region(), s.goal(), "ltl");
        }
      }
    }
    rec.plan(0, "offline plan", spans);
    rec.utility(0, p.expectedUtility());
    if (p.ltlCost() != null) {
      rec.ltlCost(0, p.ltlCost().objective());
    }
    double end = spans.stream().mapToDouble(PlannedSpan::finishS).max().orElse(0);
    rec.summary("expected utility (seed 001 Eq. 8)", String.format(Locale.ROOT, "%.2f",
        p.expectedUtility()));
    if (p.ltlCost() != null) {
      OfflinePlan.LtlCost c = p.ltlCost();
      rec.summary("LTL plan cost J (seed 003 Eq. 2)", String.format(Locale.ROOT,
          "%.2f (makespan %.1f s, resource cost %.1f, travel %.1f m)", c.objective(),
          c.makespanS(), c.resourceCost(), c.travelM()));
    }
    rec.summary("planned makespan", String.format(Locale.ROOT, "%.1f s", end));
    rec.summary("tasks unassigned", String.valueOf(p.unassigned().size()));
    for (OfflinePlan.Unassigned u : p.unassigned()) {
      rec.summary("unassigned " + u.taskId(), u.reason());
    }
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    Files.writeString(file, new HtmlReportWriter().render(rec.build(end)),
        StandardCharsets.UTF_8);
  }
}
