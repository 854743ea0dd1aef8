package dev.flotilla.sim;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.report.RunRecorder;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Watches the fleet's public topics, as an operator's console would: which robots joined, which
 * tasks were accepted, done or rejected, the latest plan, and how long a robot's death took to be
 * answered by a reassignment. Each message also goes to the run's report ({@link ReportFeed}),
 * the executed LTL steps ({@link ExecutedWord}) and the lines still to print. The bus callbacks
 * run on the transport's threads; every query is thread-safe.
 */
final class FleetWatch {
  private final Set<String> joined = ConcurrentHashMap.newKeySet();
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final Set<String> completed = ConcurrentHashMap.newKeySet();
  /** LTL task ids: one id spans many steps, done when all its steps are. */
  private final Set<String> ltlIds = ConcurrentHashMap.newKeySet();
  private final Set<String> stepsDone = ConcurrentHashMap.newKeySet();
  private final Map<String, String> rejected = new ConcurrentHashMap<>();
  private final AtomicLong failedSteps = new AtomicLong();
  private volatile double lastCompletion = Double.NaN;
  private final List<Object> pending = new ArrayList<>();
  private final AtomicReference<Allocation> latest = new AtomicReference<>();
  private volatile double killedAt = Double.NaN;
  private volatile double failover = Double.NaN;
  /** Task moves of the reassignments that robot failures caused, e.g. "t1: [p2] → [p1]". */
  private final List<String> failureMoves = new ArrayList<>();
  /** Cost J (seed 003 Eq. 2) of the latest LTL plan, NaN before any. */
  private volatile double ltlCost = Double.NaN;
  private volatile long ltlVersion = -1;

  private final NodeClock clock;
  private final ReportFeed feed;
  private final ExecutedWord word = new ExecutedWord();

  /**
   * Subscribes to the fleet's events, sync commands, allocations and reassignments.
   *
   * @param bus the fleet's transport
   * @param clock the nodes' clock
   * @param report where the run is recorded
   */
  FleetWatch(Bus bus, NodeClock clock, RunRecorder report) {
    this.clock = clock;
    this.feed = new ReportFeed(report, clock, ltlIds::contains);
    bus.subscribe(TopicNames.resolve("/", TopicNames.EVENTS), FleetEvent.TYPE,
        FlotillaQos.EVENTS, this::onEvent);
    bus.subscribe(TopicNames.resolve("/", TopicNames.SYNC), SyncCommand.TYPE, QosProfile.DEFAULT,
        c -> {
          if (c.command() == SyncCommand.GO) {
            word.go(key(c.robotId(), c.taskId(), c.stepIndex()), clock.now());
          }
          // A skipped step (a late collaborator) will never report completion.
          if (c.command() == SyncCommand.SKIP) {
            stepsDone.add(key(c.robotId(), c.taskId(), c.stepIndex()));
          }
        });
    bus.subscribe(TopicNames.resolve("/", TopicNames.ALLOCATION), Allocation.TYPE,
        FlotillaQos.ALLOCATION, a -> {
          Allocation prev = latest.get();
          if (prev == null || a.planVersion() > prev.planVersion()) {
            latest.set(a);
            add(a);
            feed.plan(a);
          }
        });
    bus.subscribe(TopicNames.resolve("/", TopicNames.REASSIGNMENT), Reassignment.TYPE,
        QosProfile.DEFAULT, r -> {
          if (r.cause() == Reassignment.CAUSE_ROBOT_FAILED && !Double.isNaN(killedAt)
              && Double.isNaN(failover)) {
            failover = clock.now() - killedAt;
          }
          if (r.cause() == Reassignment.CAUSE_ROBOT_FAILED) {
            synchronized (failureMoves) {
              r.moves().forEach(m -> failureMoves.add(m.taskId() + ": " + m.removedRobots()
                  + " → " + m.addedRobots()));
            }
          }
          add(r);
        });
    // The planner's LTL plan: its expected_utility is minus the cost J of seed 003 Eq. 2.
    bus.subscribe(TopicNames.resolve("/", TopicNames.LTL_PLAN), Allocation.TYPE,
        FlotillaQos.ALLOCATION, a -> {
          if (a.planVersion() > ltlVersion) {
            ltlVersion = a.planVersion();
            ltlCost = -a.expectedUtility();
            feed.ltlCost(ltlCost);
          }
        });
  }

  private void onEvent(FleetEvent e) {
    switch (e.kind()) {
      case FleetEvent.ROBOT_JOINED -> joined.add(e.robotId());
      case FleetEvent.TASK_ACCEPTED -> accepted.add(e.taskId());
      case FleetEvent.TASK_COMPLETED -> {
        completed.add(e.taskId());
        lastCompletion = clock.now();
        String key = key(e.robotId(), e.taskId(), e.stepIndex());
        if (ltlIds.contains(e.taskId())) {
          word.completed(e.robotId(), step(e.robotId(), e.taskId(), e.stepIndex()), key,
              clock.now());
        }
        stepsDone.add(key);
        feed.stepFinished(e);
      }
      case FleetEvent.TASK_STARTED -> feed.stepStarted(e,
          step(e.robotId(), e.taskId(), e.stepIndex()));
      case FleetEvent.TASK_FAILED -> {
        failedSteps.incrementAndGet();
        feed.stepFailed(e);
      }
      case FleetEvent.TASK_REJECTED -> rejected.put(e.taskId(), e.reason());
      default -> { }
    }
    if (e.kind() != FleetEvent.TASK_ACCEPTED && e.kind() != FleetEvent.ROBOT_JOINED) {
      add(e);
      feed.event(e);
    }
  }

  private static String key(String robot, String taskId, int stepIndex) {
    return robot + "|" + taskId + "|" + stepIndex;
  }

  /** The step of the latest plan, or null. */
  private PlanStep step(String robot, String taskId, int index) {
    Allocation a = latest.get();
    if (a == null) {
      return null;
    }
    for (RobotPlan p : a.plans()) {
      if (!p.robotId().equals(robot)) {
        continue;
      }
      for (PlanStep s : p.steps()) {
        if (s.taskId().equals(taskId) && s.stepIndex() == index) {
          return s;
        }
      }
    }
    return null;
  }

  private synchronized void add(Object message) {
    pending.add(message);
  }

  /**
   * Prints the messages received since the last call, one line each.
   *
   * @param console where to print
   * @param t0 node-clock time the lines count from
   */
  synchronized void print(DemoConsole console, double t0) {
    if (!pending.isEmpty()) {
      console.clearLine();
    }
    for (Object m : pending) {
      console.out().print(FleetMessageText.line(clock.now() - t0, m));
    }
    pending.clear();
  }

  /** @param taskId an LTL task: done once all of its steps are */
  void markLtl(String taskId) {
    ltlIds.add(taskId);
  }

  /** @param t0 node-clock time the tasks were submitted: the report's time 0 */
  void submitted(double t0) {
    feed.start(t0);
  }

  /** @param at node-clock time a robot was killed, from which the failover time counts */
  void robotKilled(double at) {
    killedAt = at;
  }

  /** @return how many robots announced themselves */
  int joined() {
    return joined.size();
  }

  /** @return how many tasks the planner accepted */
  int accepted() {
    return accepted.size();
  }

  /** @return whether the planner accepted this task */
  boolean accepted(String taskId) {
    return accepted.contains(taskId);
  }

  /** Every task is done, or the latest plan reports it unassignable. */
  boolean settled(Set<String> taskIds) {
    Map<String, String> u = unassigned();
    return taskIds.stream().allMatch(t -> done(t) || u.containsKey(t));
  }

  /** A multi-robot task is done when reported; an LTL task when all of its steps are. */
  boolean done(String taskId) {
    if (!ltlIds.contains(taskId)) {
      return completed.contains(taskId);
    }
    Allocation a = latest.get();
    if (a == null) {
      return false;
    }
    List<String> steps = new ArrayList<>();
    for (RobotPlan p : a.plans()) {
      for (PlanStep s : p.steps()) {
        if (s.taskId().equals(taskId)) {
          steps.add(key(p.robotId(), s.taskId(), s.stepIndex()));
        }
      }
    }
    return !steps.isEmpty() && stepsDone.containsAll(steps);
  }

  /** @return those of these tasks that are done, in their order */
  Set<String> completedAmong(Set<String> taskIds) {
    return taskIds.stream().filter(this::done)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** @return tasks rejected or left unassigned by the latest plan, with the reason */
  Map<String, String> unassigned() {
    Map<String, String> out = new LinkedHashMap<>(rejected);
    Allocation a = latest.get();
    if (a != null) {
      a.unassigned().forEach(u -> out.put(u.taskId(), u.detail()));
      for (RobotPlan p : a.plans()) {
        p.steps().forEach(s -> out.remove(s.taskId()));
      }
    }
    return out;
  }

  /** The latest plan places every one of these tasks: on a robot, or as unassigned. */
  boolean planned(List<TaskRequest> tasks) {
    Allocation a = latest.get();
    if (a == null) {
      return tasks.isEmpty();
    }
    Set<String> placed = new HashSet<>();
    a.unassigned().forEach(u -> placed.add(u.taskId()));
    a.plans().forEach(p -> p.steps().forEach(s -> placed.add(s.taskId())));
    return tasks.stream().allMatch(t -> placed.contains(t.taskId()));
  }

  /** @return the latest plan, or null before the first */
  Allocation latest() {
    return latest.get();
  }

  /** @return the latest plan version, 0 before the first */
  long versions() {
    Allocation a = latest.get();
    return a == null ? 0 : a.planVersion();
  }

  /** @return seconds from the robot's death to the reassignment it caused, NaN if none */
  double failover() {
    return failover;
  }

  /** @return steps robots reported failed */
  long failedSteps() {
    return failedSteps.get();
  }

  /** @return node-clock time of the last completion, NaN if none */
  double lastCompletion() {
    return lastCompletion;
  }

  /** @return the task moves that robot failures caused, in arrival order */
  List<String> failureMoves() {
    synchronized (failureMoves) {
      return List.copyOf(failureMoves);
    }
  }

  /** @return cost J (seed 003 Eq. 2) of the latest LTL plan, NaN when there was none */
  double ltlCost() {
    return ltlCost;
  }

  /**
   * The robot's step that the latest plan has under way at {@code now} (planned start passed)
   * and that is not completed, if any: failing the robot now takes that work away.
   *
   * @param robot a robot id
   * @param now node-clock time, seconds
   * @return the step's task id
   */
  Optional<String> working(String robot, double now) {
    for (PlanStep s : openSteps(robot)) {
      if (Stamps.seconds(s.plannedStart()) <= now) {
        return Optional.of(s.taskId());
      }
    }
    return Optional.empty();
  }

  /** @return whether the latest plan still gives the robot a step that is not completed */
  boolean hasOpenWork(String robot) {
    return !openSteps(robot).isEmpty();
  }

  private List<PlanStep> openSteps(String robot) {
    Allocation a = latest.get();
    List<PlanStep> open = new ArrayList<>();
    if (a == null) {
      return open;
    }
    for (RobotPlan p : a.plans()) {
      if (p.robotId().equals(robot)) {
        for (PlanStep s : p.steps()) {
          boolean done = ltlIds.contains(s.taskId())
              ? stepsDone.contains(key(robot, s.taskId(), s.stepIndex()))
              : completed.contains(s.taskId());
          if (!done) {
            open.add(s);
          }
        }
      }
    }
    return open;
  }

  /** @return the LTL steps executed so far */
  ExecutedWord executedWord() {
    return word;
  }
}
