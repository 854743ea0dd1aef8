package dev.flotilla.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One value of a problem file with the line it starts on and its dotted path, so that every
 * refusal can name the file, the line and the field. Built from Jackson's YAML token stream
 * (linear in the text); aliases and duplicate keys are refused, as the parameter files refuse
 * them, and nesting is bounded.
 *
 * @param value a {@code Map<String, YamlNode>} (in file order), a {@code List<YamlNode>}, a
 *     {@link String}, {@link Number} or {@link Boolean}, or null
 * @param line 1-based line of the value (of its key, for a mapping entry)
 * @param path dotted path from the top, e.g. {@code tasks.t1.duration}; empty for the document
 */
record YamlNode(Object value, int line, String path) {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  /** Deeper nesting than any problem needs; keeps a hostile file from exhausting the stack. */
  private static final int MAX_DEPTH = 16;

  /**
   * Parses a document.
   *
   * @param source file name for messages
   * @param text the YAML text
   * @return the root node (value null for an empty document)
   * @throws ProblemException naming the line of a syntax error, an alias or a duplicate key
   */
  static YamlNode parse(String source, String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new YamlNode(null, 1, "");
      }
      return read(source, p, t, "", 0);
    } catch (JsonProcessingException e) {
      throw new ProblemException(syntaxError(source, e), e);
    } catch (IOException e) {
      throw new ProblemException(source + ": cannot read YAML (" + e.getMessage() + ").", e);
    }
  }

  private static YamlNode read(String source, JsonParser p, JsonToken t, String path, int depth)
      throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      throw new ProblemException(source + ": line " + line + ": " + name(path) + " uses the "
          + "YAML alias *" + p.getText() + "; aliases are not supported: write the value out.");
    }
    if (depth > MAX_DEPTH) {
      throw new ProblemException(source + ": line " + line + ": " + name(path) + " is nested "
          + "deeper than " + MAX_DEPTH + " levels; no problem field is.");
    }
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode> map = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          String child = path.isEmpty() ? key : path + "." + key;
          YamlNode first = map.get(key);
          if (first != null) {
            throw new ProblemException(source + ": line " + keyLine + ": " + child
                + " appears twice (first at line " + first.line() + "); keys must be unique.");
          }
          YamlNode v = read(source, p, p.nextToken(), child, depth + 1);
          map.put(key, new YamlNode(v.value(), keyLine, child));
        }
        return new YamlNode(Collections.unmodifiableMap(map), line, path);
      }
      case START_ARRAY -> {
        List<YamlNode> list = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          list.add(read(source, p, e, path + "[" + list.size() + "]", depth + 1));
        }
        return new YamlNode(Collections.unmodifiableList(list), line, path);
      }
      case VALUE_STRING -> {
        return new YamlNode(p.getText(), line, path);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new YamlNode(p.getNumberValue(), line, path);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YamlNode(t == JsonToken.VALUE_TRUE, line, path);
      }
      default -> {
        return new YamlNode(null, line, path);
      }
    }
  }

  private static String name(String path) {
    return path.isEmpty() ? "the document" : path;
  }

  /** One line: SnakeYAML's own message spans several lines with a caret drawing. */
  private static String syntaxError(String source, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      return source + ": line " + (m.getProblemMark().getLine() + 1) + ": not valid YAML at "
          + "column " + (m.getProblemMark().getColumn() + 1) + " (" + m.getProblem() + ").";
    }
    String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
    String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
    int newline = detail.indexOf('\n');
    return source + ": " + where + "not valid YAML ("
        + (newline < 0 ? detail : detail.substring(0, newline).strip()) + ").";
  }

  /** @return whether this is a mapping */
  boolean isMap() {
    return value instanceof Map;
  }

  /** @return the mapping's entries in file order */
  @SuppressWarnings("unchecked")
  Map<String, YamlNode> map() {
    return (Map<String, YamlNode>) value;
  }

  /** @return the sequence's elements */
  @SuppressWarnings("unchecked")
  List<YamlNode> list() {
    return (List<YamlNode>) value;
  }

  /** @return the value as written, for messages */
  String shown() {
    if (value instanceof String s) {
      return "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"";
    }
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    return String.valueOf(value);
  }
}
