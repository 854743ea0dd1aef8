package dev.flotilla.report;

import dev.flotilla.model.StepRole;
import java.util.ArrayList;
import java.util.List;

/**
 * Run records for the tests: seed 001's four-robot attack scenario (Table 2 task sites, A2 fails
 * at 300 s and T1 goes to A1 and A4, Fig. 10) with an online solo task in the style of seed 003's
 * phi6, filled through {@link RunRecorder} the way a simulator's callbacks would.
 */
final class SampleRuns {

  private static final double SPEED = 10; // m/s
  private static final double WORK = 30; // s per step

  private SampleRuns() {}

  private record Site(String task, double x, double y) {}

  private record Leg(String robot, Site site, double startS, double endS, StepRole role,
      boolean fails) {}

  static RunRecord attackScenario() {
    RunRecorder rec = new RunRecorder();
    rec.title("Seed 001 attack scenario", "four robots, A2 fails at 300 s");
    Site t1 = new Site("T1", 4000, 4000);
    Site t2 = new Site("T2", 2000, 2000);
    Site t3 = new Site("T3", 0, 2000);
    Site t4 = new Site("T4", 2000, 4000);
    Site phi6 = new Site("phi6", 1000, 3000);
    for (Site s : List.of(t1, t2, t3, t4)) {
      rec.taskSite(s.task(), s.x(), s.y(), "attack");
    }
    rec.taskSite(phi6.task(), phi6.x(), phi6.y(), "online");
    rec.landmark("base", 2000, 0).landmark("r1", 0, 4000).landmark("f6", 1000, 3300);

    List<PlannedSpan> v1 = new ArrayList<>(List.of(
        planned("A2", t2, 224, StepRole.MASTER, "A3"),
        planned("A3", t2, 224, StepRole.COLLABORATOR, "A2"),
        planned("A1", t3, 454, StepRole.MASTER, "A3"),
        planned("A3", t3, 454, StepRole.COLLABORATOR, "A1"),
        planned("A4", t4, 767, StepRole.MASTER, "A1"),
        planned("A1", t4, 767, StepRole.COLLABORATOR, "A4"),
        planned("A4", t1, 997, StepRole.MASTER, "A2"),
        planned("A2", t1, 997, StepRole.COLLABORATOR, "A4")));
    rec.plan(0, "initial", v1);
    rec.event(0, "plan", "", "", "initial plan v1 published");
    List<PlannedSpan> v2 = new ArrayList<>(v1);
    v2.add(planned("A3", phi6, 626, StepRole.SOLO));
    rec.event(100, "task-arrived", "", "phi6", "online task phi6 arrived");
    rec.plan(100.4, "task phi6 arrived", v2);
    rec.event(100.4, "plan", "", "phi6", "plan v2: phi6 to A3");
    List<PlannedSpan> v3 = new ArrayList<>(v2);
    v3.removeIf(s -> s.robot().equals("A2") && s.taskId().equals("T1"));
    v3.removeIf(s -> s.taskId().equals("T1"));
    v3.add(planned("A4", t1, 997, StepRole.MASTER, "A1"));
    v3.add(planned("A1", t1, 997, StepRole.COLLABORATOR, "A4"));

    List<Leg> legs = List.of(
        new Leg("A2", t2, 226, 256, StepRole.MASTER, false),
        new Leg("A3", t2, 226, 256, StepRole.COLLABORATOR, false),
        new Leg("A2", t1, 300, 300, StepRole.COLLABORATOR, true),
        new Leg("A1", t3, 459, 489, StepRole.MASTER, false),
        new Leg("A3", t3, 459, 478, StepRole.COLLABORATOR, false),
        new Leg("A3", phi6, 620, 650, StepRole.SOLO, false),
        new Leg("A4", t4, 773, 803, StepRole.MASTER, false),
        new Leg("A1", t4, 773, 803, StepRole.COLLABORATOR, false),
        new Leg("A4", t1, 1004, 1034, StepRole.MASTER, false),
        new Leg("A1", t1, 1004, 1040, StepRole.COLLABORATOR, false));
    record Start(String robot, double x, double y) {}
    List<Start> starts = List.of(new Start("A1", 0, 0), new Start("A2", 1000, 0),
        new Start("A3", 3000, 0), new Start("A4", 4000, 1000));
    for (Start s : starts) {
      rec.robot(s.robot());
    }
    for (Start s : starts) {
      double t = 0;
      double x = s.x();
      double y = s.y();
      for (Leg leg : legs) {
        if (!leg.robot().equals(s.robot())) {
          continue;
        }
        double arrive = leg.fails() ? leg.startS()
            : t + Math.hypot(leg.site().x() - x, leg.site().y() - y) / SPEED;
        double[] to = leg.fails() ? toward(x, y, leg.site(), (leg.startS() - t) * SPEED)
            : new double[] {leg.site().x(), leg.site().y()};
        for (double u = t; u < arrive; u += 10) {
          double f = (u - t) / (arrive - t);
          rec.pose(s.robot(), u, x + f * (to[0] - x), y + f * (to[1] - y));
        }
        rec.pose(s.robot(), arrive, to[0], to[1]);
        x = to[0];
        y = to[1];
        if (leg.fails()) {
          rec.stepStarted(s.robot(), leg.site().task(), "move", leg.role(), 256);
          rec.robotFailed(s.robot(), leg.startS());
          rec.event(leg.startS(), "robot-failed", s.robot(), "T1", "A2 stopped sending heartbeats");
          rec.plan(300.5, "robot A2 failed", v3);
          rec.event(300.5, "plan", "", "T1", "plan v3: T1 reassigned to A1 and A4 (0.5 s)");
          break;
        }
        rec.stepStarted(s.robot(), leg.site().task(), leg.site().task().equals("phi6") ? "gi"
            : "attack", leg.role(), leg.startS());
        rec.stepFinished(s.robot(), leg.site().task(), leg.site().task().equals("phi6") ? "gi"
            : "attack", leg.endS());
        rec.event(leg.endS(), "step-done", s.robot(), leg.site().task(),
            s.robot() + " finished " + leg.site().task());
        t = leg.endS();
        rec.pose(s.robot(), t, x, y);
      }
    }
    for (int t = 0; t <= 1040; t += 10) {
      double u = 48 - 0.006 * t + (t >= 100 ? 6 : 0) - (t >= 300 ? 9 : 0);
      rec.utility(t, u);
    }
    rec.summary("tasks done", "5 of 5").summary("tasks failed", "0")
        .summary("tasks infeasible", "0").summary("expected utility", "38.8")
        .summary("makespan", "1040.0 s").summary("reassignments", "1")
        .summary("reassignment latency", "0.5 s");
    return rec.build(1040);
  }

  private static double[] toward(double x, double y, Site site, double distance) {
    double d = Math.hypot(site.x() - x, site.y() - y);
    double f = Math.min(1, distance / d);
    return new double[] {x + f * (site.x() - x), y + f * (site.y() - y)};
  }

  private static PlannedSpan planned(String robot, Site site, double start, StepRole role,
      String... partners) {
    return new PlannedSpan(robot, site.task(), site.task().equals("phi6") ? "gi" : "attack",
        site.task().equals("phi6") ? "f6" : "", start, start + WORK, role, List.of(partners));
  }
}
