package dev.flotilla.report;

import java.util.List;

/**
 * Everything a report shows about one run of a fleet: the map, what each robot did, the plans
 * over time, events, utility and a summary. Fill it incrementally with {@link RunRecorder}.
 *
 * @param title the report's heading
 * @param subtitle a line under the heading (scenario, seed, date), may be empty
 * @param durationS seconds from the run's start to its end (at least every recorded time)
 * @param landmarks named map places
 * @param taskSites where tasks are performed
 * @param robots one track per robot, in the order they were first recorded
 * @param plans plan versions in publication order
 * @param executed steps as they happened
 * @param events noteworthy happenings
 * @param utility expected-utility samples
 * @param summary the summary table's rows, in order
 * @param ltlCost LTL plan cost samples (seed 003 Eq. 2), empty when the run had no LTL work
 */
public record RunRecord(String title, String subtitle, double durationS, List<Landmark> landmarks,
    List<TaskSite> taskSites, List<RobotTrack> robots, List<PlanVersion> plans,
    List<ExecutedSpan> executed, List<RunEvent> events, List<UtilitySample> utility,
    List<SummaryRow> summary, List<LtlCostSample> ltlCost) {

  /** A run without LTL work: no LTL cost samples. */
  public RunRecord(String title, String subtitle, double durationS, List<Landmark> landmarks,
      List<TaskSite> taskSites, List<RobotTrack> robots, List<PlanVersion> plans,
      List<ExecutedSpan> executed, List<RunEvent> events, List<UtilitySample> utility,
      List<SummaryRow> summary) {
    this(title, subtitle, durationS, landmarks, taskSites, robots, plans, executed, events,
        utility, summary, List.of());
  }

  /** Copies every list and rejects nulls and a negative or non-finite duration. */
  public RunRecord {
    RecordChecks.present(title, "title");
    RecordChecks.present(subtitle, "subtitle");
    RecordChecks.finite(durationS, "durationS");
    if (durationS < 0) {
      throw new IllegalArgumentException(
          "Run record field 'durationS' must not be negative, got " + durationS + ".");
    }
    landmarks = RecordChecks.list(landmarks, "landmarks");
    taskSites = RecordChecks.list(taskSites, "taskSites");
    robots = RecordChecks.list(robots, "robots");
    plans = RecordChecks.list(plans, "plans");
    executed = RecordChecks.list(executed, "executed");
    events = RecordChecks.list(events, "events");
    utility = RecordChecks.list(utility, "utility");
    summary = RecordChecks.list(summary, "summary");
    ltlCost = RecordChecks.list(ltlCost, "ltlCost");
  }

  /** The most recent plan version, or an empty plan if none was recorded. */
  public PlanVersion latestPlan() {
    return plans.isEmpty() ? new PlanVersion(0, 0, "none", List.of()) : plans.get(plans.size() - 1);
  }
}
