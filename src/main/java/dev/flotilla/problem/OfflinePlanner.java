package dev.flotilla.problem;

import dev.flotilla.fleet.AllocationSession;
import dev.flotilla.fleet.PlanUpdate;
import dev.flotilla.fleet.ltl.LtlFleet;
import dev.flotilla.fleet.ltl.LtlPlans;
import dev.flotilla.fleet.ltl.LtlTaskPlanner;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlanCause;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.model.TaskSpec;
import dev.flotilla.model.UnplannedTask;
import dev.flotilla.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a {@link Problem} the way the running nodes would, without DDS: the allocator's
 * {@link AllocationSession} (seed 001's potential game under seed 000's event-triggered
 * rebalancing, or the greedy baseline) and the planner's {@link LtlTaskPlanner} (seed 003's
 * branch and bound for the formulas known at time 0, simulated annealing for those arriving
 * later, at their arrival times). Every robot joins at 0 with its resume; the LTL plan's steps
 * reserve their robots, as in the allocator once the planner's plan arrives; then the
 * multi-robot tasks arrive in time order (file order among equal times), the first planned
 * globally and later ones inserted by the event-triggered scheme, as the allocator does.
 * Nothing is executed offline: robots stay where they start until their first step, and a task
 * arriving at time t is planned from t. Planning is bounded by the problem's
 * {@code ltl_offline_budget} and {@code ltl_online_budget} per call.
 */
public final class OfflinePlanner {

  private OfflinePlanner() {}

  /**
   * @param problem a validated problem
   * @return the plan
   */
  public static OfflinePlan plan(Problem problem) {
    AllocationSession session = new AllocationSession(problem.allocation(), 0);
    for (RobotSpec r : problem.robots()) {
      session.robotAvailable(r.id(), 0, false);
    }
    problem.resumes().values().forEach(r -> session.setResume(r, 0));
    List<OfflinePlan.Decision> decisions = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    LtlTaskPlanner ltl = problem.ltl() == null || problem.ltlTasks().isEmpty() ? null
        : new LtlTaskPlanner(problem.ltl(), new LtlFleet(problem.ltl().scenario(),
            problem.robots()));
    if (ltl != null) {
      // Submitted one window before time 0, so the offline plan is made at 0: its epoch.
      double window = problem.ltl().offlineWindowS();
      for (Problem.Arrival<Problem.LtlTask> a : problem.ltlTasks()) {
        if (a.at() == 0) {
          record(ltl.submit(a.task().id(), a.task().formula(), -window), 0, decisions,
              rejected);
        }
      }
      record(ltl.tick(0), 0, decisions, rejected);
    }
    if (ltl != null) {
      List<Problem.Arrival<Problem.LtlTask>> online = new ArrayList<>(problem.ltlTasks());
      online.removeIf(a -> a.at() == 0);
      online.sort(Comparator.comparingDouble(Problem.Arrival::at));
      for (Problem.Arrival<Problem.LtlTask> a : online) {
        if (ltl.plan() == null) {
          // Nothing planned yet: the first formula to arrive is planned offline, at its time.
          record(ltl.submit(a.task().id(), a.task().formula(),
              a.at() - problem.ltl().offlineWindowS()), a.at(),
              decisions, rejected);
          record(ltl.tick(a.at()), a.at(), decisions, rejected);
        } else {
          record(ltl.submit(a.task().id(), a.task().formula(), a.at()), a.at(), decisions,
              rejected);
        }
      }
      // Robots reserved for LTL work at any time take no multi-robot tasks, as in the node
      // once the planner's plan arrives; plan time 0, since nothing is executed offline.
      applyLtl(session, ltl, 0);
    }
    List<Problem.Arrival<TaskSpec>> tasks = new ArrayList<>(problem.tasks());
    tasks.sort(Comparator.comparingDouble(Problem.Arrival::at));
    for (Problem.Arrival<TaskSpec> a : tasks) {
      session.taskAdded(a.task(), a.at());
      decisions.add(new OfflinePlan.Decision(a.at(), a.task().id(), "multi_robot", true, ""));
    }
    decisions.sort(Comparator.comparingDouble(OfflinePlan.Decision::at));
    FleetPlan plan = session.current() != null ? session.current()
        : new FleetPlan(0, 0, PlanCause.INITIAL, problem.robots().stream()
            .map(r -> new RobotItinerary(r.id(), List.of())).toList(), List.of(), 0);
    List<OfflinePlan.Unassigned> unassigned = new ArrayList<>();
    for (UnplannedTask u : plan.unplanned()) {
      unassigned.add(new OfflinePlan.Unassigned(u.taskId(), u.detail()));
    }
    rejected.forEach((id, reason) -> unassigned.add(new OfflinePlan.Unassigned(id, reason)));
    markUnassignedDecisions(decisions, plan);
    OfflinePlan.LtlCost cost = null;
    if (ltl != null && ltl.plan() != null) {
      Plan p = ltl.plan();
      var w = problem.ltl().weights();
      cost = new OfflinePlan.LtlCost(p.objective(), p.makespanS(), p.resourceCost(),
          p.travelM(), w.alpha(), w.beta(), w.gamma());
    }
    double utility = problem.tasks().isEmpty() ? 0 : plan.expectedUtility();
    return new OfflinePlan(problem, plan, utility, cost, unassigned, decisions);
  }

  private static void applyLtl(AllocationSession session, LtlTaskPlanner ltl, double now) {
    if (ltl.plan() != null) {
      PlanUpdate ignored = session.ltlPlan(LtlPlans.fleetPlan(ltl, now), now);
    }
  }

  private static void record(List<LtlTaskPlanner.Outcome> outcomes, double at,
      List<OfflinePlan.Decision> decisions, Map<String, String> rejected) {
    for (LtlTaskPlanner.Outcome o : outcomes) {
      if (o instanceof LtlTaskPlanner.Accepted a) {
        decisions.add(new OfflinePlan.Decision(at, a.taskId(), "ltl", true, a.detail()));
      } else if (o instanceof LtlTaskPlanner.Rejected r) {
        decisions.add(new OfflinePlan.Decision(at, r.taskId(), "ltl", false, r.reason()));
        rejected.put(r.taskId(), r.reason());
      }
    }
  }

  /** Each multi-robot decision says whom the final plan gives the task to, or why nobody. */
  private static void markUnassignedDecisions(List<OfflinePlan.Decision> decisions,
      FleetPlan plan) {
    Map<String, String> left = new LinkedHashMap<>();
    plan.unplanned().forEach(u -> left.put(u.taskId(), u.detail()));
    Map<String, List<String>> crews = new LinkedHashMap<>();
    for (RobotItinerary r : plan.itineraries()) {
      r.steps().forEach(st -> crews.computeIfAbsent(st.taskId(), k -> new ArrayList<>())
          .add(r.robotId()));
    }
    for (int i = 0; i < decisions.size(); i++) {
      OfflinePlan.Decision d = decisions.get(i);
      if (d.kind().equals("multi_robot")) {
        boolean placed = crews.containsKey(d.taskId());
        decisions.set(i, new OfflinePlan.Decision(d.at(), d.taskId(), d.kind(), placed,
            placed ? "assigned to " + String.join(", ", crews.get(d.taskId()))
                : left.getOrDefault(d.taskId(), "in no robot's plan")));
      }
    }
  }
}
