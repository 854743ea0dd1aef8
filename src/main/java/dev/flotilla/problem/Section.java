package dev.flotilla.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one mapping of a problem file field by field, checking type and range, and refuses keys
 * nobody asked for (a misspelt field must not silently take its default). Every refusal is one
 * sentence with the file, the line and the dotted field, e.g. {@code p.yaml: line 7:
 * robots.r1.max_speed must be a number within 0.001..100, got "fast".}
 */
final class Section {
  private final String source;
  private final YamlNode node;
  private final Map<String, YamlNode> entries;
  private final Set<String> known = new TreeSet<>();

  /**
   * @param source file name for messages
   * @param node a mapping, or a null value (an empty section)
   * @throws ProblemException when the node is neither
   */
  Section(String source, YamlNode node) {
    this.source = source;
    this.node = node;
    if (node.value() == null) {
      entries = Map.of();
    } else if (node.isMap()) {
      entries = node.map();
    } else {
      throw error(node, "must be a mapping of fields, got " + node.shown() + ".");
    }
  }

  /** @return the section's own node */
  YamlNode node() {
    return node;
  }

  /** @return the source file name */
  String source() {
    return source;
  }

  /**
   * @param at the node the problem is in
   * @param what the rest of the sentence, e.g. "must be a number, got x."
   * @return the exception, naming file, line and field
   */
  ProblemException error(YamlNode at, String what) {
    String field = at.path().isEmpty() ? "the document" : at.path();
    return new ProblemException(source + ": line " + at.line() + ": " + field + " " + what);
  }

  private YamlNode take(String key) {
    known.add(key);
    YamlNode v = entries.get(key);
    return v == null || v.value() == null ? null : v;
  }

  /** @return whether the key is present with a value */
  boolean has(String key) {
    known.add(key);
    YamlNode v = entries.get(key);
    return v != null && v.value() != null;
  }

  double number(String key, double fallback, double min, double max) {
    YamlNode v = take(key);
    if (v == null) {
      return fallback;
    }
    double d = v.value() instanceof Number n ? n.doubleValue() : Double.NaN;
    if (!(d >= min && d <= max)) {
      throw error(v, "must be a number within " + fmt(min) + ".." + fmt(max) + ", got "
          + v.shown() + ".");
    }
    return d;
  }

  long integer(String key, long fallback, long min, long max) {
    YamlNode v = take(key);
    if (v == null) {
      return fallback;
    }
    boolean whole = v.value() instanceof Integer || v.value() instanceof Long;
    long n = whole ? ((Number) v.value()).longValue() : 0;
    if (!whole || n < min || n > max) {
      throw error(v, "must be a whole number within " + min + ".." + max + ", got " + v.shown()
          + ".");
    }
    return n;
  }

  boolean bool(String key, boolean fallback) {
    YamlNode v = take(key);
    if (v == null) {
      return fallback;
    }
    if (!(v.value() instanceof Boolean b)) {
      throw error(v, "must be true or false, got " + v.shown() + ".");
    }
    return b;
  }

  /**
   * @param allowed accepted values, or empty for any non-blank text
   * @param maxLength longest accepted text
   */
  String string(String key, String fallback, Set<String> allowed, int maxLength) {
    YamlNode v = take(key);
    if (v == null) {
      return fallback;
    }
    if (!(v.value() instanceof String s) || s.isBlank()) {
      throw error(v, "must be a non-blank text, got " + v.shown() + ".");
    }
    if (!allowed.isEmpty() && !allowed.contains(s)) {
      throw error(v, "must be one of " + new TreeSet<>(allowed) + ", got " + v.shown() + ".");
    }
    if (s.length() > maxLength) {
      throw error(v, "is " + s.length() + " characters long; at most " + maxLength
          + " are accepted.");
    }
    return s;
  }

  List<String> strings(String key, int maxCount) {
    YamlNode v = take(key);
    if (v == null) {
      return List.of();
    }
    if (!(v.value() instanceof List)) {
      throw error(v, "must be a list of names, e.g. [camera, lift], got " + v.shown() + ".");
    }
    if (v.list().size() > maxCount) {
      throw error(v, "has " + v.list().size() + " entries; at most " + maxCount
          + " are accepted.");
    }
    List<String> out = new ArrayList<>();
    for (YamlNode e : v.list()) {
      if (!(e.value() instanceof String s) || s.isBlank()) {
        throw error(e, "must be a non-blank name, got " + e.shown() + ".");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  /** @return the node of a field, for a refusal naming its line; the section's own if absent */
  YamlNode field(String key) {
    known.add(key);
    YamlNode v = entries.get(key);
    return v != null ? v : node;
  }

  /** @return the sub-mapping at key, empty when absent */
  Section section(String key) {
    known.add(key);
    YamlNode v = entries.get(key);
    if (v == null) {
      String path = node.path().isEmpty() ? key : node.path() + "." + key;
      return new Section(source, new YamlNode(null, node.line(), path));
    }
    return new Section(source, v);
  }

  /**
   * The entries of a sub-mapping keyed by id (robots, tasks, ...), each itself a mapping.
   *
   * @param maxCount most entries accepted (bounded memory and time)
   */
  Map<String, Section> children(String key, int maxCount) {
    Section s = section(key);
    if (s.entries.size() > maxCount) {
      throw error(s.node, "has " + s.entries.size() + " entries; at most " + maxCount
          + " are accepted.");
    }
    Map<String, Section> out = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : s.entries.entrySet()) {
      s.known.add(e.getKey());
      out.put(e.getKey(), new Section(source, e.getValue()));
    }
    return out;
  }

  /** Refuses the first key nobody read. */
  void finish() {
    for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw error(e.getValue(), "is not a field here; expected one of " + known + ".");
      }
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
        : Double.toString(d);
  }
}
