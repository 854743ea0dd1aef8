package dev.flotilla.plan.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment as a weighted transition system T = (W, -&gt;_t, AP, L_t, C_t) (Definition 4 of
 * seed 003) plus the resources R_m stored per region and the resource cost C_r.
 *
 * <p>Edge weights are planar distances between region centres; travel cost between two regions is
 * the shortest path over the edges (Floyd-Warshall, O(M^3) once at construction). The label
 * L_t(W_m) is the proposition named like the region.
 */
public final class Environment {

  private final Map<String, Region> regions;
  private final Map<String, Integer> index = new HashMap<>();
  private final double[][] distance;
  private final Map<String, Double> resourceCosts;
  private final List<String[]> edges;

  /**
   * Builds the WTS.
   *
   * @param regions regions in declaration order
   * @param edges undirected transitions as region-name pairs; null means every pair is connected
   * @param resourceCosts cost C_r of one unit of each resource kind (cost units)
   */
  public Environment(
      List<Region> regions, List<String[]> edges, Map<String, Double> resourceCosts) {
    Map<String, Region> byName = new LinkedHashMap<>();
    for (Region r : regions) {
      if (byName.put(r.name(), r) != null) {
        throw new IllegalArgumentException("Region " + r.name() + " is declared twice.");
      }
      index.put(r.name(), index.size());
    }
    this.regions = Collections.unmodifiableMap(byName);
    this.resourceCosts = Map.copyOf(resourceCosts);
    this.edges = edges == null ? null : List.copyOf(edges);
    int m = regions.size();
    distance = new double[m][m];
    for (double[] row : distance) {
      Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    for (int i = 0; i < m; i++) {
      distance[i][i] = 0;
    }
    if (edges == null) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          distance[i][j] = regions.get(i).position().planarDistanceTo(regions.get(j).position());
        }
      }
    } else {
      for (String[] e : edges) {
        int a = indexOf(e[0]);
        int b = indexOf(e[1]);
        double d = regions.get(a).position().planarDistanceTo(regions.get(b).position());
        distance[a][b] = Math.min(distance[a][b], d);
        distance[b][a] = distance[a][b];
      }
      for (int k = 0; k < m; k++) {
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < m; j++) {
            double via = distance[i][k] + distance[k][j];
            if (via < distance[i][j]) {
              distance[i][j] = via;
            }
          }
        }
      }
    }
  }

  /**
   * Dense index of a region, for array-based callers.
   *
   * @param region region name
   * @return index in declaration order
   */
  public int indexOf(String region) {
    Integer i = index.get(region);
    if (i == null) {
      throw new IllegalArgumentException("Unknown region " + region + ".");
    }
    return i;
  }

  /**
   * Regions by name, in declaration order.
   *
   * @return an unmodifiable map
   */
  public Map<String, Region> regions() {
    return regions;
  }

  /**
   * Whether a region exists.
   *
   * @param name region name
   * @return true if declared
   */
  public boolean hasRegion(String name) {
    return regions.containsKey(name);
  }

  /**
   * Looks a region up.
   *
   * @param name region name
   * @return the region
   */
  public Region region(String name) {
    Region r = regions.get(name);
    if (r == null) {
      throw new IllegalArgumentException("Unknown region " + name + ".");
    }
    return r;
  }

  /**
   * Travel cost C_t between two regions along the WTS.
   *
   * @param from region name
   * @param to region name
   * @return metres (infinite if unreachable)
   */
  public double distance(String from, String to) {
    return distance[indexOf(from)][indexOf(to)];
  }

  /**
   * Travel cost C_t between two regions given by index.
   *
   * @param from region index
   * @param to region index
   * @return metres
   */
  public double distance(int from, int to) {
    return distance[from][to];
  }

  /**
   * Cost C_r of one unit of a resource kind.
   *
   * @param kind resource kind
   * @return cost units (0 if not priced)
   */
  public double resourceCost(String kind) {
    return resourceCosts.getOrDefault(kind, 0.0);
  }

  /**
   * Regions storing at least one unit of a resource.
   *
   * @param kind resource kind
   * @return region names in declaration order
   */
  public List<String> regionsHolding(String kind) {
    List<String> out = new ArrayList<>();
    for (Region r : regions.values()) {
      if (r.stock(kind) > 0) {
        out.add(r.name());
      }
    }
    return out;
  }

  /**
   * A copy of this environment with extra resources (e.g. an injured athlete appearing online).
   *
   * @param additions region name to (resource kind to units added)
   * @return the updated environment
   */
  public Environment withAddedResources(Map<String, Map<String, Integer>> additions) {
    List<Region> out = new ArrayList<>();
    for (Region r : regions.values()) {
      Map<String, Integer> res = new HashMap<>(r.resources());
      additions.getOrDefault(r.name(), Map.of()).forEach((k, v) -> res.merge(k, v, Integer::sum));
      out.add(new Region(r.name(), r.position(), res));
    }
    for (String name : additions.keySet()) {
      indexOf(name);
    }
    return new Environment(out, edges, resourceCosts);
  }
}
