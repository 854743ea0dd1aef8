package dev.flotilla.sim;

import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.report.RunRecorder;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The demo's run loop: waits for the robots to join, submits the tasks until the planner holds
 * them all, then steps the simulated robots on the {@link DemoClock} while the scenario's robot
 * dies, its faults strike and its scheduled tasks arrive, until every task is settled or the
 * time limit is reached. One robot step costs O(robots + faults).
 */
final class DemoLoop {
  /** How long DDS discovery and the planner's acceptance may take, wall-clock ns. */
  private static final long DISCOVERY_NANOS = 60_000_000_000L;
  /** Wall-clock ns after which a task the planner has not accepted is sent again. */
  private static final long RESEND_NANOS = 2_000_000_000L;

  private final DemoScenario scenario;
  private final Set<String> taskIds;
  private final DemoClock time;
  private final NodeClock clock;
  private final List<SimulatedRobot> robots;
  private final Bus.Publisher<TaskRequest> operator;
  private final FleetWatch watch;
  private final RunRecorder report;
  private final DemoConsole console;
  private final FaultInjector faults;
  private double submitted = Double.NaN;

  /**
   * @param scenario what the operator submits, and the faults
   * @param taskIds every task id of the scenario, in order
   * @param time the demo's clock
   * @param robots the simulated robots
   * @param operator publishes the operator's task requests
   * @param watch what the fleet publishes
   * @param report the run's report
   * @param console where the run's lines go
   */
  DemoLoop(DemoScenario scenario, Set<String> taskIds, DemoClock time,
      List<SimulatedRobot> robots, Bus.Publisher<TaskRequest> operator, FleetWatch watch,
      RunRecorder report, DemoConsole console) {
    this.scenario = scenario;
    this.taskIds = taskIds;
    this.time = time;
    this.clock = time.clock();
    this.robots = robots;
    this.operator = operator;
    this.watch = watch;
    this.report = report;
    this.console = console;
    this.faults = new FaultInjector(scenario.faults(), robots, console, report);
  }

  /**
   * Runs the scenario.
   *
   * @return whether every task was settled (done or unassignable) within the time limit
   * @throws InterruptedException when interrupted
   */
  boolean run() throws InterruptedException {
    awaitJoin();
    console.out().printf(Locale.ROOT, "%d robots joined; submitting %d multi-robot tasks now and "
        + "%d more tasks on schedule.%n", watch.joined(), scenario.tasks().size(),
        scenario.scheduled().size());
    scenario.scheduled().stream().filter(t -> t.request().kind() == TaskRequest.KIND_LTL)
        .forEach(t -> watch.markLtl(t.request().taskId()));
    List<DemoScenario.Scheduled> due = new ArrayList<>(scenario.scheduled());
    submitted = clock.now();
    watch.submitted(submitted);
    submitUntilPlanned();
    boolean finished = play(due);
    watch.print(console, submitted);
    console.clearLine();
    return finished;
  }

  /** @return node-clock time the tasks were submitted */
  double submitted() {
    return submitted;
  }

  /** DDS discovery takes wall time whatever the simulation speed: waits on the wall clock. */
  private void awaitJoin() throws InterruptedException {
    long deadline = System.nanoTime() + DISCOVERY_NANOS;
    while (watch.joined() < robots.size() && System.nanoTime() - deadline < 0) {
      tick();
    }
  }

  /**
   * Sends each task, and again only if the planner has not accepted it within 2 s of wall time
   * (DDS discovery may still be under way); the planner rejects true duplicates. Then waits for
   * the first plan that places them all. Simulated time stands still meanwhile (as in a paused
   * Gazebo world), so the scenario's timed events (a robot dying at 300 s) fall at the same point
   * of the plan however long discovery takes.
   */
  private void submitUntilPlanned() throws InterruptedException {
    long deadline = System.nanoTime() + DISCOVERY_NANOS;
    long lastSent = System.nanoTime() - 10_000_000_000L;
    while ((watch.accepted() < scenario.tasks().size() || !watch.planned(scenario.tasks()))
        && System.nanoTime() - deadline < 0) {
      if (System.nanoTime() - lastSent >= RESEND_NANOS) {
        lastSent = System.nanoTime();
        for (TaskRequest t : scenario.tasks()) {
          if (!watch.accepted(t.taskId())) {
            operator.publish(t);
          }
        }
      }
      if (time.simulated()) {
        time.hold();
      } else {
        tick(); // wall time runs on: the robots keep their heartbeats going
      }
    }
  }

  /**
   * Steps the fleet through the scenario's timed events until it settles or time runs out.
   *
   * @param due scheduled tasks not yet submitted; emptied as they fall due
   */
  private boolean play(List<DemoScenario.Scheduled> due) throws InterruptedException {
    // The scenario's clock for timed faults and tasks: equal to `submitted` in simulated time;
    // on the wall clock (speed 1) it starts once the planner holds every task.
    double start = clock.now();
    double killedAt = Double.NaN;
    double lastPose = Double.NEGATIVE_INFINITY;
    while (clock.now() < submitted + scenario.timeLimit()) {
      if (Double.isNaN(killedAt) && !scenario.failRobot().isEmpty()
          && clock.now() >= start + scenario.failAt()) {
        String victim = victim();
        if (victim != null) {
          killedAt = kill(victim);
        }
      }
      faults.apply(clock.now() - start);
      for (Iterator<DemoScenario.Scheduled> it = due.iterator(); it.hasNext(); ) {
        DemoScenario.Scheduled task = it.next();
        if (clock.now() >= start + task.at()) {
          operator.publish(task.request());
          it.remove();
        }
      }
      if (clock.now() - lastPose >= 1.0) {
        lastPose = clock.now();
        for (SimulatedRobot r : robots) {
          if (r.alive()) {
            report.pose(r.id(), clock.now() - submitted, r.position());
          }
        }
      }
      watch.print(console, submitted);
      console.progress(() -> watch.completedAmong(taskIds).size(), taskIds.size(),
          clock.now() - submitted, scenario.timeLimit());
      if (due.isEmpty() && watch.settled(taskIds)) {
        return true;
      }
      tick();
    }
    return false;
  }

  /**
   * The robot to fail now, or null to wait: the scenario's robot at its time, or with
   * {@code fail_when: working} the scenario's robot once it is working on an open step, or when
   * it has no open work left, the first robot that is.
   */
  private String victim() {
    String robot = scenario.failRobot();
    if (scenario.failWhen() == DemoScenario.FailWhen.AT_TIME) {
      return robot;
    }
    double now = clock.now();
    if (watch.working(robot, now).isPresent()) {
      return robot;
    }
    if (watch.hasOpenWork(robot)) {
      return null;
    }
    for (SimulatedRobot r : robots) {
      if (r.alive() && watch.working(r.id(), now).isPresent()) {
        console.out().printf(Locale.ROOT, "%s%8.2f s  robot %s has no open work left; %s, "
            + "which has, fails instead%n", console.lineStart(), now - submitted, robot, r.id());
        return r.id();
      }
    }
    return null;
  }

  /** The robot dies; the watch, the report and the console are told. Returns the time. */
  private double kill(String robot) {
    String work = watch.working(robot, clock.now()).map(t -> ", working on " + t).orElse("");
    robots.stream().filter(r -> r.id().equals(robot)).forEach(SimulatedRobot::kill);
    double killedAt = clock.now();
    watch.robotKilled(killedAt);
    report.robotFailed(robot, killedAt - submitted);
    report.event(killedAt - submitted, "robot-died", robot, "",
        "stopped sending heartbeats and odometry");
    console.out().printf(Locale.ROOT, "%s%8.2f s  robot %s dies (no more heartbeats or "
        + "odometry%s)%n", console.lineStart(), killedAt - submitted, robot, work);
    return killedAt;
  }

  /** One robot step: every robot moves and runs its agent, then the clock advances. */
  private void tick() throws InterruptedException {
    double dt = time.step();
    for (SimulatedRobot r : robots) {
      r.tick(dt);
    }
    time.advance(dt);
  }
}
