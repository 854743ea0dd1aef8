package dev.flotilla.sim;

import dev.flotilla.report.RunRecorder;
import java.io.PrintStream;
import java.util.Locale;

/** The demo's summary: printed under the run's lines, and as the report's summary table. */
final class DemoSummary {

  private DemoSummary() {}

  /**
   * Prints the summary.
   *
   * @param r what happened
   * @param elapsed seconds from the tasks' submission to the end
   * @param heartbeatTimeout the synchronizer's heartbeat timeout, s (part of the failover time)
   * @param out where it goes
   */
  static void print(DemoRun.Result r, double elapsed, double heartbeatTimeout, PrintStream out) {
    out.println();
    out.println("Summary");
    out.println("-------");
    out.printf(Locale.ROOT, "tasks submitted      %d%n", r.tasks());
    out.printf(Locale.ROOT, "tasks completed      %d  %s%n", r.completed().size(),
        r.completed());
    out.printf(Locale.ROOT, "tasks unassigned     %d  %s%n", r.unassigned().size(),
        r.unassigned());
    out.printf(Locale.ROOT, "steps failed         %d  (given to other robots)%n", r.failedSteps());
    out.printf(Locale.ROOT, "expected utility     %.1f  (last plan; seed 001 Eq. 8, multi-robot "
        + "tasks only)%n", r.expectedUtility());
    if (!Double.isNaN(r.ltlCost())) {
      out.printf(Locale.ROOT, "LTL plan cost J      %.1f  (last LTL plan; seed 003 Eq. 2, lower is "
          + "better)%n", r.ltlCost());
    }
    out.printf(Locale.ROOT, "makespan             %.1f s%n", r.makespan());
    out.printf(Locale.ROOT, "plan versions        %d%n", r.versions());
    if (!r.formulasSatisfied().isEmpty()) {
      out.printf(Locale.ROOT, "LTL formulas satisfied by the executed steps  %s%n",
          r.formulasSatisfied());
    }
    out.printf(Locale.ROOT, "failure moved        %d  %s%n", r.failureMoves().size(),
        r.failureMoves());
    out.printf(Locale.ROOT, "failure → reassignment received  %s%n",
        Double.isNaN(r.failoverSeconds()) ? "n/a"
            : String.format(Locale.ROOT, "%.3f s (includes the %.1f s heartbeat timeout)",
                r.failoverSeconds(), heartbeatTimeout));
    out.printf(Locale.ROOT, "elapsed              %.1f s  %s%n", elapsed,
        r.finished() ? "(all tasks settled)" : "(time limit reached)");
  }

  /**
   * Adds the summary table's rows to the report.
   *
   * @param r what happened
   * @param report the run's report
   */
  static void record(DemoRun.Result r, RunRecorder report) {
    report.summary("tasks submitted", String.valueOf(r.tasks()));
    report.summary("tasks completed", String.valueOf(r.completed().size()));
    report.summary("tasks unassigned or rejected", String.valueOf(r.unassigned().size()));
    report.summary("steps failed", String.valueOf(r.failedSteps()));
    report.summary("expected utility (last plan; seed 001 Eq. 8)",
        String.format(Locale.ROOT, "%.1f", r.expectedUtility()));
    if (!Double.isNaN(r.ltlCost())) {
      report.summary("LTL plan cost J (seed 003 Eq. 2, last LTL plan)",
          String.format(Locale.ROOT, "%.1f", r.ltlCost()));
    }
    report.summary("makespan", String.format(Locale.ROOT, "%.1f s", r.makespan()));
    report.summary("plan versions", String.valueOf(r.versions()));
    r.formulasSatisfied().forEach((task, ok) -> report.summary(
        task + " satisfied by the executed steps", ok ? "yes" : "NO"));
    report.summary("moved by robot failures", r.failureMoves().isEmpty() ? "nothing"
        : String.join("; ", r.failureMoves()));
    report.summary("failure → reassignment", Double.isNaN(r.failoverSeconds()) ? "n/a"
        : String.format(Locale.ROOT, "%.3f s", r.failoverSeconds()));
    report.summary("finished", r.finished() ? "all tasks settled" : "time limit reached");
  }
}
