package dev.flotilla.plan.chain;

import dev.flotilla.plan.model.ActionSpec;
import dev.flotilla.plan.model.AgentType;
import dev.flotilla.plan.model.Environment;
import dev.flotilla.plan.task.SubtaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Action-path chains Pi^mot (lines 12-28 of Algorithm 1, seed 003) of one agent type for one
 * subtask: every action chain gets a region per action. The core action runs in the subtask's
 * region; every other action runs in a region W_i that holds the resource it consumes (line 13),
 * restricted to the action's sites if it has any, or at the subtask's region if it consumes
 * nothing. Chains whose labels violate sigma^s (or whose type sigma excludes) are dropped (line
 * 24). The result depends on the agent type only, never on how many agents there are.
 *
 * <p>Time: O(C * |T|^k) for C action chains of length k, |T| regions; in practice the resource
 * regions are few and chains short.
 */
public final class ActionPathChainBuilder {

  private final Environment env;
  private final Map<String, ActionSpec> actions;

  /**
   * Prepares the builder.
   *
   * @param env the environment WTS with resources
   * @param actions the action catalogue by label
   */
  public ActionPathChainBuilder(Environment env, Map<String, ActionSpec> actions) {
    this.env = env;
    this.actions = actions;
  }

  /**
   * All action-path chains of a type for a subtask.
   *
   * @param type the agent model
   * @param subtask the subtask to serve
   * @return chains, possibly empty when the type cannot serve it here
   */
  public List<ActionPathChain> build(AgentType type, SubtaskSpec subtask) {
    List<ActionPathChain> out = new ArrayList<>();
    if (subtask.excludedTypeLabels().contains(type.label()) || !env.hasRegion(subtask.region())) {
      return out;
    }
    for (List<String> chain : new ActionChainSearch(type).chainsFor(subtask.action())) {
      int core = chain.indexOf(subtask.action());
      List<List<String>> candidates = new ArrayList<>();
      boolean possible = true;
      for (int j = 0; j < chain.size(); j++) {
        List<String> regions = candidateRegions(chain.get(j), j == core, subtask.region());
        possible &= !regions.isEmpty();
        candidates.add(regions);
      }
      if (possible) {
        expand(type, subtask, chain, core, candidates, new ArrayList<>(), out);
      }
    }
    return out;
  }

  private List<String> candidateRegions(String action, boolean core, String taskRegion) {
    ActionSpec spec = actions.get(action);
    if (spec == null) {
      throw new IllegalArgumentException("Action " + action + " is not in the catalogue.");
    }
    if (core) {
      boolean stocked = spec.consumes().map(k -> env.region(taskRegion).stock(k) > 0).orElse(true);
      return stocked ? List.of(taskRegion) : List.of();
    }
    if (spec.consumes().isPresent()) {
      List<String> holding = new ArrayList<>(env.regionsHolding(spec.consumes().get()));
      if (!spec.sites().isEmpty()) {
        holding.retainAll(spec.sites());
      }
      return holding;
    }
    if (!spec.sites().isEmpty()) {
      return env.regions().keySet().stream().filter(spec.sites()::contains).toList();
    }
    return List.of(taskRegion);
  }

  private void expand(
      AgentType type,
      SubtaskSpec subtask,
      List<String> chain,
      int core,
      List<List<String>> candidates,
      List<ChainStep> prefix,
      List<ActionPathChain> out) {
    int j = prefix.size();
    if (j == chain.size()) {
      out.add(new ActionPathChain(type.name(), prefix, core));
      return;
    }
    for (String region : candidates.get(j)) {
      ChainStep step = new ChainStep(chain.get(j), region);
      // sigma^s holds strictly before execution, so only steps before the core action matter.
      if (j < core && violates(labels(type, step), subtask.forbiddenUntilDone())) {
        continue;
      }
      prefix.add(step);
      expand(type, subtask, chain, core, candidates, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  /**
   * Propositions true while an agent of a type executes a step: a_m, the type label at m ({@code
   * Vo_r1}) and the region itself (p_m).
   *
   * @param type agent model
   * @param step the step
   * @return the label set lambda_n
   */
  public static Set<String> labels(AgentType type, ChainStep step) {
    return Set.of(step.proposition(), type.label() + "_" + step.region(), step.region());
  }

  private static boolean violates(Set<String> labels, Set<String> forbidden) {
    for (String l : labels) {
      if (forbidden.contains(l)) {
        return true;
      }
    }
    return false;
  }
}
