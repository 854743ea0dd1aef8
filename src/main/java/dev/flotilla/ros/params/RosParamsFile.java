package dev.flotilla.ros.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ROS 2 parameter file as {@code ros2 run … --ros-args --params-file} reads it:
 *
 * <pre>
 * /**:                 # every node
 *   ros__parameters:
 *     use_sim_time: false
 * synchronizer:        # or /synchronizer, or /namespace/synchronizer
 *   ros__parameters:
 *     heartbeat_timeout: 1.0
 * </pre>
 *
 * Nested maps under {@code ros__parameters} become dotted names ({@code robots.r1.max_speed}), as
 * in rclcpp. A node's parameters are the wildcard's overlaid with its own.
 */
public final class RosParamsFile {
  private static final String PARAMS_KEY = "ros__parameters";
  private final String source;
  private final Map<String, Map<String, JsonNode>> byNode;

  private RosParamsFile(String source, Map<String, Map<String, JsonNode>> byNode) {
    this.source = source;
    this.byNode = byNode;
  }

  /**
   * Reads a parameter file.
   *
   * @param file path of the YAML file
   * @return the parsed file
   * @throws ParamsException when the file is missing, not YAML, or not in the ROS 2 layout
   */
  public static RosParamsFile load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ParamsException(file + ": cannot read parameter file (" + e.getMessage() + ").",
          e);
    }
    return parse(file.toString(), text);
  }

  /**
   * Parses parameter YAML.
   *
   * @param source name used in error messages (usually the file path)
   * @param yaml the file's text
   * @return the parsed file
   */
  public static RosParamsFile parse(String source, String yaml) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr();
      throw new ParamsException(source + ": not valid YAML" + where + " ("
          + e.getOriginalMessage() + ").", e);
    }
    Map<String, Map<String, JsonNode>> byNode = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new RosParamsFile(source, byNode);
    }
    if (!root.isObject()) {
      throw new ParamsException(source + ": the top level must map node names to "
          + PARAMS_KEY + ".");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> node = it.next();
      JsonNode params = node.getValue().get(PARAMS_KEY);
      if (!node.getValue().isObject() || params == null || node.getValue().size() != 1) {
        throw new ParamsException(source + ": node '" + node.getKey() + "' must contain exactly "
            + "one key, '" + PARAMS_KEY + "'.");
      }
      if (!params.isObject()) {
        throw new ParamsException(source + ": " + node.getKey() + "." + PARAMS_KEY
            + " must be a map of parameter names to values.");
      }
      Map<String, JsonNode> flat = new LinkedHashMap<>();
      flatten("", params, flat);
      byNode.put(normalise(node.getKey()), flat);
    }
    return new RosParamsFile(source, byNode);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue().isObject()) {
        flatten(key, e.getValue(), out);
      } else {
        out.put(key, e.getValue());
      }
    }
  }

  private static String normalise(String nodeKey) {
    return nodeKey.startsWith("/") ? nodeKey : "/" + nodeKey;
  }

  /** @return the name used in error messages */
  public String source() {
    return source;
  }

  /**
   * The parameters of one node: the {@code /**} wildcard's, overlaid with those under the node's
   * name (bare, with a leading slash, or fully qualified with its namespace).
   *
   * @param namespace node namespace, e.g. {@code /} or {@code /fleet_a}
   * @param nodeName node name, e.g. {@code allocator}
   * @return a reader that validates each parameter as the node asks for it
   */
  public ParamReader forNode(String namespace, String nodeName) {
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    merged.putAll(byNode.getOrDefault("/**", Map.of()));
    merged.putAll(byNode.getOrDefault("/" + nodeName, Map.of()));
    String ns = namespace.equals("/") ? "" : namespace;
    merged.putAll(byNode.getOrDefault(ns + "/" + nodeName, Map.of()));
    return new ParamReader(source, nodeName, merged);
  }
}
