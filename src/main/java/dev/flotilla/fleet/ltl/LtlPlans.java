package dev.flotilla.fleet.ltl;

import dev.flotilla.model.FleetPlan;
import dev.flotilla.model.PlanCause;
import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.RobotItinerary;
import dev.flotilla.model.StepRole;
import dev.flotilla.model.UnplannedTask;
import dev.flotilla.plan.AgentPlan;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.Role;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.model.Environment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LTL planner's current plan (seed 003) as the fleet sees it: a {@link FleetPlan} of LTL steps
 * per robot for the allocator and the robots, and the {@link LtlPlanDocument} the synchronizer
 * needs.
 */
public final class LtlPlans {
  private LtlPlans() {}

  /**
   * The current LTL plan: one itinerary per robot with LTL work, in agent order, steps in
   * execution order. A step's role is MASTER when it has partners and it runs the chain,
   * COLLABORATOR when it helps, SOLO otherwise; partners are the other robots on the same action;
   * the goal is the region's centre (map frame) with heading 0; the expected utility is minus the
   * objective of Eq. (2).
   *
   * @param planner a planner with a plan
   * @param now node time of issue, seconds
   * @return the plan, cause {@link PlanCause#NEW_TASK}, nothing unplanned
   */
  public static FleetPlan fleetPlan(LtlTaskPlanner planner, double now) {
    return fleetPlan(planner, now, PlanCause.NEW_TASK, List.of());
  }

  /**
   * The current LTL plan, as {@link #fleetPlan(LtlTaskPlanner, double)}, for another cause.
   *
   * @param planner a planner with a plan
   * @param now node time of issue, seconds
   * @param cause what made this version (a cancel, a pause, ...)
   * @param unplanned tasks with work the plan could not place, with the reason
   * @return the plan
   */
  public static FleetPlan fleetPlan(LtlTaskPlanner planner, double now, PlanCause cause,
      List<UnplannedTask> unplanned) {
    Plan plan = planner.plan();
    Environment env = planner.problem().environment();
    List<String> robots = planner.fleet().robotOfAgent();
    List<RobotItinerary> plans = new ArrayList<>();
    for (AgentPlan agent : plan.agents()) {
      if (agent.steps().isEmpty()) {
        continue;
      }
      List<PlannedStep> steps = new ArrayList<>();
      for (PlanStep s : agent.steps()) {
        StepRole role = s.role() == Role.COLLABORATOR ? StepRole.COLLABORATOR
            : s.partners().isEmpty() ? StepRole.SOLO : StepRole.MASTER;
        steps.add(new PlannedStep(planner.taskIdOf(s.subtaskId()), steps.size(), s.action(),
            s.region(), env.region(s.region()).position(), 0, planner.epoch() + s.startS(),
            planner.epoch() + s.finishS(), role,
            s.partners().stream().map(robots::get).toList()));
      }
      plans.add(new RobotItinerary(robots.get(agent.agentId()), steps));
    }
    return new FleetPlan(planner.version(), now, cause, plans, unplanned, -plan.objective());
  }

  /**
   * @param planner a planner with a plan
   * @param scenarioYaml the scenario file's text
   * @return the document for the synchronizer
   */
  public static LtlPlanDocument document(LtlTaskPlanner planner, String scenarioYaml) {
    List<LtlPlanDocument.AgentRef> agents = new ArrayList<>();
    List<String> robots = planner.fleet().robotOfAgent();
    for (Agent a : planner.problem().agents()) {
      agents.add(new LtlPlanDocument.AgentRef(a.id(), a.name(), a.type().name(), a.start(),
          robots.get(a.id())));
    }
    Map<Integer, String> taskIds = new LinkedHashMap<>();
    for (var s : planner.problem().tasks().subtasks()) {
      taskIds.put(s.id(), planner.taskIdOf(s.id()));
    }
    return new LtlPlanDocument(planner.version(), planner.epoch(), scenarioYaml,
        planner.addedResources(), agents, planner.problem().tasks(), planner.plan(), taskIds);
  }
}
