package dev.flotilla.bag.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flotilla.bag.meta.OfferedQos.RmwTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the {@code offered_qos_profiles} string rosbag2 keeps per topic in
 * metadata.yaml, the SQLite {@code topics} table and MCAP channel metadata: a YAML sequence of
 * profiles. Metadata versions up to 8 write the policies as rmw's enum numbers, 9 on as rmw's
 * names (rosbag2_storage/src/rosbag2_storage/qos.cpp); reading takes either. The writer
 * reproduces yaml-cpp's block layout so a bag's strings look like rosbag2's own. O(text size).
 */
public final class OfferedQosYaml {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String[] HISTORY = {"system_default", "keep_last", "keep_all", "unknown"};
  private static final String[] RELIABILITY = {"system_default", "reliable", "best_effort",
      "unknown", "best_available"};
  private static final String[] DURABILITY = {"system_default", "transient_local", "volatile",
      "unknown", "best_available"};
  private static final String[] LIVELINESS = {"system_default", "automatic", "manual_by_node",
      "manual_by_topic", "unknown", "best_available"};

  private OfferedQosYaml() {}

  /**
   * Formats profiles as rosbag2 does for a metadata version.
   *
   * @param profiles the profiles (empty gives "")
   * @param version metadata version: up to 8 numbers, 9 on names
   * @return the YAML text
   */
  public static String format(List<OfferedQos> profiles, int version) {
    StringBuilder b = new StringBuilder();
    for (OfferedQos q : profiles) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append("- history: ").append(policy(HISTORY, q.history(), version)).append('\n');
      b.append("  depth: ").append(q.depth()).append('\n');
      b.append("  reliability: ").append(policy(RELIABILITY, q.reliability(), version))
          .append('\n');
      b.append("  durability: ").append(policy(DURABILITY, q.durability(), version))
          .append('\n');
      time(b, "deadline", q.deadline());
      time(b, "lifespan", q.lifespan());
      b.append("  liveliness: ").append(policy(LIVELINESS, q.liveliness(), version))
          .append('\n');
      time(b, "liveliness_lease_duration", q.livelinessLeaseDuration());
      b.append("  avoid_ros_namespace_conventions: ").append(q.avoidRosNamespaceConventions());
    }
    return b.toString();
  }

  private static String policy(String[] names, String name, int version) {
    if (version >= 9) {
      return name;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return Integer.toString(i);
      }
    }
    return Integer.toString(indexOf(names, "unknown"));
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return 0;
  }

  private static void time(StringBuilder b, String key, RmwTime t) {
    b.append("  ").append(key).append(":\n    sec: ").append(t.sec()).append("\n    nsec: ")
        .append(t.nsec()).append('\n');
  }

  /**
   * Parses an {@code offered_qos_profiles} string of any metadata version.
   *
   * @param text the YAML ("" or blank for none)
   * @param source what it came from, for errors (file and topic)
   * @return the profiles, in order
   * @throws MetadataFormatException when the text is not such a sequence
   */
  public static List<OfferedQos> parse(String text, String source)
      throws MetadataFormatException {
    List<OfferedQos> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MetadataFormatException(source, "offered_qos_profiles", "not valid YAML at line "
          + e.getLocation().getLineNr());
    }
    if (root == null || root.isNull()) {
      return out;
    }
    if (!root.isArray()) {
      throw new MetadataFormatException(source, "offered_qos_profiles", "expected a sequence of "
          + "QoS profiles");
    }
    for (int i = 0; i < root.size(); i++) {
      JsonNode p = root.get(i);
      String f = "offered_qos_profiles[" + i + "].";
      if (!p.isObject()) {
        throw new MetadataFormatException(source, f.substring(0, f.length() - 1),
            "expected a mapping");
      }
      out.add(new OfferedQos(policy(p, HISTORY, source, f + "history"),
          number(p.get("depth"), source, f + "depth"),
          policy(p, RELIABILITY, source, f + "reliability"),
          policy(p, DURABILITY, source, f + "durability"),
          rmwTime(p.get("deadline"), source, f + "deadline"),
          rmwTime(p.get("lifespan"), source, f + "lifespan"),
          policy(p, LIVELINESS, source, f + "liveliness"),
          rmwTime(p.get("liveliness_lease_duration"), source, f + "liveliness_lease_duration"),
          p.path("avoid_ros_namespace_conventions").asText("false").equals("true")));
    }
    return out;
  }

  private static String policy(JsonNode p, String[] names, String source, String field)
      throws MetadataFormatException {
    String key = field.substring(field.lastIndexOf('.') + 1);
    JsonNode n = p.get(key);
    if (n == null || n.isNull()) {
      return "system_default";
    }
    String s = n.asText().trim().toLowerCase(Locale.ROOT);
    if (s.matches("\\d+")) {
      int i = Integer.parseInt(s);
      if (i >= names.length) {
        throw new MetadataFormatException(source, field, "unknown policy number " + i);
      }
      return names[i];
    }
    for (String name : names) {
      if (name.equals(s)) {
        return name;
      }
    }
    throw new MetadataFormatException(source, field, "unknown policy '" + s + "'");
  }

  private static long number(JsonNode n, String source, String field)
      throws MetadataFormatException {
    if (n == null || n.isNull()) {
      return 0;
    }
    String s = n.asText().trim();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new MetadataFormatException(source, field, "expected an integer");
    }
  }

  private static RmwTime rmwTime(JsonNode n, String source, String field)
      throws MetadataFormatException {
    if (n == null || n.isNull()) {
      return RmwTime.INFINITE;
    }
    return new RmwTime(number(n.get("sec"), source, field + ".sec"),
        number(n.get("nsec"), source, field + ".nsec"));
  }
}
