package dev.flotilla.plan;

import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.model.ActionSpec;
import dev.flotilla.plan.model.Environment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a problem's action-path chains ({@link ChainInfo}), computed on first use and
 * cached per chain, and the resource keys (region, kind) they consume with their stocks R_m.
 * O(chain length) per new chain.
 */
final class ChainNumbers {
  private final Environment env;
  private final Map<String, ActionSpec> actions;
  private final Map<String, Integer> resourceKeys = new HashMap<>();
  private final List<Integer> stocks = new ArrayList<>();
  private final List<Double> unitCosts = new ArrayList<>();
  private final Map<ActionPathChain, ChainInfo> infos = new IdentityHashMap<>();

  ChainNumbers(Environment env, Map<String, ActionSpec> actions) {
    this.env = env;
    this.actions = actions;
  }

  /**
   * Numbers of a chain, computed on first use.
   *
   * @param chain a chain of this problem
   * @return its pre-computed numbers
   */
  ChainInfo info(ActionPathChain chain) {
    ChainInfo cached = infos.get(chain);
    if (cached != null) {
      return cached;
    }
    int n = chain.steps().size();
    int[] regions = new int[n];
    double[] durations = new double[n];
    int[] keys = new int[n];
    double cost = 0;
    double travel = 0;
    for (int k = 0; k < n; k++) {
      ChainStep step = chain.steps().get(k);
      regions[k] = env.indexOf(step.region());
      ActionSpec spec = actions.get(step.action());
      durations[k] = spec.durationS();
      keys[k] = spec.consumes().map(kind -> resourceKey(step.region(), kind)).orElse(-1);
      cost += spec.consumes().map(env::resourceCost).orElse(0.0);
      if (k > 0) {
        travel += env.distance(regions[k - 1], regions[k]);
      }
    }
    ChainInfo info = new ChainInfo(regions, durations, keys, cost, travel);
    infos.put(chain, info);
    return info;
  }

  private int resourceKey(String region, String kind) {
    return resourceKeys.computeIfAbsent(
        region + "|" + kind,
        key -> {
          stocks.add(env.region(region).stock(kind));
          unitCosts.add(env.resourceCost(kind));
          return stocks.size() - 1;
        });
  }

  /** Stock R_m of a resource key. */
  int stock(int key) {
    return stocks.get(key);
  }

  /** Number of resource keys created so far (they grow as chains are looked at). */
  int resourceKeyCount() {
    return stocks.size();
  }
}
