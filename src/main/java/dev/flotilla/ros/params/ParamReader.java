package dev.flotilla.ros.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one node's parameters with validation, remembering which keys were used so that
 * {@link #finish()} can reject unknown (usually misspelt) keys. Every error names the file and the
 * qualified key, e.g. {@code params/fleet.yaml: allocator.alpha must be a number, got "x"}.
 */
public final class ParamReader {
  /** Parameters every ROS 2 node accepts, even when Flotilla does not use them. */
  private static final Set<String> ROS_STANDARD = Set.of("use_sim_time");

  private final String source;
  private final String node;
  private final Map<String, JsonNode> values;
  private final Set<String> used = new HashSet<>();
  /** Every typed parameter read so far with its effective value (given or default). */
  private final Map<String, JsonNode> declared = new LinkedHashMap<>();

  ParamReader(String source, String node, Map<String, JsonNode> values) {
    this.source = source;
    this.node = node;
    this.values = values;
  }

  /**
   * A reader over given values, e.g. a node's declared parameters with a change laid over them,
   * to validate the change with the very code that validated the file.
   *
   * @param source name the error messages start with (usually the parameter file)
   * @param node node name for error messages
   * @param values dotted parameter names to values
   * @return the reader
   */
  public static ParamReader of(String source, String node, Map<String, JsonNode> values) {
    return new ParamReader(source, node, Map.copyOf(values));
  }

  /**
   * The parameters read so far through the typed getters, each with the value the node uses
   * (the file's, or the default), in the order they were read: what rclcpp calls the node's
   * declared parameters.
   *
   * @return names to values (numbers as doubles or longs, booleans, strings, string arrays)
   */
  public Map<String, JsonNode> declared() {
    return Collections.unmodifiableMap(declared);
  }

  /** @return the node name these parameters belong to */
  public String node() {
    return node;
  }

  /**
   * A reader with no file behind it: every parameter takes its default.
   *
   * @param node node name for error messages
   * @return an empty reader
   */
  public static ParamReader empty(String node) {
    return new ParamReader("(defaults)", node, Map.of());
  }

  private ParamsException error(String key, String what) {
    return new ParamsException(source + ": " + node + "." + key + " " + what);
  }

  private JsonNode take(String key) {
    used.add(key);
    return values.get(key);
  }

  /**
   * @param key parameter name
   * @param fallback value when absent
   * @param min smallest accepted value
   * @param max largest accepted value
   * @return the value, checked to be a finite number within [min, max]
   */
  public double number(String key, double fallback, double min, double max) {
    JsonNode v = take(key);
    double d = fallback;
    if (v != null) {
      if (!v.isNumber()) {
        throw error(key, "must be a number, got " + v + ".");
      }
      d = v.asDouble();
    }
    if (!Double.isFinite(d) || d < min || d > max) {
      throw error(key, "must be within [" + min + ", " + max + "], got " + d + ".");
    }
    declared.put(key, DoubleNode.valueOf(d));
    return d;
  }

  /**
   * @param key parameter name
   * @param fallback value when absent
   * @param min smallest accepted value
   * @param max largest accepted value
   * @return the value, checked to be an integer within [min, max]
   */
  public long integer(String key, long fallback, long min, long max) {
    JsonNode v = take(key);
    long n = fallback;
    if (v != null) {
      if (!v.isIntegralNumber()) {
        throw error(key, "must be an integer, got " + v + ".");
      }
      n = v.asLong();
    }
    if (n < min || n > max) {
      throw error(key, "must be within [" + min + ", " + max + "], got " + n + ".");
    }
    declared.put(key, LongNode.valueOf(n));
    return n;
  }

  /**
   * @param key parameter name
   * @param fallback value when absent
   * @return the value, checked to be a boolean
   */
  public boolean bool(String key, boolean fallback) {
    JsonNode v = take(key);
    if (v != null && !v.isBoolean()) {
      throw error(key, "must be true or false, got " + v + ".");
    }
    boolean b = v == null ? fallback : v.asBoolean();
    declared.put(key, BooleanNode.valueOf(b));
    return b;
  }

  /**
   * @param key parameter name
   * @param fallback value when absent
   * @param allowed accepted values; empty means any non-blank string
   * @return the value
   */
  public String string(String key, String fallback, Set<String> allowed) {
    JsonNode v = take(key);
    String s = fallback;
    if (v != null) {
      if (!v.isTextual()) {
        throw error(key, "must be a string, got " + v + ".");
      }
      s = v.asText();
    }
    if (!allowed.isEmpty() && !allowed.contains(s)) {
      throw error(key, "must be one of " + new TreeSet<>(allowed) + ", got \"" + s + "\".");
    }
    declared.put(key, TextNode.valueOf(s));
    return s;
  }

  /**
   * @param key parameter name
   * @param fallback value when absent
   * @return the list, checked to hold only non-blank strings
   */
  public List<String> strings(String key, List<String> fallback) {
    JsonNode v = take(key);
    if (v == null) {
      declared.put(key, textArray(fallback));
      return fallback;
    }
    if (!v.isArray()) {
      throw error(key, "must be a list of strings, got " + v + ".");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual() || e.asText().isBlank()) {
        throw error(key, "must hold only non-blank strings, got " + e + ".");
      }
      out.add(e.asText());
    }
    declared.put(key, textArray(out));
    return List.copyOf(out);
  }

  private static ArrayNode textArray(List<String> strings) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    strings.forEach(a::add);
    return a;
  }

  /**
   * Names of the maps nested under a prefix, e.g. the robot ids under {@code robots}.
   *
   * @param prefix dotted parameter prefix
   * @return the distinct next name segments, in file order
   */
  public List<String> children(String prefix) {
    Set<String> names = new LinkedHashSet<>();
    String p = prefix + ".";
    for (String key : values.keySet()) {
      if (key.startsWith(p)) {
        String rest = key.substring(p.length());
        int dot = rest.indexOf('.');
        names.add(dot < 0 ? rest : rest.substring(0, dot));
      }
    }
    return List.copyOf(names);
  }

  /** @return the parameter file's name, for error messages */
  public String source() {
    return source;
  }

  /**
   * Resolves a path given in the file: relative paths are relative to the file's folder, as a
   * user reading the file would expect.
   *
   * @param value the path as written
   * @return the resolved path
   * @throws ParamsException when the value cannot be a path (e.g. it holds a NUL character)
   */
  public Path resolve(String value) {
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw new ParamsException(source + ": \"" + value + "\" is not a valid path ("
          + e.getReason() + ").", e);
    }
    Path file = Path.of(source);
    try {
      // A linked parameter file means its target's folder, as a user reading it would expect.
      file = file.toRealPath();
    } catch (IOException | RuntimeException e) {
      file = file.toAbsolutePath();
    }
    Path folder = file.getParent();
    return path.isAbsolute() || folder == null || !Files.isDirectory(folder)
        ? path : folder.resolve(path);
  }

  /**
   * Rejects keys nobody asked for: a misspelt parameter must not silently fall back to its
   * default.
   *
   * @throws ParamsException naming the first unknown key
   */
  public void finish() {
    for (String key : values.keySet()) {
      if (!used.contains(key) && !ROS_STANDARD.contains(key)) {
        throw error(key, "is not a parameter of " + node + ".");
      }
    }
  }
}
