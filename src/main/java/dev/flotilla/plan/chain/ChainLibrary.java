package dev.flotilla.plan.chain;

import dev.flotilla.plan.model.ActionSpec;
import dev.flotilla.plan.model.AgentType;
import dev.flotilla.plan.model.Environment;
import dev.flotilla.plan.task.SubtaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Action-path chains of every agent type for every subtask, computed once per (type, subtask
 * requirement) and cached: the cost grows with the number of agent types, never with the number of
 * agents (Section 3.1 and 4.3 of seed 003). Must be rebuilt when the environment changes.
 */
public final class ChainLibrary {

  private record Key(String action, String region, Set<String> excluded, Set<String> forbidden) {}

  private final List<AgentType> types;
  private final ActionPathChainBuilder builder;
  private final Map<Key, List<ActionPathChain>> cache = new HashMap<>();
  private long computeNanos;

  /**
   * Prepares the library.
   *
   * @param env the environment
   * @param actions action catalogue by label
   * @param types agent models present in the fleet
   */
  public ChainLibrary(
      Environment env, Map<String, ActionSpec> actions, Collection<AgentType> types) {
    this.types = List.copyOf(types);
    this.builder = new ActionPathChainBuilder(env, actions);
  }

  /**
   * All chains, of every type, serving a subtask.
   *
   * @param subtask the subtask
   * @return chains grouped type by type in declaration order; empty if nobody can serve it
   */
  public List<ActionPathChain> chains(SubtaskSpec subtask) {
    Key key =
        new Key(
            subtask.action(),
            subtask.region(),
            subtask.excludedTypeLabels(),
            subtask.forbiddenUntilDone());
    List<ActionPathChain> hit = cache.get(key);
    if (hit != null) {
      return hit;
    }
    long t0 = System.nanoTime();
    List<ActionPathChain> out = new ArrayList<>();
    for (AgentType type : types) {
      out.addAll(builder.build(type, subtask));
    }
    computeNanos += System.nanoTime() - t0;
    List<ActionPathChain> frozen = List.copyOf(out);
    cache.put(key, frozen);
    return frozen;
  }

  /**
   * Wall time spent computing chains so far (cache misses only).
   *
   * @return seconds
   */
  public double computeSeconds() {
    return computeNanos / 1e9;
  }
}
