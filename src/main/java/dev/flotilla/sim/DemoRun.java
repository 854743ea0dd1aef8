package dev.flotilla.sim;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.flotilla_msgs.UnassignedTask;
import dev.flotilla.node.FleetParams;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.FlotillaTopics;
import dev.flotilla.node.NodeHost;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.node.SynchronizerNode;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.RosParamsFile;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The headless demo: the three nodes and a simulated fleet over real DDS (confined to loopback),
 * an operator submitting tasks, and one robot dying mid-run. Each simulated robot is a Nav2-like
 * base with Flotilla's real {@code RobotAgent} beside it, the code path real robots run. Prints every allocation and
 * reassignment, then a summary.
 */
public final class DemoRun {

  private final RosParamsFile file;
  private final int domainId;
  private final PrintStream out;
  private final java.nio.file.Path outDir;
  private final double speedOverride;
  private Timeline timeline;
  /** Redraw a progress line only for a person at a terminal, never into logs. */
  private final boolean interactive = System.console() != null;

  /**
   * Outcome of a demo run.
   *
   * @param tasks tasks submitted
   * @param completed tasks reported done
   * @param unassigned tasks the allocator could not assign, with its reason
   * @param versions plan versions published
   * @param failoverSeconds robot death → reassignment received, NaN if no robot died
   * @param finished whether every task was completed or reported unassignable in time
   * @param failedSteps steps robots reported failed (then given to others)
   * @param expectedUtility expected global utility of the last plan (seed 001 Eq. 8)
   * @param makespan seconds from submission to the last completed step
   * @param formulasSatisfied per LTL task, whether the word the robots executed (completed steps'
   *     action_region propositions in completion order) is a good prefix of its formula
   */
  public record Result(int tasks, Set<String> completed, Map<String, String> unassigned,
      long versions, double failoverSeconds, boolean finished, long failedSteps,
      double expectedUtility, double makespan, Map<String, Boolean> formulasSatisfied) {}

  /**
   * Replays what the robots did through each LTL task's automaton (seed 003), with the planner's
   * own convention ({@code PlanValidator.word}): one letter per step start, holding the labels of
   * every step under way then — its {@code action_region}, the agent type's label at the region,
   * and the region.
   */
  private static Map<String, Boolean> satisfied(DemoScenario scenario,
      List<Observer.Span> executed, FleetParams fleet, RosParamsFile file) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (scenario.scheduled().stream().noneMatch(t -> t.request().kind() == TaskRequest.KIND_LTL)) {
      return out;
    }
    ParamReader planner = file.forNode("/", "planner");
    String scenarioFile = planner.string("ltl_scenario", "", java.util.Set.of());
    dev.flotilla.plan.model.Scenario ltl = dev.flotilla.plan.io.ScenarioLoader.load(
        planner.resolve(scenarioFile));
    List<Observer.Span> spans;
    synchronized (executed) {
      spans = List.copyOf(executed);
    }
    java.util.TreeSet<Double> instants = new java.util.TreeSet<>();
    spans.forEach(sp -> instants.add(sp.start()));
    List<Set<String>> word = new ArrayList<>();
    for (double t : instants) {
      Set<String> letter = new java.util.TreeSet<>();
      for (Observer.Span sp : spans) {
        if (sp.start() <= t && (t < sp.finish() || sp.start() == sp.finish())) {
          var type = ltl.agentTypes().get(fleet.robot(sp.robot()).agentType());
          var step = new dev.flotilla.plan.chain.ChainStep(sp.action(), sp.region());
          letter.addAll(type == null ? Set.of(step.proposition())
              : dev.flotilla.plan.chain.ActionPathChainBuilder.labels(type, step));
        }
      }
      word.add(Set.copyOf(letter));
    }
    for (DemoScenario.Scheduled t : scenario.scheduled()) {
      if (t.request().kind() == TaskRequest.KIND_LTL) {
        var compiled = new dev.flotilla.ltl.LtlCompiler().compile(t.request().ltlFormula());
        out.put(t.request().taskId(), compiled instanceof
            dev.flotilla.ltl.LtlCompilation.Compiled c && c.automaton().accepts(word));
      }
    }
    return out;
  }

  /**
   * @param file parameter file with the fleet, the nodes and a {@code demo} section
   * @param domainId DDS domain for the run
   * @param out where progress and the summary go
   */
  public DemoRun(RosParamsFile file, int domainId, PrintStream out) {
    this(file, domainId, out, null);
  }

  /**
   * @param file parameter file with the fleet, the nodes and a {@code demo} section
   * @param domainId DDS domain for the run
   * @param out where progress and the summary go
   * @param outDir where the run's MCAP bag goes ({@code outDir/bag}), or null for none
   */
  public DemoRun(RosParamsFile file, int domainId, PrintStream out, java.nio.file.Path outDir) {
    this(file, domainId, out, outDir, Double.NaN);
  }

  /**
   * @param file parameter file with the fleet, the nodes and a {@code demo} section
   * @param domainId DDS domain for the run
   * @param out where progress and the summary go
   * @param outDir where the run's MCAP bag goes ({@code outDir/bag}), or null for none
   * @param speed simulation speed overriding the file's {@code demo.speed}; NaN keeps the file's
   */
  public DemoRun(RosParamsFile file, int domainId, PrintStream out, java.nio.file.Path outDir,
      double speed) {
    this.file = file;
    this.domainId = domainId;
    this.out = out;
    this.outDir = outDir;
    this.speedOverride = speed;
  }

  /**
   * Runs the scenario to completion or its time limit.
   *
   * @return what happened
   * @throws InterruptedException when interrupted
   * @throws dev.flotilla.ros.params.ParamsException when the file is invalid
   */
  public Result run() throws InterruptedException {
    List<NodeHost.NodeSpec> specs = List.of(NodeHost.spec("synchronizer", file, "/"),
        NodeHost.spec("allocator", file, "/"), NodeHost.spec("planner", file, "/"));
    ParamReader demoParams = file.forNode("/", "demo");
    FleetParams fleet = FleetParams.read(demoParams);
    DemoScenario scenario = DemoScenario.read(demoParams, fleet);
    dev.flotilla.security.SecurityParams security =
        dev.flotilla.security.SecurityParams.read(demoParams);
    demoParams.finish();
    ensureKeys(security);
    double speed = Double.isNaN(speedOverride) ? scenario.speed() : speedOverride;
    if (!(speed >= 0.1 && speed <= 100)) {
      throw new IllegalArgumentException("The demo speed must be within 0.1..100, got " + speed
          + ".");
    }
    if (speed != 1) {
      // Faster (or slower) than real time: every node follows the simulated /clock.
      specs = specs.stream().map(s -> s.withSimTime(true)).toList();
    }

    try (NodeHost host = new NodeHost(true);
        DdsBus bus = new DdsBus("demo_fleet", "/", domainId, true);
        Recording recording = Recording.start(outDir, domainId, fleet)) {
      out.printf(Locale.ROOT, "Starting planner, allocator and synchronizer on DDS domain %d "
          + "(loopback only) with %d robots...%n", domainId, fleet.robots().size());
      timeline = new Timeline(speed, bus);
      NodeClock clock = timeline.clock();
      timeline.publishClock();
      specs.forEach(s -> host.start(s, domainId));
      Observer observer = new Observer(bus, clock);
      dev.flotilla.report.RunRecorder report = observer.report;
      report.title("Flotilla demo", file.source() + " · " + fleet.robots().size() + " robots · "
          + scenario.taskIds().size() + " tasks" + (speed == 1 ? "" : " · " + speed
              + "x simulated time"));
      fleet.regions().forEach((name, p) -> report.landmark(name, p.x(), p.y()));
      for (TaskRequest t : scenario.tasks()) {
        report.taskSite(t.taskId(), t.location().x(), t.location().y(), "multi-robot");
      }
      List<SimulatedRobot> robots = new ArrayList<>();
      for (RobotSpec r : fleet.robots()) {
        robots.add(new SimulatedRobot(r, file, bus, clock, "/"));
      }
      // The operator signs its task requests when security is on (the roster's "operator").
      Bus.Publisher<TaskRequest> operator = security.secure(bus, "operator", clock).publisher(
          TopicNames.resolve("/", TopicNames.TASKS), TaskRequest.TYPE, FlotillaQos.TASKS);

      // DDS discovery takes wall time whatever the simulation speed: wait on the wall clock.
      long joinDeadline = System.nanoTime() + 60_000_000_000L;
      while (observer.joined.size() < robots.size() && System.nanoTime() - joinDeadline < 0) {
        tick(robots);
      }
      out.printf(Locale.ROOT, "%d robots joined; submitting %d multi-robot tasks now and %d "
          + "more tasks on schedule.%n", observer.joined.size(), scenario.tasks().size(),
          scenario.scheduled().size());
      Set<String> taskIds = new LinkedHashSet<>(scenario.taskIds());
      scenario.scheduled().stream().filter(t -> t.request().kind() == TaskRequest.KIND_LTL)
          .forEach(t -> observer.ltlIds.add(t.request().taskId()));
      List<DemoScenario.Scheduled> ltlDue = new ArrayList<>(scenario.scheduled());
      double submitted = clock.now();
      observer.t0 = submitted;
      double killedAt = Double.NaN;
      double lastPose = Double.NEGATIVE_INFINITY;
      // Send each task, and again only if the planner has not accepted it within 2 s of wall
      // time (DDS discovery may still be under way); the planner rejects true duplicates.
      // Then wait for the first plan that places them all. Simulated time stands still meanwhile
      // (as in a paused Gazebo world), so the scenario's timed events (a robot dying at 300 s)
      // fall at the same point of the plan however long discovery takes.
      long acceptDeadline = System.nanoTime() + 60_000_000_000L;
      long lastSent = System.nanoTime() - 10_000_000_000L;
      while ((observer.accepted.size() < scenario.tasks().size()
              || !observer.planned(scenario.tasks()))
          && System.nanoTime() - acceptDeadline < 0) {
        if (System.nanoTime() - lastSent >= 2_000_000_000L) {
          lastSent = System.nanoTime();
          for (TaskRequest t : scenario.tasks()) {
            if (!observer.accepted.contains(t.taskId())) {
              operator.publish(t);
            }
          }
        }
        if (timeline.simulated()) {
          timeline.hold();
        } else {
          tick(robots); // wall time runs on: the robots keep their heartbeats going
        }
      }
      // The scenario's clock for timed faults and tasks: equal to `submitted` in simulated time;
      // on the wall clock (speed 1) it starts once the planner holds every task.
      double start = clock.now();
      boolean finished = false;
      while (clock.now() < submitted + scenario.timeLimit()) {
        if (Double.isNaN(killedAt) && !scenario.failRobot().isEmpty()
            && clock.now() >= start + scenario.failAt()) {
          robots.stream().filter(r -> r.id().equals(scenario.failRobot())).forEach(
              SimulatedRobot::kill);
          killedAt = clock.now();
          observer.killedAt = killedAt;
          report.robotFailed(scenario.failRobot(), killedAt - submitted);
          report.event(killedAt - submitted, "robot-died", scenario.failRobot(), "",
              "stopped sending heartbeats and odometry");
          out.printf(Locale.ROOT, "%s%8.2f s  robot %s dies (no more heartbeats or odometry)%n",
              interactive ? "\r\033[K" : "",
              killedAt - submitted, scenario.failRobot());
        }
        applyFaults(scenario, robots, clock.now() - start, report);
        for (var it = ltlDue.iterator(); it.hasNext(); ) {
          DemoScenario.Scheduled due = it.next();
          if (clock.now() >= start + due.at()) {
            operator.publish(due.request());
            it.remove();
          }
        }
        if (clock.now() - lastPose >= 1.0) {
          lastPose = clock.now();
          for (SimulatedRobot r : robots) {
            if (r.alive()) {
              report.pose(r.id(), clock.now() - submitted, r.position().x(), r.position().y());
            }
          }
        }
        observer.print(out, submitted);
        progress(observer, taskIds, clock.now() - submitted, scenario.timeLimit());
        if (ltlDue.isEmpty() && observer.settled(taskIds)) {
          finished = true;
          break;
        }
        tick(robots);
      }
      observer.print(out, submitted);
      if (interactive) {
        out.print("\r\033[K");
      }
      Map<String, Boolean> satisfied = satisfied(scenario, observer.executed, fleet, file);
      Allocation last = observer.latest.get();
      Result result = new Result(taskIds.size(), observer.completedAmong(taskIds),
          observer.unassigned(), observer.versions(), observer.failover(), finished,
          observer.failedSteps.get(), last == null ? 0 : last.expectedUtility(),
          Double.isNaN(observer.lastCompletion) ? 0 : observer.lastCompletion - submitted,
          satisfied);
      summary(result, clock.now() - submitted,
          ((SynchronizerNode.Params) specs.get(0).params()).heartbeatTimeout());
      securitySummary(host, security);
      recording.close();
      if (outDir != null) {
        report.summary("tasks submitted", String.valueOf(result.tasks()));
        report.summary("tasks completed", String.valueOf(result.completed().size()));
        report.summary("tasks unassigned or rejected", String.valueOf(result.unassigned().size()));
        report.summary("steps failed", String.valueOf(result.failedSteps()));
        report.summary("expected utility (last plan)", String.format(Locale.ROOT, "%.1f",
            result.expectedUtility()));
        report.summary("makespan", String.format(Locale.ROOT, "%.1f s", result.makespan()));
        report.summary("plan versions", String.valueOf(result.versions()));
        result.formulasSatisfied().forEach((task, ok) -> report.summary(
            task + " satisfied by the executed steps", ok ? "yes" : "NO"));
        report.summary("failure → reassignment", Double.isNaN(result.failoverSeconds()) ? "n/a"
            : String.format(Locale.ROOT, "%.3f s", result.failoverSeconds()));
        report.summary("finished", result.finished() ? "all tasks settled" : "time limit reached");
        try {
          java.nio.file.Path html = new dev.flotilla.report.HtmlReportWriter().write(
              report.build(clock.now() - submitted), outDir);
          out.printf(Locale.ROOT, "report               %s%n", html);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("Cannot write the report in " + outDir + ": "
              + e.getMessage(), e);
        }
      }
      if (recording.directory() != null) {
        out.printf(Locale.ROOT, "bag                  %s (%d messages; `flotilla bag info` / "
            + "`bag play` / `bag replay` it)%n", recording.directory(), recording.messages());
      }
      return result;
    }
  }

  /**
   * Generates the keys the roster needs when the scenario's key directory lacks them, so a secured
   * demo runs on a fresh checkout; existing keys are kept.
   */
  private void ensureKeys(dev.flotilla.security.SecurityParams security) {
    if (security.mode() == dev.flotilla.security.SecurityMode.OFF) {
      return;
    }
    java.nio.file.Path dir = security.keysDir();
    List<String> missing = security.identities().stream()
        .filter(id -> !java.nio.file.Files.exists(dir.resolve(id + ".key"))).toList();
    if (!missing.isEmpty()) {
      dev.flotilla.security.KeyDir.generate(dir, missing, false);
      out.printf(Locale.ROOT, "Generated keys for %s in %s (owner-only).%n",
          String.join(", ", missing), dir);
    }
  }

  /** One line per node: what its authenticating bus signed, checked and refused. */
  private void securitySummary(NodeHost host, dev.flotilla.security.SecurityParams security) {
    if (security.mode() == dev.flotilla.security.SecurityMode.OFF) {
      return;
    }
    for (String node : List.of("planner", "allocator", "synchronizer")) {
      host.security(node).ifPresent(b -> {
        var c = b.costs();
        long rejected = java.util.Arrays.stream(dev.flotilla.security.RejectReason.values())
            .mapToLong(b::rejected).sum();
        out.printf(Locale.ROOT, "security %-13s %s: %d signed, %d checked, %d rejected %s%n",
            node, b.mode().label(), c.signed(), c.verified(), rejected, b.rejections());
      });
    }
  }

  /**
   * The run recorded to MCAP by a separate participant, as {@code flotilla bag record} would:
   * the fleet's topics and every robot's odometry.
   */
  private static final class Recording implements AutoCloseable {
    private final DdsBus bus;
    private final dev.flotilla.ros.bagio.BagRecorder recorder;
    private final java.nio.file.Path directory;
    private boolean closed;

    private Recording(DdsBus bus, dev.flotilla.ros.bagio.BagRecorder recorder,
        java.nio.file.Path directory) {
      this.bus = bus;
      this.recorder = recorder;
      this.directory = directory;
    }

    static Recording start(java.nio.file.Path outDir, int domainId, FleetParams fleet) {
      if (outDir == null) {
        return new Recording(null, null, null);
      }
      java.nio.file.Path dir = outDir.resolve("bag");
      List<dev.flotilla.ros.bagio.RecordedTopic> topics = new ArrayList<>();
      for (FlotillaTopics.Known k : FlotillaTopics.fleetTopics("/")) {
        topics.add(new dev.flotilla.ros.bagio.RecordedTopic(k.topic(), k.type().rosName(),
            k.type().definition(), k.qos()));
      }
      for (RobotSpec r : fleet.robots()) {
        topics.add(new dev.flotilla.ros.bagio.RecordedTopic(TopicNames.odometry("/", r.id()),
            dev.flotilla.msgs.nav_msgs.Odometry.TYPE.rosName(),
            dev.flotilla.msgs.nav_msgs.Odometry.TYPE.definition(), QosProfile.SENSOR_DATA));
      }
      DdsBus bus = new DdsBus("demo_recorder", "/", domainId, true);
      try {
        deleteTree(dir);
        dev.flotilla.bag.BagWriter writer = dev.flotilla.bag.BagWriter.open(dir,
            dev.flotilla.bag.BagWriterOptions.defaults(dev.flotilla.bag.StorageId.MCAP));
        return new Recording(bus, new dev.flotilla.ros.bagio.BagRecorder(bus, writer, topics),
            dir);
      } catch (java.io.IOException e) {
        bus.close();
        throw new java.io.UncheckedIOException("Cannot record the demo into " + dir + ": "
            + e.getMessage(), e);
      }
    }

    private static void deleteTree(java.nio.file.Path dir) throws java.io.IOException {
      if (!java.nio.file.Files.exists(dir)) {
        return;
      }
      try (var walk = java.nio.file.Files.walk(dir)) {
        for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
    }

    java.nio.file.Path directory() {
      return directory;
    }

    long messages() {
      return recorder == null ? 0 : recorder.total();
    }

    @Override
    public void close() {
      if (closed || recorder == null) {
        return;
      }
      closed = true;
      try {
        recorder.close();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Cannot finish the demo bag " + directory + ": "
            + e.getMessage(), e);
      } finally {
        bus.close();
      }
    }
  }

  private final java.util.Set<String> faultsStarted = new java.util.HashSet<>();
  private final java.util.Set<String> faultsEnded = new java.util.HashSet<>();

  /** Starts and ends the scenario's injected faults at their times. */
  private void applyFaults(DemoScenario scenario, List<SimulatedRobot> robots, double t,
      dev.flotilla.report.RunRecorder report) {
    for (DemoScenario.Fault f : scenario.faults()) {
      SimulatedRobot robot = robots.stream().filter(r -> r.id().equals(f.robot())).findFirst()
          .orElseThrow();
      boolean start = t >= f.at() && faultsStarted.add(f.name());
      boolean end = t >= f.at() + f.duration() && faultsStarted.contains(f.name())
          && faultsEnded.add(f.name());
      if (!start && !end) {
        continue;
      }
      boolean on = start && !end;
      if (f.kind() == DemoScenario.Fault.Kind.STALL) {
        robot.stall(on);
      } else {
        robot.dropHeartbeats(on);
      }
      String what = (f.kind() == DemoScenario.Fault.Kind.STALL ? "wheels stuck" : "heartbeats lost")
          + (on ? String.format(Locale.ROOT, " for %.1f s", f.duration()) : ": fault over");
      out.printf(Locale.ROOT, "%s%8.2f s  robot %s %s%n", interactive ? "\r\033[K" : "", t,
          f.robot(), what);
      report.event(t, on ? "fault" : "fault-over", f.robot(), "", what);
    }
  }

  /** One progress line, redrawn in place, when a person is watching a terminal. */
  private void progress(Observer observer, java.util.Set<String> taskIds, double elapsed,
      double limit) {
    if (!interactive) {
      return;
    }
    long done = observer.completedAmong(taskIds).size();
    int width = 30;
    int filled = (int) Math.round(width * done / (double) taskIds.size());
    out.printf(Locale.ROOT, "\r\033[K[%s%s] %d/%d tasks done  %.1f s (limit %.0f s)",
        "#".repeat(filled), ".".repeat(width - filled), done, taskIds.size(), elapsed, limit);
    out.flush();
  }

  private void tick(List<SimulatedRobot> robots) throws InterruptedException {
    double dt = timeline.step();
    for (SimulatedRobot r : robots) {
      r.tick(dt);
    }
    timeline.advance(dt);
  }

  /**
   * Wall time, or simulated time published on {@code /clock} from 0 (as Gazebo does) and
   * advanced {@code speed} times faster than the wall clock.
   */
  private static final class Timeline {
    private final double speed;
    private final Bus.Publisher<dev.flotilla.msgs.rosgraph_msgs.Clock> clock;
    private volatile double simNow;

    Timeline(double speed, Bus bus) {
      this.speed = speed;
      this.clock = speed == 1 ? null : bus.publisher("/clock",
          dev.flotilla.msgs.rosgraph_msgs.Clock.TYPE, QosProfile.SENSOR_DATA);
    }

    NodeClock clock() {
      return speed == 1 ? NodeClock.SYSTEM : () -> simNow;
    }

    /**
     * Simulated seconds per robot step: 0.1 s, longer above 10x so that the wall-clock rate of
     * heartbeats and odometry stays bounded.
     */
    double step() {
      return FleetSimulator.stepSeconds(speed);
    }

    void publishClock() {
      if (clock != null) {
        clock.publish(new dev.flotilla.msgs.rosgraph_msgs.Clock(
            dev.flotilla.ros.NodeClock.Stamps.time(simNow)));
      }
    }

    boolean simulated() {
      return clock != null;
    }

    /** Lets wall time pass while simulated time stands still. */
    void hold() throws InterruptedException {
      Thread.sleep(10);
      publishClock();
    }

    void advance(double dt) throws InterruptedException {
      Thread.sleep(Math.max(1, Math.round(dt * 1000 / speed)));
      if (clock != null) {
        simNow += dt;
        publishClock();
      }
    }
  }

  private void summary(Result r, double elapsed, double heartbeatTimeout) {
    out.println();
    out.println("Summary");
    out.println("-------");
    out.printf(Locale.ROOT, "tasks submitted      %d%n", r.tasks());
    out.printf(Locale.ROOT, "tasks completed      %d  %s%n", r.completed().size(),
        r.completed());
    out.printf(Locale.ROOT, "tasks unassigned     %d  %s%n", r.unassigned().size(),
        r.unassigned());
    out.printf(Locale.ROOT, "steps failed         %d  (given to other robots)%n", r.failedSteps());
    out.printf(Locale.ROOT, "expected utility     %.1f  (last plan)%n", r.expectedUtility());
    out.printf(Locale.ROOT, "makespan             %.1f s%n", r.makespan());
    out.printf(Locale.ROOT, "plan versions        %d%n", r.versions());
    if (!r.formulasSatisfied().isEmpty()) {
      out.printf(Locale.ROOT, "LTL formulas satisfied by the executed steps  %s%n",
          r.formulasSatisfied());
    }
    out.printf(Locale.ROOT, "failure → reassignment received  %s%n",
        Double.isNaN(r.failoverSeconds()) ? "n/a"
            : String.format(Locale.ROOT, "%.3f s (includes the %.1f s heartbeat timeout)",
                r.failoverSeconds(), heartbeatTimeout));
    out.printf(Locale.ROOT, "elapsed              %.1f s  %s%n", elapsed,
        r.finished() ? "(all tasks settled)" : "(time limit reached)");
  }

  /** Watches the fleet's public topics, as an operator's console would. */
  private static final class Observer {
    final Set<String> joined = ConcurrentHashMap.newKeySet();
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    final Set<String> completed = ConcurrentHashMap.newKeySet();
    /** LTL task ids: one id spans many steps, done when all its steps are. */
    final Set<String> ltlIds = ConcurrentHashMap.newKeySet();
    final Set<String> stepsDone = ConcurrentHashMap.newKeySet();
    final Map<String, String> rejected = new ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicLong failedSteps =
        new java.util.concurrent.atomic.AtomicLong();
    volatile double lastCompletion = Double.NaN;
    /**
     * Executed LTL steps: robot, action, region, from the synchronizer's GO to completion (node
     * clock), for replaying what happened through the formulas' automata.
     */
    record Span(String robot, String action, String region, double start, double finish) {}

    final List<Span> executed = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Double> goTimes = new ConcurrentHashMap<>();
    final List<Object> pending = new ArrayList<>();
    final AtomicReference<Allocation> latest = new AtomicReference<>();
    volatile double killedAt = Double.NaN;
    volatile double failover = Double.NaN;

    private final NodeClock clock;
    final dev.flotilla.report.RunRecorder report = new dev.flotilla.report.RunRecorder();
    private final Set<String> sites = ConcurrentHashMap.newKeySet();
    /** Node-clock time the run's report counts from (set when tasks are submitted). */
    volatile double t0 = Double.NaN;

    Observer(Bus bus, NodeClock clock) {
      this.clock = clock;
      bus.subscribe(TopicNames.resolve("/", TopicNames.EVENTS), FleetEvent.TYPE,
          FlotillaQos.EVENTS, e -> {
            switch (e.kind()) {
              case FleetEvent.ROBOT_JOINED -> joined.add(e.robotId());
              case FleetEvent.TASK_ACCEPTED -> accepted.add(e.taskId());
              case FleetEvent.TASK_COMPLETED -> {
                completed.add(e.taskId());
                lastCompletion = clock.now();
                if (ltlIds.contains(e.taskId())) {
                  PlanStep s = step(e.robotId(), e.taskId(), e.stepIndex());
                  String key = e.robotId() + "|" + e.taskId() + "|" + e.stepIndex();
                  double now = clock.now();
                  if (s != null) {
                    executed.add(new Span(e.robotId(), s.action(), s.region(),
                        goTimes.getOrDefault(key, now), now));
                  }
                }
                stepsDone.add(e.robotId() + "|" + e.taskId() + "|" + e.stepIndex());
                report.stepFinished(e.robotId(), e.taskId(), String.valueOf(e.stepIndex()), rel());
              }
              case FleetEvent.TASK_STARTED -> report.stepStarted(e.robotId(), e.taskId(),
                  String.valueOf(e.stepIndex()), role(e.robotId(), e.taskId(), e.stepIndex()),
                  rel());
              case FleetEvent.TASK_FAILED -> {
                failedSteps.incrementAndGet();
                report.stepFailed(e.robotId(), e.taskId(), String.valueOf(e.stepIndex()), rel());
              }
              case FleetEvent.TASK_REJECTED -> rejected.put(e.taskId(), e.reason());
              default -> { }
            }
            if (e.kind() != FleetEvent.TASK_ACCEPTED && e.kind() != FleetEvent.ROBOT_JOINED) {
              add(e);
              if (!Double.isNaN(t0)) {
                report.event(rel(), kind(e.kind()), e.robotId(), e.taskId(), e.reason());
              }
            }
          });
      bus.subscribe(TopicNames.resolve("/", TopicNames.SYNC),
          dev.flotilla.msgs.flotilla_msgs.SyncCommand.TYPE, QosProfile.DEFAULT, c -> {
            if (c.command() == dev.flotilla.msgs.flotilla_msgs.SyncCommand.GO) {
              goTimes.putIfAbsent(c.robotId() + "|" + c.taskId() + "|" + c.stepIndex(),
                  clock.now());
            }
            // A skipped step (a late collaborator) will never report completion.
            if (c.command() == dev.flotilla.msgs.flotilla_msgs.SyncCommand.SKIP) {
              stepsDone.add(c.robotId() + "|" + c.taskId() + "|" + c.stepIndex());
            }
          });
      bus.subscribe(TopicNames.resolve("/", TopicNames.ALLOCATION), Allocation.TYPE,
          FlotillaQos.ALLOCATION, a -> {
            Allocation prev = latest.get();
            if (prev == null || a.planVersion() > prev.planVersion()) {
              latest.set(a);
              add(a);
              recordPlan(a);
            }
          });
      bus.subscribe(TopicNames.resolve("/", TopicNames.REASSIGNMENT), Reassignment.TYPE,
          QosProfile.DEFAULT, r -> {
            if (r.cause() == Reassignment.CAUSE_ROBOT_FAILED && !Double.isNaN(killedAt)
                && Double.isNaN(failover)) {
              failover = clock.now() - killedAt;
            }
            add(r);
          });
    }

    private double rel() {
      return Double.isNaN(t0) ? 0 : Math.max(0, clock.now() - t0);
    }

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

    private dev.flotilla.report.StepRole role(String robot, String taskId, int index) {
      PlanStep s = step(robot, taskId, index);
      return s == null ? dev.flotilla.report.StepRole.SOLO : roleOf(s);
    }

    private static dev.flotilla.report.StepRole roleOf(PlanStep s) {
      return switch (s.role()) {
        case PlanStep.ROLE_MASTER -> dev.flotilla.report.StepRole.MASTER;
        case PlanStep.ROLE_COLLABORATOR -> dev.flotilla.report.StepRole.COLLABORATOR;
        default -> dev.flotilla.report.StepRole.SOLO;
      };
    }

    /** Each plan version for the report: steps with times relative to the run's start. */
    private void recordPlan(Allocation a) {
      double base = Double.isNaN(t0) ? clock.now() : t0;
      List<dev.flotilla.report.PlannedStep> steps = new ArrayList<>();
      for (RobotPlan p : a.plans()) {
        for (PlanStep s : p.steps()) {
          double start = Math.max(0, dev.flotilla.ros.NodeClock.Stamps.seconds(s.plannedStart())
              - base);
          double finish = Math.max(start, dev.flotilla.ros.NodeClock.Stamps.seconds(
              s.plannedFinish()) - base);
          steps.add(new dev.flotilla.report.PlannedStep(p.robotId(), s.taskId(), s.action(),
              s.region(), start, finish, roleOf(s), s.partners()));
          if (ltlIds.contains(s.taskId()) && sites.add(s.taskId() + "@" + s.region())) {
            var g = s.goal().position();
            report.taskSite(s.taskId() + "@" + s.region(), g.x(), g.y(), "ltl");
          }
        }
      }
      report.plan(rel(), "v" + a.planVersion(), steps);
      report.utility(rel(), a.expectedUtility());
    }

    synchronized void add(Object message) {
      pending.add(message);
    }

    synchronized void print(PrintStream out, double t0) {
      if (!pending.isEmpty() && System.console() != null) {
        out.print("\r\033[K");
      }
      for (Object m : pending) {
        double t = clock.now() - t0;
        if (m instanceof Allocation a) {
          out.printf(Locale.ROOT, "%8.2f s  allocation v%d  utility %.1f  %s%s%n", t,
              a.planVersion(), a.expectedUtility(), plans(a),
              a.unassigned().isEmpty() ? "" : "  unassigned " + a.unassigned().stream()
                  .map(UnassignedTask::taskId).toList());
        } else if (m instanceof Reassignment r) {
          out.printf(Locale.ROOT, "%8.2f s  reassignment v%d→v%d  cause %s (%s)  affected %s  "
              + "moves %s%n", t, r.previousVersion(), r.planVersion(), cause(r.cause()),
              r.subject(), r.affectedRobots(), r.moves().stream().map(mv -> mv.taskId() + ":"
                  + mv.removedRobots() + "→" + mv.addedRobots()).toList());
        } else if (m instanceof FleetEvent e) {
          out.printf(Locale.ROOT, "%8.2f s  event %s %s%s  %s%n", t, kind(e.kind()),
              e.robotId(), e.taskId().isEmpty() ? "" : " " + e.taskId(), e.reason());
        }
      }
      pending.clear();
    }

    static String plans(Allocation a) {
      return a.plans().stream().map(p -> p.robotId() + "=" + p.steps().stream()
          .map(s -> s.taskId() + (s.role() == PlanStep.ROLE_MASTER ? "(M)"
              : s.role() == PlanStep.ROLE_COLLABORATOR ? "(C)" : ""))
          .collect(Collectors.toList())).collect(Collectors.joining(" "));
    }

    static String cause(byte c) {
      return switch (c) {
        case Reassignment.CAUSE_INITIAL -> "initial";
        case Reassignment.CAUSE_ROBOT_FAILED -> "robot_failed";
        case Reassignment.CAUSE_NEW_TASK -> "new_task";
        case Reassignment.CAUSE_TASK_DONE -> "task_done";
        case Reassignment.CAUSE_REBALANCE -> "rebalance";
        case Reassignment.CAUSE_ROBOT_RECOVERED -> "robot_recovered";
        default -> "cause_" + c;
      };
    }

    static String kind(byte k) {
      return switch (k) {
        case FleetEvent.ROBOT_FAILED -> "robot_failed";
        case FleetEvent.ROBOT_RECOVERED -> "robot_recovered";
        case FleetEvent.TASK_STARTED -> "task_started";
        case FleetEvent.TASK_COMPLETED -> "task_completed";
        case FleetEvent.TASK_FAILED -> "task_failed";
        case FleetEvent.TASK_REJECTED -> "task_rejected";
        default -> "event_" + k;
      };
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
            steps.add(p.robotId() + "|" + s.taskId() + "|" + s.stepIndex());
          }
        }
      }
      return !steps.isEmpty() && stepsDone.containsAll(steps);
    }

    Set<String> completedAmong(Set<String> taskIds) {
      return taskIds.stream().filter(this::done)
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }

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

    long versions() {
      Allocation a = latest.get();
      return a == null ? 0 : a.planVersion();
    }

    double failover() {
      return failover;
    }
  }
}
