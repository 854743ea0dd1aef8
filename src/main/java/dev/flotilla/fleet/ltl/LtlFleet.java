package dev.flotilla.fleet.ltl;

import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.plan.model.AgentType;
import dev.flotilla.plan.model.Region;
import dev.flotilla.plan.model.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which robot plays which planning agent. The scenario numbers agents type by type in declaration
 * order ({@link Scenario#fleet}); the robots whose {@code agent_type} is T fill the agents of type
 * T in fleet (parameter file) order. Each agent starts at the scenario region nearest (planar) to
 * its robot's configured start, so the planner's travel estimates start where the robot is.
 */
public final class LtlFleet {
  private final Scenario scenario;
  private final Map<String, Integer> agentCounts = new LinkedHashMap<>();
  private final List<String> robotOfAgent = new ArrayList<>();

  /**
   * @param scenario the planning scenario
   * @param robots the fleet, in parameter-file order
   */
  public LtlFleet(Scenario scenario, List<RobotSpec> robots) {
    Map<String, AgentType> types = new LinkedHashMap<>();
    for (AgentType type : scenario.agentTypes().values()) {
      List<String> starts = new ArrayList<>();
      for (RobotSpec r : robots) {
        if (r.agentType().equals(type.name())) {
          robotOfAgent.add(r.id());
          starts.add(nearestRegion(scenario, r.start()));
        }
      }
      if (!starts.isEmpty()) {
        agentCounts.put(type.name(), starts.size());
        types.put(type.name(), new AgentType(type.name(), type.label(), type.speedMps(),
            type.initialState(), type.transitions(), starts));
      } else {
        types.put(type.name(), type);
      }
    }
    this.scenario = new Scenario(scenario.name(), scenario.environment(), scenario.actions(),
        types, scenario.formulas(), scenario.cases());
  }

  private static String nearestRegion(Scenario scenario, Point3 p) {
    String best = null;
    double bestD = Double.POSITIVE_INFINITY;
    for (Region r : scenario.environment().regions().values()) {
      double d = r.position().planarDistanceTo(p);
      if (d < bestD) {
        bestD = d;
        best = r.name();
      }
    }
    return best;
  }

  /** @return the scenario with every present type's start regions set to its robots' regions */
  public Scenario scenario() {
    return scenario;
  }

  /** @return agents per type name, present types only, in scenario declaration order */
  public Map<String, Integer> agentCounts() {
    return Collections.unmodifiableMap(agentCounts);
  }

  /** @return robot id per agent id */
  public List<String> robotOfAgent() {
    return Collections.unmodifiableList(robotOfAgent);
  }

  /** @return whether no robot has an agent type */
  public boolean isEmpty() {
    return robotOfAgent.isEmpty();
  }
}
