package dev.flotilla.sim;

import dev.flotilla.report.RunRecorder;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Starts and ends the scenario's injected faults (stuck wheels, lost heartbeats) at their times,
 * each once, and tells the console and the report. O(faults · robots) per call.
 */
final class FaultInjector {
  private final List<DemoScenario.Fault> faults;
  private final List<SimulatedRobot> robots;
  private final DemoConsole console;
  private final RunRecorder report;
  private final Set<String> started = new HashSet<>();
  private final Set<String> ended = new HashSet<>();

  /**
   * @param faults the scenario's faults
   * @param robots the simulated robots they strike
   * @param console where each start and end is printed
   * @param report where each start and end is recorded
   */
  FaultInjector(List<DemoScenario.Fault> faults, List<SimulatedRobot> robots,
      DemoConsole console, RunRecorder report) {
    this.faults = faults;
    this.robots = robots;
    this.console = console;
    this.report = report;
  }

  /** @param t seconds on the scenario's clock: faults due by then start, those over end */
  void apply(double t) {
    for (DemoScenario.Fault f : faults) {
      SimulatedRobot robot = robots.stream().filter(r -> r.id().equals(f.robot())).findFirst()
          .orElseThrow();
      boolean start = t >= f.at() && started.add(f.name());
      boolean end = t >= f.at() + f.duration() && started.contains(f.name())
          && ended.add(f.name());
      if (!start && !end) {
        continue;
      }
      boolean on = start && !end;
      boolean stall = f.kind() == DemoScenario.Fault.Kind.STALL;
      if (stall) {
        robot.stall(on);
      } else {
        robot.dropHeartbeats(on);
      }
      String what = (stall ? "wheels stuck" : "heartbeats lost")
          + (on ? String.format(Locale.ROOT, " for %.1f s", f.duration()) : ": fault over");
      console.out().printf(Locale.ROOT, "%s%8.2f s  robot %s %s%n", console.lineStart(), t,
          f.robot(), what);
      report.event(t, on ? "fault" : "fault-over", f.robot(), "", what);
    }
  }
}
