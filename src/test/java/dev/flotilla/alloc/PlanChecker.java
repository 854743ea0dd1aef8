package dev.flotilla.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.api.AllocationPlan;
import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.Assignment;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.RobotSchedule;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.TaskAssignment;
import dev.flotilla.alloc.api.UnassignedTask;
import dev.flotilla.alloc.api.UtilityMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Independent check of a plan against constraints (9)–(13) of seed 001 and independent
 * recomputation of Eqs. (2)–(8). Deliberately shares no code with the allocators.
 */
public final class PlanChecker {
  private static final double EPS = 1e-6;

  private PlanChecker() {}

  /** Checks every constraint and every utility; returns the recomputed u_g^E. */
  public static double check(AllocationProblem p, AllocationPlan plan) {
    return check(p, plan, true);
  }

  /**
   * Checks constraints (9)–(13); with {@code utilities}, also recomputes Eqs. (2)–(8). Repaired
   * plans skip the utility part: a robot diverted mid-route measures d_ij from where it was.
   */
  public static double check(AllocationProblem p, AllocationPlan plan, boolean utilities) {
    Map<String, Task> tasks = new HashMap<>();
    p.tasks().forEach(t -> tasks.put(t.id(), t));
    Map<String, Robot> robots = new HashMap<>();
    p.robots().forEach(r -> robots.put(r.id(), r));
    Set<String> covered = new HashSet<>();
    for (TaskAssignment a : plan.assignments()) {
      assertTrue(covered.add(a.taskId()), "task listed twice: " + a.taskId());
    }
    for (UnassignedTask u : plan.unassigned()) {
      assertTrue(covered.add(u.taskId()), "task both covered and unassigned: " + u.taskId());
    }
    assertEquals(tasks.keySet(), covered, "every task is covered or reported unassigned");
    assertEquals(p.robots().size(), plan.schedules().size(), "one schedule per robot");

    // Who does what, according to the robots' schedules.
    Map<String, Set<String>> crewFromSchedules = new HashMap<>();
    for (RobotSchedule s : plan.schedules()) {
      for (Assignment a : s.assignments()) {
        crewFromSchedules.computeIfAbsent(a.taskId(), k -> new HashSet<>()).add(s.robotId());
      }
    }
    double total = 0;
    Map<String, Double> starts = new HashMap<>();
    for (TaskAssignment a : plan.assignments()) {
      Task t = tasks.get(a.taskId());
      // (9)-(10): exactly N_j distinct robots, all capable.
      assertEquals(t.requiredRobots(), new HashSet<>(a.robotIds()).size(), "N_j of " + t.id());
      assertEquals(t.requiredRobots(), a.robotIds().size(), "N_j of " + t.id());
      assertEquals(new HashSet<>(a.robotIds()), crewFromSchedules.get(t.id()),
          "crew of " + t.id() + " matches the schedules");
      for (String rid : a.robotIds()) {
        Robot r = robots.get(rid);
        assertTrue(r.capabilities().containsAll(t.requiredCapabilities()), rid + " lacks caps");
        assertTrue(p.capability().capability(r, t) > 0, rid + " has λ = 0 for " + t.id());
      }
      // (11): appearance <= t_j <= t_j^d, Eq. (3) recomputed here.
      double deadline = t.decay() == 0 ? Double.POSITIVE_INFINITY
          : t.appearanceTime() + Math.log(t.baseUtility() / p.params().delta()) / t.decay();
      if (t.deadline().isPresent()) {
        deadline = Math.min(deadline, t.deadline().getAsDouble());
      }
      assertTrue(a.startTime() >= t.appearanceTime() - EPS, t.id() + " starts before it appears");
      assertTrue(a.startTime() <= deadline + EPS, t.id() + " starts after its deadline");
      starts.put(t.id(), a.startTime());
    }
    // (12)-(13) per robot, and Eq. (1): the start equals the latest arrival.
    Map<String, Double> latestArrival = new HashMap<>();
    Map<String, Map<String, Double>> legDist = new HashMap<>();
    Map<String, Map<String, Double>> priorSum = new HashMap<>();
    Map<String, Map<String, Double>> departure = new HashMap<>();
    for (RobotSchedule s : plan.schedules()) {
      Robot r = robots.get(s.robotId());
      var place = r.position();
      double free = r.availableFrom();
      double prior = 0;
      for (Assignment a : s.assignments()) {
        Task t = tasks.get(a.taskId());
        assertEquals(starts.get(t.id()), a.startTime(), EPS, "start of " + t.id());
        double d = p.travel().distance(place, t.location());
        double tau = trapezoid(d, r.maxSpeed(), r.maxAcceleration());
        assertTrue(a.startTime() >= free + tau - EPS,
            s.robotId() + " cannot reach " + t.id() + " in time (constraints 12/13)");
        assertTrue(a.arrivalTime() <= a.startTime() + EPS, "arrival after start");
        assertTrue(a.arrivalTime() >= a.departureTime() - EPS, "arrival before departure");
        latestArrival.merge(t.id(), a.arrivalTime(), Math::max);
        legDist.computeIfAbsent(t.id(), k -> new HashMap<>()).put(s.robotId(), d);
        priorSum.computeIfAbsent(t.id(), k -> new HashMap<>()).put(s.robotId(), prior);
        departure.computeIfAbsent(t.id(), k -> new HashMap<>()).put(s.robotId(), free);
        free = a.startTime() + t.duration();
        assertEquals(free, a.finishTime(), EPS, "finish of " + t.id());
        prior += a.startTime();
        place = t.location();
      }
    }
    for (TaskAssignment a : plan.assignments()) {
      Task t = tasks.get(a.taskId());
      if (!utilities) {
        assertTrue(a.startTime() >= Math.max(t.appearanceTime(), latestArrival.get(t.id())) - EPS,
            "Eq. (1) for " + t.id());
        continue;
      }
      assertEquals(Math.max(t.appearanceTime(), latestArrival.get(t.id())), a.startTime(), EPS,
          "Eq. (1) for " + t.id());
      double sum = 0;
      double reliability = 1;
      double cost = 0;
      for (String rid : a.robotIds()) {
        Robot r = robots.get(rid);
        double d = legDist.get(t.id()).get(rid);
        sum += p.params().alpha() * p.lambda(r, t) * t.baseUtility() - p.params().beta() * d;
        double f = 1 - Math.exp(-r.reliability() * p.params().sigmaF() * a.startTime())
            * Math.exp(-r.reliability() * p.params().sigmaF() * priorSum.get(t.id()).get(rid));
        reliability *= 1 - f;
        cost += r.costRate() * (a.finishTime() - departure.get(t.id()).get(rid));
      }
      double u = Math.exp(-t.decay() * (a.startTime() - t.appearanceTime())) * sum * reliability;
      if (p.params().mode() == UtilityMode.QUALITY_MINUS_COST) {
        u -= cost;
      }
      assertEquals(u, a.expectedUtility(), 1e-6 * Math.max(1, Math.abs(u)),
          "u_j^E of " + t.id());
      total += u;
    }
    if (!utilities) {
      return plan.expectedGlobalUtility();
    }
    assertEquals(total, plan.expectedGlobalUtility(), 1e-6 * Math.max(1, Math.abs(total)),
        "u_g^E (Eq. 8)");
    return total;
  }

  /** Task ids of a robot, in order. */
  public static List<String> strategy(AllocationPlan plan, String robotId) {
    return plan.schedule(robotId).taskIds();
  }

  private static double trapezoid(double d, double v, double a) {
    if (d <= 0) {
      return 0;
    }
    return d >= v * v / a ? d / v + v / a : 2 * Math.sqrt(d / a);
  }
}
