package dev.flotilla.sim;

import dev.flotilla.model.RobotSpec;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.FleetParams;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.NodeHost;
import dev.flotilla.node.SynchronizerParams;
import dev.flotilla.report.HtmlReportWriter;
import dev.flotilla.report.RunRecorder;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.security.SecurityParams;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headless demo: the three nodes and a simulated fleet over real DDS (confined to loopback),
 * an operator submitting tasks, and one robot dying mid-run. Each simulated robot is a Nav2-like
 * base with Flotilla's real {@code RobotAgent} beside it, the code path real robots run. Prints
 * every allocation and reassignment, then a summary; with an output directory, also writes the
 * HTML report and an MCAP bag of the run. This class wires the run together; {@link DemoLoop}
 * runs it and {@link FleetWatch} observes it.
 */
public final class DemoRun {

  private final RosParamsFile file;
  private final int domainId;
  private final PrintStream out;
  private final Path outDir;
  private final double speedOverride;

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
   * @param failureMoves the task moves robot failures caused, e.g. {@code t1: [p2] → [p1]}
   * @param ltlCost cost J of the last LTL plan (seed 003 Eq. 2, lower is better), NaN when the
   *     run had no LTL work
   */
  public record Result(int tasks, Set<String> completed, Map<String, String> unassigned,
      long versions, double failoverSeconds, boolean finished, long failedSteps,
      double expectedUtility, double makespan, Map<String, Boolean> formulasSatisfied,
      List<String> failureMoves, double ltlCost) {

    /** Copies the moves. */
    public Result {
      failureMoves = List.copyOf(failureMoves);
    }
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
  public DemoRun(RosParamsFile file, int domainId, PrintStream out, Path outDir) {
    this(file, domainId, out, outDir, Double.NaN);
  }

  /**
   * @param file parameter file with the fleet, the nodes and a {@code demo} section
   * @param domainId DDS domain for the run
   * @param out where progress and the summary go
   * @param outDir where the run's MCAP bag goes ({@code outDir/bag}), or null for none
   * @param speed simulation speed overriding the file's {@code demo.speed}; NaN keeps the file's
   */
  public DemoRun(RosParamsFile file, int domainId, PrintStream out, Path outDir, double speed) {
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
   * @throws ParamsException when the file is invalid
   */
  public Result run() throws InterruptedException {
    List<NodeHost.NodeSpec> specs = List.of(NodeHost.spec("synchronizer", file, "/"),
        NodeHost.spec("allocator", file, "/"), NodeHost.spec("planner", file, "/"));
    ParamReader demoParams = file.forNode("/", "demo");
    FleetParams fleet = FleetParams.read(demoParams);
    DemoScenario scenario = DemoScenario.read(demoParams, fleet);
    SecurityParams security = SecurityParams.read(demoParams);
    demoParams.finish();
    DemoSecurity.ensureKeys(security, out);
    double speed = Double.isNaN(speedOverride) ? scenario.speed() : speedOverride;
    if (!(speed >= 0.1 && speed <= 100)) {
      throw new IllegalArgumentException("The demo speed must be within 0.1..100, got " + speed
          + ".");
    }
    if (speed != 1) {
      // Faster (or slower) than real time: every node follows the simulated /clock.
      specs = specs.stream().map(s -> s.withSimTime(true)).toList();
    }
    double heartbeatTimeout = ((SynchronizerParams) specs.get(0).params()).heartbeatTimeout();

    try (NodeHost host = new NodeHost(true);
        DdsBus bus = new DdsBus("demo_fleet", "/", domainId, true);
        DemoRecording recording = DemoRecording.start(outDir, domainId, fleet)) {
      out.printf(Locale.ROOT, "Starting planner, allocator and synchronizer on DDS domain %d "
          + "(loopback only) with %d robots...%n", domainId, fleet.robots().size());
      DemoClock time = new DemoClock(speed, bus);
      NodeClock clock = time.clock();
      time.publishClock();
      specs.forEach(s -> host.start(s, domainId));
      RunRecorder report = new RunRecorder();
      FleetWatch watch = new FleetWatch(bus, clock, report);
      report.title("Flotilla demo", file.source() + " · " + fleet.robots().size() + " robots · "
          + scenario.taskIds().size() + " tasks" + (speed == 1 ? "" : " · " + speed
              + "x simulated time"));
      fleet.regions().forEach(report::landmark);
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

      Set<String> taskIds = new LinkedHashSet<>(scenario.taskIds());
      DemoLoop loop = new DemoLoop(scenario, taskIds, time, robots, operator, watch, report,
          new DemoConsole(out));
      boolean finished = loop.run();
      double submitted = loop.submitted();
      Result result = result(watch, taskIds, finished, submitted,
          watch.executedWord().satisfied(scenario, fleet, file));
      DemoSummary.print(result, clock.now() - submitted, heartbeatTimeout, out);
      DemoSecurity.summary(host, security, out);
      recording.close();
      if (outDir != null) {
        DemoSummary.record(result, report);
        writeReport(report, clock.now() - submitted);
      }
      if (recording.directory() != null) {
        out.printf(Locale.ROOT, "bag                  %s (%d messages; `flotilla bag info` / "
            + "`bag play` / `bag replay` it)%n", recording.directory(), recording.messages());
      }
      return result;
    }
  }

  private static Result result(FleetWatch watch, Set<String> taskIds, boolean finished,
      double submitted, Map<String, Boolean> satisfied) {
    Allocation last = watch.latest();
    return new Result(taskIds.size(), watch.completedAmong(taskIds), watch.unassigned(),
        watch.versions(), watch.failover(), finished, watch.failedSteps(),
        last == null ? 0 : last.expectedUtility(),
        Double.isNaN(watch.lastCompletion()) ? 0 : watch.lastCompletion() - submitted,
        satisfied, watch.failureMoves(), watch.ltlCost());
  }

  private void writeReport(RunRecorder report, double endS) {
    try {
      Path html = new HtmlReportWriter().write(report.build(endS), outDir);
      out.printf(Locale.ROOT, "report               %s%n", html);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report in " + outDir + ": "
          + e.getMessage(), e);
    }
  }
}
