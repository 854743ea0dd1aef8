package dev.flotilla.plan.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulation case of Section 5.2 of seed 003.
 *
 * @param name case name, e.g. {@code case1}
 * @param agentCounts agents per type name, in declaration order
 * @param weights alpha, beta, gamma of Eq. (2)
 * @param offlineFormulaIds ids of the formulas given before execution
 * @param offlineFormulas those formulas' text
 * @param online formulas released during execution, by release time
 */
public record CaseSpec(
    String name,
    Map<String, Integer> agentCounts,
    Weights weights,
    List<String> offlineFormulaIds,
    List<String> offlineFormulas,
    List<OnlineTaskSpec> online) {

  /** Copies the collections. */
  public CaseSpec {
    agentCounts = Collections.unmodifiableMap(new LinkedHashMap<>(agentCounts));
    offlineFormulaIds = List.copyOf(offlineFormulaIds);
    offlineFormulas = List.copyOf(offlineFormulas);
    online = List.copyOf(online);
  }
}
