package dev.flotilla.plan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A planning scenario: environment, action catalogue, agent models, formula templates and cases.
 *
 * @param name scenario name
 * @param environment the WTS with resources
 * @param actions actions by label
 * @param agentTypes agent models by type name, in declaration order
 * @param formulas formula templates by id (placeholders written {@code $i})
 * @param cases cases by name, in declaration order
 */
public record Scenario(
    String name,
    Environment environment,
    Map<String, ActionSpec> actions,
    Map<String, AgentType> agentTypes,
    Map<String, String> formulas,
    Map<String, CaseSpec> cases) {

  /** Copies the maps keeping their order. */
  public Scenario {
    actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    agentTypes = Collections.unmodifiableMap(new LinkedHashMap<>(agentTypes));
    formulas = Collections.unmodifiableMap(new LinkedHashMap<>(formulas));
    cases = Collections.unmodifiableMap(new LinkedHashMap<>(cases));
  }

  /**
   * Instantiates the fleet of a case: agents numbered type by type, start regions round-robin.
   *
   * @param agentCounts agents per type name
   * @return the agents, ids 0..N-1
   */
  public List<Agent> fleet(Map<String, Integer> agentCounts) {
    List<Agent> out = new ArrayList<>();
    agentCounts.forEach(
        (typeName, count) -> {
          AgentType type = agentTypes.get(typeName);
          if (type == null) {
            throw new IllegalArgumentException("Unknown agent type " + typeName + ".");
          }
          for (int k = 0; k < count; k++) {
            String start = type.startRegions().get(k % type.startRegions().size());
            out.add(new Agent(out.size(), typeName + "-" + (k + 1), type, start));
          }
        });
    return List.copyOf(out);
  }
}
