package dev.flotilla.node;

import dev.flotilla.fleet.AllocationSession;
import dev.flotilla.fleet.PlanUpdate;
import dev.flotilla.model.FleetPlan;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocator's messages, byte for byte: the planner's LTL steps go out exactly as they arrived
 * (their times are not converted to seconds and back), and the current allocation is the message
 * published or adopted, not a translation of it. Not thread-safe, like the node.
 */
final class AllocationTranslator {
  private Map<String, List<PlanStep>> ltlSteps = Map.of();
  private long ltlVersion;
  private Allocation current;

  /**
   * Keeps a newer LTL plan's steps per robot as they arrived.
   *
   * @param plan the planner's LTL plan
   * @return the plan for the session
   */
  FleetPlan ltlPlan(Allocation plan) {
    if (plan.planVersion() > ltlVersion) {
      ltlVersion = plan.planVersion();
      Map<String, List<PlanStep>> steps = new LinkedHashMap<>();
      for (RobotPlan p : plan.plans()) {
        if (!p.steps().isEmpty()) {
          steps.put(p.robotId(), p.steps());
        }
      }
      ltlSteps = steps;
    }
    return PlanMessages.fleetPlan(plan);
  }

  /** Gives the session a plan another instance published, or the journal kept. */
  void adopt(Allocation allocation, AllocationSession session) {
    if (session.adopt(PlanMessages.fleetPlan(allocation))) {
      current = allocation;
    }
  }

  /**
   * @param update a new plan version
   * @return its message, now the current allocation
   */
  Allocation allocation(PlanUpdate update) {
    current = PlanMessages.allocation(update.plan(), ltlSteps);
    return current;
  }

  /** @return the allocation published or adopted last, or null */
  Allocation current() {
    return current;
  }
}
