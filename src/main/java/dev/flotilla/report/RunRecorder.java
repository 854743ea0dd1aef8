package dev.flotilla.report;

import dev.flotilla.model.Point3;
import dev.flotilla.model.StepRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Collects a {@link RunRecord} while a run goes on. Every method is thread-safe, so simulator,
 * allocator and event callbacks may call it from their own threads; {@link #build} takes a
 * snapshot and may be called more than once.
 *
 * <p>Steps are recorded as they start and end ({@link #stepStarted}, {@link #stepFinished},
 * {@link #stepFailed}); a step still open when the record is built is marked
 * {@link StepOutcome#UNFINISHED} at the run's end, and a robot's failure closes its open steps as
 * failed. All times are seconds since the run's start. Appends cost O(1); {@link #build} costs
 * O(n) in the number of recorded items.
 */
public final class RunRecorder {

  private String title = "Flotilla run";
  private String subtitle = "";
  private double latestTimeS;
  private final List<Landmark> landmarks = new ArrayList<>();
  private final List<TaskSite> taskSites = new ArrayList<>();
  private final Map<String, List<TrajectoryPoint>> trajectories = new LinkedHashMap<>();
  private final Map<String, Double> failures = new LinkedHashMap<>();
  private final List<PlanVersion> plans = new ArrayList<>();
  private final List<ExecutedSpan> executed = new ArrayList<>();
  private final Map<String, OpenStep> open = new LinkedHashMap<>();
  private final List<RunEvent> events = new ArrayList<>();
  private final List<UtilitySample> utility = new ArrayList<>();
  private final List<LtlCostSample> ltlCost = new ArrayList<>();
  private final List<SummaryRow> summary = new ArrayList<>();

  private record OpenStep(String robot, String taskId, String step, double startS, StepRole role) {}

  /**
   * Sets the report's heading.
   *
   * @param title the heading
   * @param subtitle the line under it (may be empty)
   * @return this recorder
   */
  public synchronized RunRecorder title(String title, String subtitle) {
    this.title = RecordChecks.present(title, "title");
    this.subtitle = RecordChecks.present(subtitle, "subtitle");
    return this;
  }

  /**
   * Adds a named map place.
   *
   * @param name its label
   * @param position where it is in the map frame (m)
   * @return this recorder
   */
  public synchronized RunRecorder landmark(String name, Point3 position) {
    landmarks.add(new Landmark(name, position));
    return this;
  }

  /**
   * Adds a named map place on the ground plane.
   *
   * @param name its label
   * @param x metres along the map frame's x axis
   * @param y metres along the map frame's y axis
   * @return this recorder
   */
  public RunRecorder landmark(String name, double x, double y) {
    return landmark(name, RecordChecks.point(x, y, "landmark"));
  }

  /**
   * Adds a task's location.
   *
   * @param taskId the task
   * @param position where it is performed in the map frame (m)
   * @param kind its category (sites of one kind share a colour)
   * @return this recorder
   */
  public synchronized RunRecorder taskSite(String taskId, Point3 position, String kind) {
    taskSites.add(new TaskSite(taskId, position, kind));
    return this;
  }

  /**
   * Adds a task's location on the ground plane.
   *
   * @param taskId the task
   * @param x metres along the map frame's x axis
   * @param y metres along the map frame's y axis
   * @param kind its category (sites of one kind share a colour)
   * @return this recorder
   */
  public RunRecorder taskSite(String taskId, double x, double y, String kind) {
    return taskSite(taskId, RecordChecks.point(x, y, "taskSite"), kind);
  }

  /**
   * Declares a robot, so that it is listed even before it moves.
   *
   * @param robot the robot's name
   * @return this recorder
   */
  public synchronized RunRecorder robot(String robot) {
    trajectories.computeIfAbsent(RecordChecks.present(robot, "robot"), r -> new ArrayList<>());
    return this;
  }

  /**
   * Appends a position sample to a robot's trajectory (declaring the robot if new).
   *
   * @param robot the robot's name
   * @param timeS seconds since the run's start
   * @param position where the robot is in the map frame (m)
   * @return this recorder
   */
  public synchronized RunRecorder pose(String robot, double timeS, Point3 position) {
    TrajectoryPoint p = new TrajectoryPoint(timeS, position);
    trajectories.computeIfAbsent(RecordChecks.present(robot, "robot"), r -> new ArrayList<>())
        .add(p);
    seen(timeS);
    return this;
  }

  /**
   * Appends a position sample on the ground plane to a robot's trajectory.
   *
   * @param robot the robot's name
   * @param timeS seconds since the run's start
   * @param x metres along the map frame's x axis
   * @param y metres along the map frame's y axis
   * @return this recorder
   */
  public RunRecorder pose(String robot, double timeS, double x, double y) {
    RecordChecks.finite(timeS, "trajectory.timeS");
    return pose(robot, timeS, RecordChecks.point(x, y, "trajectory"));
  }

  /**
   * Records that a robot failed for good; its open steps are closed as failed at that time. Only
   * the first failure of a robot counts.
   *
   * @param robot the robot's name
   * @param timeS seconds since the run's start
   * @return this recorder
   */
  public synchronized RunRecorder robotFailed(String robot, double timeS) {
    RecordChecks.finite(timeS, "robotFailed.timeS");
    robot(robot);
    failures.putIfAbsent(robot, timeS);
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, OpenStep> e : open.entrySet()) {
      if (e.getValue().robot().equals(robot)) {
        keys.add(e.getKey());
      }
    }
    for (String key : keys) {
      close(key, Math.max(timeS, open.get(key).startS()), StepOutcome.FAILED);
    }
    seen(timeS);
    return this;
  }

  /**
   * Records a newly published plan; its version number is one more than the previous one.
   *
   * @param timeS seconds since the run's start at which it was published
   * @param reason why it was made
   * @param steps every robot's planned steps
   * @return the new plan's version number (1 for the first)
   */
  public synchronized int plan(double timeS, String reason, List<PlannedSpan> steps) {
    int version = plans.size() + 1;
    plans.add(new PlanVersion(version, timeS, reason, steps));
    seen(timeS);
    for (PlannedSpan s : steps) {
      seen(s.finishS());
    }
    return version;
  }

  /**
   * Records that a robot started a step. Starting a step that is already open restarts it.
   *
   * @param robot the robot
   * @param taskId the task
   * @param step the step's name
   * @param role the robot's part in it
   * @param timeS seconds since the run's start
   * @return this recorder
   */
  public synchronized RunRecorder stepStarted(String robot, String taskId, String step,
      StepRole role, double timeS) {
    RecordChecks.finite(timeS, "stepStarted.timeS");
    RecordChecks.present(role, "stepStarted.role");
    OpenStep s = new OpenStep(RecordChecks.present(robot, "stepStarted.robot"),
        RecordChecks.present(taskId, "stepStarted.taskId"),
        RecordChecks.present(step, "stepStarted.step"), timeS, role);
    robot(robot);
    open.put(s.robot() + '\u0000' + s.taskId() + '\u0000' + s.step(), s);
    seen(timeS);
    return this;
  }

  /**
   * Records that a robot finished a step it started; unknown steps are ignored (a late message).
   *
   * @param robot the robot
   * @param taskId the task
   * @param step the step's name
   * @param timeS seconds since the run's start
   * @return whether an open step was closed
   */
  public synchronized boolean stepFinished(String robot, String taskId, String step,
      double timeS) {
    return closeIfOpen(robot, taskId, step, timeS, StepOutcome.COMPLETED);
  }

  /**
   * Records that a robot's step failed; unknown steps are ignored (a late message).
   *
   * @param robot the robot
   * @param taskId the task
   * @param step the step's name
   * @param timeS seconds since the run's start
   * @return whether an open step was closed
   */
  public synchronized boolean stepFailed(String robot, String taskId, String step, double timeS) {
    return closeIfOpen(robot, taskId, step, timeS, StepOutcome.FAILED);
  }

  /**
   * Adds a complete executed step (for a recorder fed after the fact).
   *
   * @param step the step
   * @return this recorder
   */
  public synchronized RunRecorder executed(ExecutedSpan step) {
    executed.add(step);
    robot(step.robot());
    seen(step.endS());
    return this;
  }

  /**
   * Adds an event.
   *
   * @param timeS seconds since the run's start
   * @param kind its category
   * @param robot the robot concerned, or empty
   * @param taskId the task concerned, or empty
   * @param text a description
   * @return this recorder
   */
  public synchronized RunRecorder event(double timeS, String kind, String robot, String taskId,
      String text) {
    events.add(new RunEvent(timeS, kind, robot, taskId, text));
    seen(timeS);
    return this;
  }

  /**
   * Adds an expected-utility sample.
   *
   * @param timeS seconds since the run's start
   * @param expectedUtility dimensionless utility
   * @return this recorder
   */
  public synchronized RunRecorder utility(double timeS, double expectedUtility) {
    utility.add(new UtilitySample(timeS, expectedUtility));
    seen(timeS);
    return this;
  }

  /**
   * Adds an LTL plan cost sample (seed 003 Eq. 2).
   *
   * @param timeS seconds since the run's start
   * @param cost the LTL plan's objective J, lower is better
   * @return this recorder
   */
  public synchronized RunRecorder ltlCost(double timeS, double cost) {
    ltlCost.add(new LtlCostSample(timeS, cost));
    seen(timeS);
    return this;
  }

  /**
   * Adds a row to the summary table.
   *
   * @param label what is measured
   * @param value its value, units included
   * @return this recorder
   */
  public synchronized RunRecorder summary(String label, String value) {
    summary.add(new SummaryRow(label, value));
    return this;
  }

  /**
   * Snapshots the record, ending the run at the latest recorded time.
   *
   * @return the record
   */
  public synchronized RunRecord build() {
    return build(latestTimeS);
  }

  /**
   * Snapshots the record, ending the run at {@code endS} (or later, if something was recorded
   * later). Steps still open are included as unfinished at the end; they stay open here.
   *
   * @param endS seconds since the run's start at which the run ended
   * @return the record
   */
  public synchronized RunRecord build(double endS) {
    double end = Math.max(RecordChecks.finite(endS, "build.endS"), latestTimeS);
    List<RobotTrack> robots = new ArrayList<>();
    for (Map.Entry<String, List<TrajectoryPoint>> e : trajectories.entrySet()) {
      Double failure = failures.get(e.getKey());
      robots.add(new RobotTrack(e.getKey(), e.getValue(),
          failure == null ? OptionalDouble.empty() : OptionalDouble.of(failure)));
    }
    List<ExecutedSpan> steps = new ArrayList<>(executed);
    for (OpenStep s : open.values()) {
      steps.add(new ExecutedSpan(s.robot(), s.taskId(), s.step(), s.startS(), end,
          StepOutcome.UNFINISHED, s.role()));
    }
    return new RunRecord(title, subtitle, Math.max(0, end), landmarks, taskSites, robots, plans,
        steps, events, utility, summary, ltlCost);
  }

  private boolean closeIfOpen(String robot, String taskId, String step, double timeS,
      StepOutcome outcome) {
    RecordChecks.finite(timeS, "step end timeS");
    String key = robot + '\u0000' + taskId + '\u0000' + step;
    if (!open.containsKey(key)) {
      return false;
    }
    close(key, Math.max(timeS, open.get(key).startS()), outcome);
    seen(timeS);
    return true;
  }

  private void close(String key, double endS, StepOutcome outcome) {
    OpenStep s = open.remove(key);
    executed.add(new ExecutedSpan(s.robot(), s.taskId(), s.step(), s.startS(), endS, outcome,
        s.role()));
  }

  private void seen(double timeS) {
    latestTimeS = Math.max(latestTimeS, timeS);
  }
}
