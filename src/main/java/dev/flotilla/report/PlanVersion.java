package dev.flotilla.report;

import java.util.List;

/**
 * The fleet's plan as published at one moment; a new version supersedes the previous one.
 *
 * @param version 1 for the first plan, increasing by one per replan
 * @param timeS seconds since the run's start at which the plan was published
 * @param reason why it was made (e.g. "initial", "robot A2 failed", "task phi6 arrived")
 * @param steps every robot's planned steps
 */
public record PlanVersion(int version, double timeS, String reason, List<PlannedSpan> steps) {

  /** Copies the steps and rejects nulls and a non-finite time. */
  public PlanVersion {
    RecordChecks.finite(timeS, "plan.timeS");
    RecordChecks.present(reason, "plan.reason");
    steps = RecordChecks.list(steps, "plan " + version + " steps");
  }
}
