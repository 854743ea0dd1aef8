package dev.flotilla.alloc.travel;

import dev.flotilla.alloc.api.TravelModel;
import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Routes over a region graph: each place snaps to its nearest region centre, drives straight to
 * it, follows the shortest corridor path (JGraphT Dijkstra, edge weight = straight length between
 * centres) and drives straight to the destination. Places snapping to the same region are joined
 * directly. Unconnected regions are unreachable (infinite distance). A query costs O(R) for the
 * snapping plus one cached single-source Dijkstra, O(E + R log R), per source region.
 */
public final class RegionGraphTravel implements TravelModel {
  private final Map<String, Point3> regions;
  private final SimpleWeightedGraph<String, DefaultWeightedEdge> graph;
  private final DijkstraShortestPath<String, DefaultWeightedEdge> dijkstra;
  private final Map<String, org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths<
      String, DefaultWeightedEdge>> cache = new ConcurrentHashMap<>();

  private RegionGraphTravel(Map<String, Point3> regions,
      SimpleWeightedGraph<String, DefaultWeightedEdge> graph) {
    this.regions = regions;
    this.graph = graph;
    this.dijkstra = new DijkstraShortestPath<>(graph);
  }

  /**
   * Starts a builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects regions and corridors. */
  public static final class Builder {
    private final Map<String, Point3> regions = new LinkedHashMap<>();
    private final List<String[]> corridors = new ArrayList<>();

    /**
     * Adds a region.
     *
     * @param id unique region name
     * @param centre metres in the map frame
     * @return this builder
     */
    public Builder region(String id, Point3 centre) {
      if (regions.put(id, centre) != null) {
        throw new IllegalArgumentException("region '" + id + "' is defined twice.");
      }
      return this;
    }

    /**
     * Connects two regions both ways.
     *
     * @param a region id
     * @param b region id
     * @return this builder
     */
    public Builder corridor(String a, String b) {
      corridors.add(new String[] {a, b});
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the travel model
     */
    public RegionGraphTravel build() {
      if (regions.isEmpty()) {
        throw new IllegalArgumentException("A region graph needs at least one region.");
      }
      SimpleWeightedGraph<String, DefaultWeightedEdge> g =
          new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
      regions.keySet().forEach(g::addVertex);
      for (String[] c : corridors) {
        for (String end : c) {
          if (!regions.containsKey(end)) {
            throw new IllegalArgumentException(
                "corridor " + c[0] + "-" + c[1] + ": unknown region '" + end + "'.");
          }
        }
        if (c[0].equals(c[1])) {
          continue;
        }
        DefaultWeightedEdge e = g.addEdge(c[0], c[1]);
        if (e != null) {
          g.setEdgeWeight(e, regions.get(c[0]).distanceTo(regions.get(c[1])));
        }
      }
      return new RegionGraphTravel(new HashMap<>(regions), g);
    }
  }

  @Override
  public double distance(Point3 from, Point3 to) {
    List<Point3> route = route(from, to);
    if (route == null) {
      return Double.POSITIVE_INFINITY;
    }
    double d = 0;
    for (int k = 1; k < route.size(); k++) {
      d += route.get(k - 1).distanceTo(route.get(k));
    }
    return d;
  }

  @Override
  public Point3 pointAlong(Point3 from, Point3 to, double travelled) {
    List<Point3> route = route(from, to);
    if (route == null) {
      return from;
    }
    double left = Math.max(0, travelled);
    for (int k = 1; k < route.size(); k++) {
      Point3 a = route.get(k - 1);
      Point3 b = route.get(k);
      double leg = a.distanceTo(b);
      if (left <= leg && leg > 0) {
        double f = left / leg;
        return new Point3(a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y()),
            a.z() + f * (b.z() - a.z()));
      }
      left -= leg;
    }
    return to;
  }

  /** The polyline from → regions… → to, or null when the regions are not connected. */
  private List<Point3> route(Point3 from, Point3 to) {
    String a = nearest(from);
    String b = nearest(to);
    List<Point3> route = new ArrayList<>();
    route.add(from);
    if (!a.equals(b)) {
      GraphPath<String, DefaultWeightedEdge> path =
          cache.computeIfAbsent(a, dijkstra::getPaths).getPath(b);
      if (path == null) {
        return null;
      }
      path.getVertexList().forEach(v -> route.add(regions.get(v)));
    }
    route.add(to);
    return route;
  }

  private String nearest(Point3 p) {
    String best = null;
    double bestD = Double.POSITIVE_INFINITY;
    for (var e : regions.entrySet()) {
      double d = e.getValue().distanceTo(p);
      if (d < bestD || (d == bestD && e.getKey().compareTo(best) < 0)) {
        bestD = d;
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * Number of corridors (for diagnostics).
   *
   * @return edge count
   */
  public int corridorCount() {
    return graph.edgeSet().size();
  }
}
