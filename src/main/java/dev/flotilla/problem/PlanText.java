package dev.flotilla.problem;

import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.RobotItinerary;
import java.util.Locale;

/** The plan as a person reads it in a terminal: measures, each robot's steps, what was left. */
public final class PlanText {

  private PlanText() {}

  /**
   * @param p the plan
   * @return the text, lines ending in a newline
   */
  public static String render(OfflinePlan p) {
    StringBuilder b = new StringBuilder();
    Problem problem = p.problem();
    b.append(String.format(Locale.ROOT, "Plan for %s: %d robots, %d multi-robot tasks, %d LTL "
        + "tasks%n", problem.source(), problem.robots().size(), problem.tasks().size(),
        problem.ltlTasks().size()));
    b.append(String.format(Locale.ROOT, "allocator            %s%n",
        problem.allocation().eventTriggered() ? "potential_game (seed 001, event-triggered "
            + "rebalancing of seed 000)" : "greedy (baseline)"));
    b.append(String.format(Locale.ROOT, "expected utility     %.2f  (seed 001 Eq. 8, multi-robot "
        + "tasks, higher is better)%n", p.expectedUtility()));
    if (p.ltlCost() != null) {
      OfflinePlan.LtlCost c = p.ltlCost();
      b.append(String.format(Locale.ROOT, "LTL plan cost J      %.2f  = %s·%.1f s makespan + "
          + "%s·%.1f resource cost + %s·%.1f m travelled  (seed 003 Eq. 2, lower is better)%n",
          c.objective(), num(c.alpha()), c.makespanS(), num(c.beta()), c.resourceCost(),
          num(c.gamma()), c.travelM()));
    }
    b.append(String.format(Locale.ROOT, "%nrobot   start s  finish s  task                 "
        + "step  action  role          where              partners%n"));
    for (RobotItinerary r : p.plan().itineraries()) {
      if (r.steps().isEmpty()) {
        b.append(String.format(Locale.ROOT, "%-7s (idle)%n", r.robotId()));
        continue;
      }
      for (PlannedStep s : r.steps()) {
        b.append(String.format(Locale.ROOT, "%-7s %7.1f  %8.1f  %-20s %4d  %-6s  %-12s  %-17s  "
            + "%s%n", r.robotId(), s.plannedStart(), s.plannedFinish(), s.taskId(),
            s.stepIndex(), s.action(), s.role().name().toLowerCase(Locale.ROOT), where(s),
            s.partners().isEmpty() ? "-" : String.join(", ", s.partners())));
      }
    }
    b.append(String.format(Locale.ROOT, "%nunassigned           %d%n", p.unassigned().size()));
    for (OfflinePlan.Unassigned u : p.unassigned()) {
      b.append(String.format(Locale.ROOT, "  %s: %s%n", u.taskId(), u.reason()));
    }
    return b.toString();
  }

  static String where(PlannedStep s) {
    if (!s.region().isEmpty()) {
      return s.region();
    }
    return s.goal() == null ? "-" : String.format(Locale.ROOT, "(%.1f, %.1f)", s.goal().x(),
        s.goal().y());
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
