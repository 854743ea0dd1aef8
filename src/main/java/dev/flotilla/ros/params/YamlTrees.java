package dev.flotilla.ros.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Operations on parsed YAML parameter trees. */
public final class YamlTrees {
  private YamlTrees() {}

  /**
   * Deep merge, as ROS 2 combines parameter files: mappings present in both are merged key by
   * key, anything else in {@code from} replaces what {@code into} has. O(size of {@code from}).
   *
   * @param into the tree that is changed
   * @param from the tree laid over it (copied, not shared)
   */
  public static void merge(ObjectNode into, ObjectNode from) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = into.get(e.getKey());
      if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
        merge(o, n);
      } else {
        into.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }
}
