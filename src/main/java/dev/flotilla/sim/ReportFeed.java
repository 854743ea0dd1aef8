package dev.flotilla.sim;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.report.PlannedSpan;
import dev.flotilla.report.RunRecorder;
import dev.flotilla.model.StepRole;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Feeds the run's report from the fleet's public messages: steps as robots start, finish or fail
 * them, events, and each plan version with its expected utility. Times count from the moment the
 * tasks were submitted ({@link #start}); before it they are 0. Thread-safe, like the
 * {@link RunRecorder} it writes to.
 */
final class ReportFeed {
  private final RunRecorder report;
  private final NodeClock clock;
  private final Predicate<String> ltlTask;
  private final Set<String> sites = ConcurrentHashMap.newKeySet();
  /** Node-clock time the run's report counts from (set when tasks are submitted). */
  private volatile double t0 = Double.NaN;

  /**
   * @param report where the run is recorded
   * @param clock the nodes' clock
   * @param ltlTask whether a task id names an LTL task (its sites come from the plans)
   */
  ReportFeed(RunRecorder report, NodeClock clock, Predicate<String> ltlTask) {
    this.report = report;
    this.clock = clock;
    this.ltlTask = ltlTask;
  }

  /** @param t0 node-clock time the tasks were submitted: the report's time 0 */
  void start(double t0) {
    this.t0 = t0;
  }

  /** @return seconds since the tasks were submitted, 0 before */
  private double rel() {
    return Double.isNaN(t0) ? 0 : Math.max(0, clock.now() - t0);
  }

  /**
   * @param e a {@code TASK_STARTED} event
   * @param planned its step in the latest plan, or null (then the robot's part is solo)
   */
  void stepStarted(FleetEvent e, PlanStep planned) {
    report.stepStarted(e.robotId(), e.taskId(), String.valueOf(e.stepIndex()),
        planned == null ? StepRole.SOLO : roleOf(planned), rel());
  }

  /** @param e a {@code TASK_COMPLETED} event */
  void stepFinished(FleetEvent e) {
    report.stepFinished(e.robotId(), e.taskId(), String.valueOf(e.stepIndex()), rel());
  }

  /** @param e a {@code TASK_FAILED} event */
  void stepFailed(FleetEvent e) {
    report.stepFailed(e.robotId(), e.taskId(), String.valueOf(e.stepIndex()), rel());
  }

  /** Adds an event to the report's timeline, once the tasks are submitted. */
  void event(FleetEvent e) {
    if (!Double.isNaN(t0)) {
      report.event(rel(), FleetMessageText.kind(e.kind()), e.robotId(), e.taskId(), e.reason());
    }
  }

  /**
   * Records a plan version: its steps with times relative to the run's start, the sites of LTL
   * tasks' steps (first seen), and its expected utility.
   */
  void plan(Allocation a) {
    double base = Double.isNaN(t0) ? clock.now() : t0;
    List<PlannedSpan> steps = new ArrayList<>();
    for (RobotPlan p : a.plans()) {
      for (PlanStep s : p.steps()) {
        double start = Math.max(0, Stamps.seconds(s.plannedStart()) - base);
        double finish = Math.max(start, Stamps.seconds(s.plannedFinish()) - base);
        steps.add(new PlannedSpan(p.robotId(), s.taskId(), s.action(), s.region(), start, finish,
            roleOf(s), s.partners()));
        if (ltlTask.test(s.taskId()) && sites.add(s.taskId() + "@" + s.region())) {
          Point g = s.goal().position();
          report.taskSite(s.taskId() + "@" + s.region(), g.x(), g.y(), "ltl");
        }
      }
    }
    report.plan(rel(), "v" + a.planVersion(), steps);
    report.utility(rel(), a.expectedUtility());
  }

  /** Records the cost J (seed 003 Eq. 2) of a new LTL plan, from now on. */
  void ltlCost(double cost) {
    if (Double.isFinite(cost)) {
      report.ltlCost(rel(), cost);
    }
  }

  private static StepRole roleOf(PlanStep s) {
    return switch (s.role()) {
      case PlanStep.ROLE_MASTER -> StepRole.MASTER;
      case PlanStep.ROLE_COLLABORATOR -> StepRole.COLLABORATOR;
      default -> StepRole.SOLO;
    };
  }
}
