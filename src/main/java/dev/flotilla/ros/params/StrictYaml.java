package dev.flotilla.ros.params;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads parameter YAML the way ROS 2 does, refusing what Jackson would otherwise misread:
 *
 * <ul>
 *   <li><b>Aliases are refused</b> ({@code state_dir: *journal}, {@code <<: *defaults}). Jackson's
 *       YAML reader returns an alias as the string of its anchor's name, so {@code *journal}
 *       silently became {@code "journal"}. ROS 2's own parser ({@code rcl_yaml_param_parser},
 *       {@code parse_file_events}) stops at {@code YAML_ALIAS_EVENT} with "Will not support
 *       aliasing at line N", so a file that uses aliases cannot be given to {@code ros2 run}
 *       either; refusing keeps one file valid for both and needs no alias-expansion guard
 *       (nothing is expanded: the reader is linear in the text). Anchors alone ({@code &x}) are
 *       harmless and accepted, as rcl does.
 *   <li><b>Duplicate keys are refused</b> ({@code robots: {r1: …, r1: …}}): the second silently
 *       replaced the first. YAML 1.2 requires unique keys.
 * </ul>
 *
 * Every error names the source, the line and the key, e.g. {@code fleet.yaml: line 12:
 * /**.robots.r1 appears twice (first at line 4)}.
 *
 * @param root the document's tree; null for an empty document
 * @param topLevelLines the line of each top-level key, in file order
 */
record StrictYaml(JsonNode root, Map<String, Integer> topLevelLines) {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  /**
   * Parses and checks a document.
   *
   * @param source file name for messages
   * @param text the YAML text
   * @return the tree with the top-level keys' lines
   * @throws ParamsException naming the file, line and key of an alias or duplicate key, or the
   *     line and column of a syntax error
   */
  static StrictYaml read(String source, String text) {
    Map<String, Integer> topLevel = new LinkedHashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      scan(source, p, topLevel);
      return new StrictYaml(MAPPER.readTree(text), Collections.unmodifiableMap(topLevel));
    } catch (JsonProcessingException e) {
      throw new ParamsException(syntaxError(source, e), e);
    } catch (IOException e) {
      throw new ParamsException(source + ": cannot read YAML (" + e.getMessage() + ").", e);
    }
  }

  /**
   * One line: SnakeYAML's own message spans several lines with a caret drawing, so the problem
   * and its mark are taken from it when available.
   */
  private static String syntaxError(String source, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      return source + ": not valid YAML at line " + (m.getProblemMark().getLine() + 1)
          + ", column " + (m.getProblemMark().getColumn() + 1) + " (" + m.getProblem() + ").";
    }
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
    int newline = detail.indexOf('\n');
    return source + ": not valid YAML" + where + " ("
        + (newline < 0 ? detail : detail.substring(0, newline).strip()) + ").";
  }

  /** One open mapping (keys with their lines) or sequence (null keys) and its path. */
  private record Frame(Map<String, Integer> keys, List<String> path) {}

  private static void scan(String source, JsonParser p, Map<String, Integer> topLevel)
      throws IOException {
    Deque<Frame> open = new ArrayDeque<>();
    String pendingKey = null;
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      int line = p.currentTokenLocation().getLineNr();
      if (p instanceof YAMLParser y && y.isCurrentAlias()) {
        throw new ParamsException(source + ": line " + line + ": " + where(open, pendingKey, t)
            + " uses the YAML alias *" + p.getText() + "; aliases are not supported (ROS 2's "
            + "parameter parser refuses them too): write the value out.");
      }
      switch (t) {
        case START_OBJECT, START_ARRAY -> {
          List<String> path = new ArrayList<>(open.isEmpty() ? List.of() : open.peek().path());
          if (pendingKey != null) {
            path.add(pendingKey);
          }
          open.push(new Frame(t == JsonToken.START_OBJECT ? new HashMap<>() : null, path));
          pendingKey = null;
        }
        case END_OBJECT, END_ARRAY -> {
          open.pop();
          pendingKey = null;
        }
        case FIELD_NAME -> {
          String key = p.currentName();
          Frame f = open.peek();
          Integer first = f.keys().putIfAbsent(key, line);
          if (first != null) {
            throw new ParamsException(source + ": line " + line + ": " + dotted(f.path(), key)
                + " appears twice (first at line " + first + "); YAML keys must be unique.");
          }
          if (open.size() == 1) {
            topLevel.put(key, line);
          }
          pendingKey = key;
        }
        default -> pendingKey = null;
      }
    }
  }

  private static String where(Deque<Frame> open, String pendingKey, JsonToken t) {
    List<String> path = open.isEmpty() ? List.of() : open.peek().path();
    if (t == JsonToken.FIELD_NAME) {
      return "a key of " + (path.isEmpty() ? "the top level" : dotted(path, null));
    }
    return pendingKey == null ? (path.isEmpty() ? "the document" : dotted(path, null))
        : dotted(path, pendingKey);
  }

  /** {@code [allocator, ros__parameters, robots] + r1} → {@code allocator.robots.r1}. */
  static String dotted(List<String> path, String key) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      if (!(i == 1 && path.get(i).equals("ros__parameters"))) {
        parts.add(path.get(i));
      }
    }
    if (key != null && !(path.size() == 1 && key.equals("ros__parameters"))) {
      parts.add(key);
    }
    return String.join(".", parts);
  }
}
