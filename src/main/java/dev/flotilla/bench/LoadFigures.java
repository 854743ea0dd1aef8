package dev.flotilla.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.ros.params.YamlTrees;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pure arithmetic of {@code flotilla bench fleet}: the status lines node processes print about
 * themselves, and the overlay of a user's parameter file on the generated one. (Quantiles are
 * {@link Statistics}'.)
 */
public final class LoadFigures {
  /** Prefix of the status line a benchmarked node process prints once a second. */
  public static final String STATS_PREFIX = "flotilla-stats";

  private LoadFigures() {}

  /**
   * What a node process says about itself at one instant.
   *
   * @param wallMillis epoch milliseconds when sampled
   * @param cpuNanos CPU time of the whole process (every thread, DDS's included)
   * @param executorCpuNanos CPU time of the node's callback thread, -1 when unknown
   * @param heapUsed heap bytes in use
   * @param heapCommitted heap bytes committed
   * @param gcMillis total time spent in garbage collection
   * @param verifyCpuNanos CPU time spent verifying message signatures, -1 when the node does not
   *     measure it (security off, or no verifier reporting)
   */
  public record NodeStats(long wallMillis, long cpuNanos, long executorCpuNanos, long heapUsed,
      long heapCommitted, long gcMillis, long verifyCpuNanos) {

    /** @return the status line, {@code flotilla-stats key=value …} */
    public String format() {
      return String.format(Locale.ROOT, "%s wall_ms=%d cpu_ns=%d exec_cpu_ns=%d heap_used=%d "
          + "heap_committed=%d gc_ms=%d verify_cpu_ns=%d", STATS_PREFIX, wallMillis, cpuNanos,
          executorCpuNanos, heapUsed, heapCommitted, gcMillis, verifyCpuNanos);
    }

    /**
     * @param earlier the first sample
     * @return signature verification's share of the process's CPU between the samples, in
     *     percent; NaN when not measured
     */
    public double verifySharePercentSince(NodeStats earlier) {
      long cpu = cpuNanos - earlier.cpuNanos;
      return verifyCpuNanos < 0 || earlier.verifyCpuNanos < 0 || cpu <= 0 ? Double.NaN
          : 100.0 * (verifyCpuNanos - earlier.verifyCpuNanos) / cpu;
    }

    /**
     * CPU used between two samples of the same process, as a share of one core.
     *
     * @param earlier the first sample
     * @return percent of one core; NaN when no wall time passed
     */
    public double cpuPercentSince(NodeStats earlier) {
      long wall = wallMillis - earlier.wallMillis;
      return wall <= 0 ? Double.NaN : 100.0 * (cpuNanos - earlier.cpuNanos) / (wall * 1e6);
    }

    /**
     * @param earlier the first sample
     * @return the callback thread's CPU as percent of one core; NaN when unknown
     */
    public double executorCpuPercentSince(NodeStats earlier) {
      long wall = wallMillis - earlier.wallMillis;
      return wall <= 0 || executorCpuNanos < 0 || earlier.executorCpuNanos < 0 ? Double.NaN
          : 100.0 * (executorCpuNanos - earlier.executorCpuNanos) / (wall * 1e6);
    }
  }

  /**
   * Parses a status line.
   *
   * @param line one line of a node process's standard output
   * @return the figures, or null when the line is not a complete status line (other output, or a
   *     line cut short by the process ending)
   */
  public static NodeStats parseStats(String line) {
    if (line == null || !line.startsWith(STATS_PREFIX + " ")) {
      return null;
    }
    Map<String, Long> v = new HashMap<>();
    for (String field : line.substring(STATS_PREFIX.length()).trim().split("\\s+")) {
      int eq = field.indexOf('=');
      if (eq <= 0) {
        return null;
      }
      try {
        v.put(field.substring(0, eq), Long.parseLong(field.substring(eq + 1)));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    String[] keys = {"wall_ms", "cpu_ns", "exec_cpu_ns", "heap_used", "heap_committed", "gc_ms"};
    for (String k : keys) {
      if (!v.containsKey(k)) {
        return null;
      }
    }
    return new NodeStats(v.get("wall_ms"), v.get("cpu_ns"), v.get("exec_cpu_ns"),
        v.get("heap_used"), v.get("heap_committed"), v.get("gc_ms"),
        v.getOrDefault("verify_cpu_ns", -1L));
  }

  /**
   * Lays a user's parameter file over the generated one: mappings merge key by key, and any other
   * value of the overlay replaces the base's. So {@code synchronizer: ros__parameters: security:
   * enforce} adds one parameter and keeps the generated fleet.
   *
   * @param baseYaml the generated ROS 2 parameter YAML
   * @param overlayYaml the user's, may be empty
   * @return the merged YAML
   * @throws IllegalArgumentException when either is not a YAML mapping
   */
  public static String overlayParams(String baseYaml, String overlayYaml) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    try {
      JsonNode base = yaml.readTree(baseYaml);
      JsonNode overlay = overlayYaml.isBlank() ? yaml.createObjectNode()
          : yaml.readTree(overlayYaml);
      if (!(base instanceof ObjectNode b) || !(overlay instanceof ObjectNode o)) {
        throw new IllegalArgumentException("A ROS 2 parameter file must be a YAML mapping of "
            + "node names.");
      }
      YamlTrees.merge(b, o);
      return yaml.writeValueAsString(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
