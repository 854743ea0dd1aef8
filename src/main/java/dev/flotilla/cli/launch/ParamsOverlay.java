package dev.flotilla.cli.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.ros.params.YamlTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The parameter file a node gets when its launch entry has inline {@code <param name value>}s:
 * its {@code <param from>} files merged in order, then the inline values under the node's own
 * key, so they win as in ROS 2. Flotilla nodes take one {@code --params} file and resolve
 * relative paths in it (e.g. {@code ltl_scenario}) against its directory, so the overlay is
 * written beside the first file (a temporary file when there is none) and deleted at stop.
 *
 * @param from the node's {@code param from} files, in order
 * @param nodeKey the node's key in the file ({@code /ns/name} or {@code /name})
 * @param inline inline parameters, values as written (parsed as YAML scalars)
 * @param target where the overlay is written
 */
public record ParamsOverlay(List<Path> from, String nodeKey, Map<String, String> inline,
    Path target) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * Writes the merged file. Each file is first read as a node would read it (no aliases, no
   * duplicate keys, only Flotilla's node sections), so its errors name its own lines rather than
   * the overlay's.
   *
   * @throws LaunchException when a file cannot be read, is not a valid parameter file, or the
   *     overlay cannot be written
   */
  public void write() {
    ObjectNode root = YAML.createObjectNode();
    for (Path f : from) {
      try {
        String text = RosParamsFile.readText(f);
        RosParamsFile.parse(f.toString(), text);
        JsonNode tree = YAML.readTree(text);
        if (tree != null && tree.isObject()) {
          YamlTrees.merge(root, normalisedNodeKeys((ObjectNode) tree));
        } else if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
          throw new LaunchException(f + ": a ROS 2 parameter file must be a YAML map.");
        }
      } catch (ParamsException e) {
        throw new LaunchException(e.getMessage());
      } catch (IOException e) {
        throw new LaunchException(f + ": cannot read parameter file (" + e.getMessage() + ").");
      }
    }
    ObjectNode params = paramsOf(root);
    for (Map.Entry<String, String> p : inline.entrySet()) {
      params.set(p.getKey(), scalar(p.getValue()));
    }
    try {
      Files.writeString(target, YAML.writeValueAsString(root));
    } catch (IOException e) {
      throw new LaunchException("cannot write the parameter overlay " + target + " ("
          + e.getMessage() + ").");
    }
  }

  /** Deletes the written overlay, if any. */
  public void delete() {
    try {
      Files.deleteIfExists(target);
    } catch (IOException e) {
      System.err.println("flotilla launch: could not delete " + target + ": " + e.getMessage());
    }
  }

  /**
   * ROS 2 reads {@code allocator} and {@code /allocator} as the same node, and a later section
   * replaces an earlier one spelled differently; spell all with the slash so they merge.
   */
  private static ObjectNode normalisedNodeKeys(ObjectNode tree) {
    ObjectNode out = YAML.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey().startsWith("/") ? e.getKey() : "/" + e.getKey();
      JsonNode existing = out.get(key);
      if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
        YamlTrees.merge(o, n);
      } else {
        out.set(key, e.getValue());
      }
    }
    return out;
  }

  private ObjectNode paramsOf(ObjectNode root) {
    JsonNode section = root.get(nodeKey);
    if (!(section instanceof ObjectNode)) {
      section = root.putObject(nodeKey);
    }
    JsonNode params = section.get("ros__parameters");
    if (!(params instanceof ObjectNode)) {
      params = ((ObjectNode) section).putObject("ros__parameters");
    }
    return (ObjectNode) params;
  }

  private static JsonNode scalar(String value) {
    try {
      JsonNode n = YAML.readTree(value);
      return n == null || n.isMissingNode() || n.isContainerNode()
          ? YAML.getNodeFactory().textNode(value) : n;
    } catch (IOException e) {
      return YAML.getNodeFactory().textNode(value);
    }
  }
}
