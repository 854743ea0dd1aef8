package dev.flotilla.ros.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>The file is read strictly ({@link StrictYaml}: no aliases, no duplicate keys), and every
 * top-level section must be one a Flotilla program reads ({@link #NODE_SECTIONS}, bare, with a
 * leading slash or under a namespace) or a wildcard ({@code /**}, {@code /*}): a misspelt
 * {@code allocatr:} section would otherwise be ignored and its node run on defaults.
 */
public final class RosParamsFile {
  /**
   * The node sections Flotilla's programs read: the three fleet nodes and the robot agent
   * ({@code NodeHost}), {@code sim} ({@code flotilla sim}) and {@code demo} (the demo and bag
   * replay scenarios). The launch loader writes its overlays under these names too.
   */
  public static final Set<String> NODE_SECTIONS = Collections.unmodifiableSet(new LinkedHashSet<>(
      List.of("planner", "allocator", "synchronizer", "agent", "sim", "demo")));
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
    return parse(file.toString(), readText(file));
  }

  /**
   * Reads a parameter file's text with a plain sentence for every way that can fail.
   *
   * @param file the file
   * @return its UTF-8 text
   * @throws ParamsException when it is missing, a directory, unreadable or not UTF-8
   */
  public static String readText(Path file) {
    if (Files.isDirectory(file)) {
      throw new ParamsException(file + ": is a directory, not a parameter file.");
    }
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ParamsException(file + ": the parameter file does not exist.", e);
    } catch (CharacterCodingException e) {
      throw new ParamsException(file + ": the parameter file is not UTF-8 text.", e);
    } catch (IOException e) {
      throw new ParamsException(file + ": cannot read the parameter file (" + e + ").", e);
    }
  }

  /**
   * Parses parameter YAML.
   *
   * @param source name used in error messages (usually the file path)
   * @param yaml the file's text
   * @return the parsed file
   */
  public static RosParamsFile parse(String source, String yaml) {
    StrictYaml doc = StrictYaml.read(source, yaml);
    JsonNode root = doc.root();
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
      int line = doc.topLevelLines().getOrDefault(node.getKey(), 0);
      checkSection(source, line, node.getKey());
      JsonNode params = node.getValue().get(PARAMS_KEY);
      if (!node.getValue().isObject() || params == null || node.getValue().size() != 1) {
        throw new ParamsException(source + ": node '" + node.getKey() + "' must contain exactly "
            + "one key, '" + PARAMS_KEY + "'.");
      }
      if (!params.isObject()) {
        throw new ParamsException(source + ": " + node.getKey() + "." + PARAMS_KEY
            + " must be a map of parameter names to values.");
      }
      // `allocator` and `/allocator` are one node for ROS 2: their parameters merge.
      Map<String, JsonNode> flat =
          byNode.computeIfAbsent(normalise(node.getKey()), k -> new LinkedHashMap<>());
      Map<String, JsonNode> own = new LinkedHashMap<>();
      flatten(source, node.getKey(), "", params, own);
      flat.putAll(own);
    }
    return new RosParamsFile(source, byNode);
  }

  /**
   * Refuses a section no Flotilla program reads, naming the file, line and key.
   *
   * @param source file name
   * @param line the key's line
   * @param key the section as written ({@code allocator}, {@code /fleet_a/allocator}, {@code /**})
   */
  private static void checkSection(String source, int line, String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    if (name.equals("**") || name.equals("*") || NODE_SECTIONS.contains(name)) {
      return;
    }
    throw new ParamsException(source + ": " + (line > 0 ? "line " + line + ": " : "") + "'" + key
        + "' is not a node Flotilla runs; the sections are /** and " + NODE_SECTIONS + ".");
  }

  /** Dotted names; {@code a.b: 1} beside {@code a: {b: 2}} is one parameter written twice. */
  private static void flatten(String source, String node, String prefix, JsonNode tree,
      Map<String, JsonNode> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue().isObject()) {
        flatten(source, node, key, e.getValue(), out);
      } else if (out.putIfAbsent(key, e.getValue()) != null) {
        throw new ParamsException(source + ": " + node + "." + key + " is written twice (once "
            + "with dots in its name, once nested).");
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
