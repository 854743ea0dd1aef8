package dev.flotilla.bag.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and writes rosbag2 metadata: the metadata.yaml file (top key
 * {@code rosbag2_bagfile_information}) and the same document without the top key, as rosbag2
 * stores it in MCAP metadata ({@code serialized_metadata}) and the SQLite {@code metadata} table.
 * Keys are written in rosbag2's order. O(size of the document).
 */
public final class MetadataYaml {
  /** Top-level key of metadata.yaml. */
  public static final String TOP_KEY = "rosbag2_bagfile_information";

  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  /** Largest metadata.yaml read (16 MiB; rosbag2's are a few KB per topic and file). */
  public static final long MAX_BYTES = 16L << 20;

  private MetadataYaml() {}

  /**
   * The parser's one-line reason, without the excerpt of the document it normally quotes: the
   * file may not be a metadata.yaml at all, and its content is never echoed.
   */
  static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
      return m.getProblem();
    }
    String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl);
  }

  /**
   * Reads a metadata.yaml file.
   *
   * @param file the file
   * @return the metadata
   * @throws IOException when unreadable, over {@link #MAX_BYTES}, or a required field is missing or
   *     mistyped
   */
  public static BagMetadata read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new MetadataFormatException(file.toString(), "(document)", size
          + " bytes, over the limit of " + MAX_BYTES + " for a metadata.yaml");
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses metadata text, with or without the top key.
   *
   * @param yaml the document
   * @param source name used in errors
   * @return the metadata
   * @throws MetadataFormatException when the document is invalid
   */
  public static BagMetadata parse(String yaml, String source) throws MetadataFormatException {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      int line = e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null
          ? m.getProblemMark().getLine() + 1
          : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new MetadataFormatException(source, "(document)", "not valid YAML at line " + line
          + ": " + problem(e));
    }
    if (root == null || !root.isObject()) {
      throw new MetadataFormatException(source, "(document)", "expected a mapping");
    }
    JsonNode info = root.has(TOP_KEY) ? root.get(TOP_KEY) : root;
    String p = root.has(TOP_KEY) ? TOP_KEY + "." : "";
    Reader r = new Reader(source);
    int version = (int) r.num(info, p, "version", true);
    List<String> paths = new ArrayList<>();
    for (JsonNode n : r.list(info, p, "relative_file_paths")) {
      paths.add(n.asText());
    }
    List<TopicMessageCount> topics = new ArrayList<>();
    int i = 0;
    for (JsonNode t : r.list(info, p, "topics_with_message_count")) {
      String tp = p + "topics_with_message_count[" + i++ + "].";
      JsonNode tm = r.obj(t, tp, "topic_metadata");
      String mp = tp + "topic_metadata.";
      JsonNode qos = tm.get("offered_qos_profiles");
      String qosText = qos == null || qos.isNull() ? "" : qos.isTextual() ? qos.asText()
          : toYaml(qos);
      topics.add(new TopicMessageCount(new TopicMetadata(r.str(tm, mp, "name", true),
          r.str(tm, mp, "type", true), r.str(tm, mp, "serialization_format", true), qosText,
          r.str(tm, mp, "type_description_hash", false)), r.num(t, tp, "message_count", true)));
    }
    List<BagFileInfo> files = new ArrayList<>();
    i = 0;
    for (JsonNode f : r.list(info, p, "files")) {
      String fp = p + "files[" + i++ + "].";
      files.add(new BagFileInfo(r.str(f, fp, "path", true),
          r.num(r.obj(f, fp, "starting_time"), fp + "starting_time.", "nanoseconds_since_epoch",
              true),
          r.num(r.obj(f, fp, "duration"), fp + "duration.", "nanoseconds", true),
          r.num(f, fp, "message_count", true)));
    }
    Map<String, String> custom = new LinkedHashMap<>();
    JsonNode cd = info.get("custom_data");
    if (cd != null && cd.isObject()) {
      cd.fields().forEachRemaining(e -> custom.put(e.getKey(), e.getValue().asText()));
    }
    return new BagMetadata(version, r.str(info, p, "storage_identifier", true), paths,
        r.num(r.obj(info, p, "duration"), p + "duration.", "nanoseconds", true),
        r.num(r.obj(info, p, "starting_time"), p + "starting_time.", "nanoseconds_since_epoch",
            true),
        r.num(info, p, "message_count", true), topics, r.str(info, p, "compression_format", false),
        r.str(info, p, "compression_mode", false), files, custom,
        r.str(info, p, "ros_distro", false));
  }

  /** Field access that names the source and dotted field path in every error. */
  private record Reader(String source) {
    JsonNode obj(JsonNode parent, String prefix, String key) throws MetadataFormatException {
      JsonNode n = parent.get(key);
      if (n == null || !n.isObject()) {
        throw new MetadataFormatException(source, prefix + key, n == null ? "missing"
            : "expected a mapping");
      }
      return n;
    }

    Iterable<JsonNode> list(JsonNode parent, String prefix, String key)
        throws MetadataFormatException {
      JsonNode n = parent.get(key);
      if (n == null || n.isNull()) {
        return List.of();
      }
      if (!n.isArray()) {
        throw new MetadataFormatException(source, prefix + key, "expected a list");
      }
      return n;
    }

    String str(JsonNode parent, String prefix, String key, boolean required)
        throws MetadataFormatException {
      JsonNode n = parent.get(key);
      if (n == null || n.isNull()) {
        if (required) {
          throw new MetadataFormatException(source, prefix + key, "missing");
        }
        return "";
      }
      if (!n.isValueNode()) {
        throw new MetadataFormatException(source, prefix + key, "expected a string");
      }
      return n.asText();
    }

    long num(JsonNode parent, String prefix, String key, boolean required)
        throws MetadataFormatException {
      JsonNode n = parent.get(key);
      if (n == null || n.isNull()) {
        if (required) {
          throw new MetadataFormatException(source, prefix + key, "missing");
        }
        return 0;
      }
      try {
        return n.isNumber() ? n.longValue() : Long.parseLong(n.asText().trim());
      } catch (NumberFormatException e) {
        throw new MetadataFormatException(source, prefix + key, "expected an integer, got '"
            + n.asText() + "'");
      }
    }
  }

  private static String toYaml(JsonNode n) {
    try {
      return YAML.writeValueAsString(n).trim();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Renders metadata as rosbag2 writes it.
   *
   * @param m the metadata
   * @param withTopKey true for metadata.yaml, false for the serialized form stored in bag files
   * @return the YAML text
   */
  public static String format(BagMetadata m, boolean withTopKey) {
    ObjectNode info = YAML.createObjectNode();
    info.put("version", m.version());
    info.put("storage_identifier", m.storageIdentifier());
    info.putObject("duration").put("nanoseconds", m.duration());
    info.putObject("starting_time").put("nanoseconds_since_epoch", m.startingTime());
    info.put("message_count", m.messageCount());
    ArrayNode topics = info.putArray("topics_with_message_count");
    for (TopicMessageCount t : m.topics()) {
      ObjectNode e = topics.addObject();
      ObjectNode tm = e.putObject("topic_metadata");
      tm.put("name", t.topic().name());
      tm.put("type", t.topic().type());
      tm.put("serialization_format", t.topic().serializationFormat());
      tm.put("offered_qos_profiles", t.topic().offeredQosProfiles());
      tm.put("type_description_hash", t.topic().typeDescriptionHash());
      e.put("message_count", t.messageCount());
    }
    info.put("compression_format", m.compressionFormat());
    info.put("compression_mode", m.compressionMode());
    ArrayNode paths = info.putArray("relative_file_paths");
    m.relativeFilePaths().forEach(paths::add);
    ArrayNode files = info.putArray("files");
    for (BagFileInfo f : m.files()) {
      ObjectNode e = files.addObject();
      e.put("path", f.path());
      e.putObject("starting_time").put("nanoseconds_since_epoch", f.startingTime());
      e.putObject("duration").put("nanoseconds", f.duration());
      e.put("message_count", f.messageCount());
    }
    if (m.customData().isEmpty()) {
      info.putNull("custom_data");
    } else {
      ObjectNode cd = info.putObject("custom_data");
      for (Iterator<Map.Entry<String, String>> it = m.customData().entrySet().iterator();
          it.hasNext(); ) {
        Map.Entry<String, String> e = it.next();
        cd.put(e.getKey(), e.getValue());
      }
    }
    info.put("ros_distro", m.rosDistro());
    JsonNode doc = info;
    if (withTopKey) {
      ObjectNode root = YAML.createObjectNode();
      root.set(TOP_KEY, info);
      doc = root;
    }
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metadata could not be rendered as YAML", e);
    }
  }

  /**
   * Writes metadata.yaml.
   *
   * @param m the metadata
   * @param file destination
   * @throws IOException when the file cannot be written
   */
  public static void write(BagMetadata m, Path file) throws IOException {
    Files.writeString(file, format(m, true), StandardCharsets.UTF_8);
  }
}
