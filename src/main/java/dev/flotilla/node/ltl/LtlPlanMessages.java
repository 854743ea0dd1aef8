package dev.flotilla.node.ltl;

import dev.flotilla.fleet.ltl.LtlPlanDocument;
import dev.flotilla.fleet.ltl.LtlTaskPlanner;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.plan.AgentPlan;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.Role;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.model.Environment;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LTL plan of an {@link LtlTaskPlanner} as messages: the {@code Allocation} on
 * {@code flotilla/ltl_plan} and the {@link LtlPlanDocument} on {@code flotilla/ltl_plan_detail}.
 */
public final class LtlPlanMessages {
  private LtlPlanMessages() {}

  /**
   * The current LTL plan as an {@code Allocation}: one {@code RobotPlan} per robot with LTL work,
   * in agent order, steps in execution order. A step's {@code role} is MASTER when it has partners
   * and it runs the chain, COLLABORATOR when it helps, SOLO otherwise; {@code partners} are the
   * other robots on the same action; {@code goal} is the region's centre (map frame) with identity
   * orientation; {@code expected_utility} is minus the objective of Eq. (2).
   *
   * @param planner a planner with a plan
   * @param now node time of publication, seconds
   * @return the message, {@code cause} = {@code CAUSE_NEW_TASK}
   */
  public static Allocation allocation(LtlTaskPlanner planner, double now) {
    Plan plan = planner.plan();
    Environment env = planner.problem().environment();
    List<String> robots = planner.fleet().robotOfAgent();
    List<RobotPlan> plans = new ArrayList<>();
    for (AgentPlan agent : plan.agents()) {
      if (agent.steps().isEmpty()) {
        continue;
      }
      List<PlanStep> steps = new ArrayList<>();
      for (dev.flotilla.plan.PlanStep s : agent.steps()) {
        var p = env.region(s.region()).position();
        byte role = s.role() == Role.COLLABORATOR ? PlanStep.ROLE_COLLABORATOR
            : s.partners().isEmpty() ? PlanStep.ROLE_SOLO : PlanStep.ROLE_MASTER;
        steps.add(PlanStep.builder().taskId(planner.taskIdOf(s.subtaskId()))
            .stepIndex(steps.size()).action(s.action()).region(s.region())
            .goal(new Pose(new Point(p.x(), p.y(), p.z()), new Quaternion(0, 0, 0, 1)))
            .plannedStart(Stamps.time(planner.epoch() + s.startS()))
            .plannedFinish(Stamps.time(planner.epoch() + s.finishS()))
            .role(role).partners(s.partners().stream().map(robots::get).toList()).build());
      }
      plans.add(new RobotPlan(robots.get(agent.agentId()), steps));
    }
    return new Allocation(planner.version(), Stamps.time(now), Reassignment.CAUSE_NEW_TASK, plans,
        List.of(), -plan.objective());
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
