package dev.flotilla.ros.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A running node's parameters as ROS 2's parameter services show them: every parameter the node
 * read at start with the value it uses, which of them may change while it runs, and the change
 * itself. A change is validated by re-building the node's parameters record from the current
 * values with the change laid over them, through the very code that validated the file, so a
 * refused value gets the sentence the file would have got. Parameters not named live are
 * read-only: they shape state built once at start (the fleet, the journal, the algorithm).
 *
 * <p>Not thread-safe: a node uses it on its executor thread only. A change costs one re-build of
 * the record (O(parameters), plus what the record's validation reads, e.g. URDF files).
 *
 * @param <T> the node's parameters record
 */
public final class ParameterTable<T> {
  /** The kinds of value a parameter holds, as rcl_interfaces/msg/ParameterType numbers them. */
  public enum Kind {
    BOOL(1, "a boolean"), INTEGER(2, "an integer"), DOUBLE(3, "a double"),
    STRING(4, "a string"), STRING_ARRAY(9, "a string array");

    /** rcl_interfaces/msg/ParameterType's constant. */
    public final int rosType;
    private final String noun;

    Kind(int rosType, String noun) {
      this.rosType = rosType;
      this.noun = noun;
    }

    /** @return "a double", "an integer", … for sentences */
    public String noun() {
      return noun;
    }

    /**
     * @param value a parameter value
     * @return its kind, or null when it is none a node declares (nested maps, mixed arrays)
     */
    public static Kind of(JsonNode value) {
      if (value == null) {
        return null;
      }
      if (value.isBoolean()) {
        return BOOL;
      }
      if (value.isIntegralNumber()) {
        return INTEGER;
      }
      if (value.isNumber()) {
        return DOUBLE;
      }
      if (value.isTextual()) {
        return STRING;
      }
      if (value.isArray()) {
        for (JsonNode e : value) {
          if (!e.isTextual()) {
            return null;
          }
        }
        return STRING_ARRAY;
      }
      return null;
    }
  }

  /**
   * The outcome of a change.
   *
   * @param params the re-built record when the change was accepted, else null
   * @param reason why it was refused, one sentence; null when accepted
   * @param <T> the record
   */
  public record Outcome<T>(T params, String reason) {
    /** @return whether the change was accepted and applied to the table */
    public boolean accepted() {
      return reason == null;
    }
  }

  private final String source;
  private final String node;
  private final Map<String, JsonNode> values;
  private final Set<String> live;
  private final Function<ParamReader, T> rebuild;

  /**
   * @param source the parameter file's name, as the record was read from it (paths in it resolve
   *     against its folder)
   * @param node node name
   * @param declared every parameter the node read, with its value ({@link ParamReader#declared})
   * @param live the names that may change while the node runs
   * @param rebuild reads the node's record from a reader, as at start (throws
   *     {@link ParamsException} naming the bad value)
   */
  public ParameterTable(String source, String node, Map<String, JsonNode> declared,
      Set<String> live, Function<ParamReader, T> rebuild) {
    this.source = source;
    this.node = node;
    this.values = new LinkedHashMap<>(declared);
    this.live = Set.copyOf(live);
    this.rebuild = rebuild;
  }

  /** @return the node name */
  public String node() {
    return node;
  }

  /** @return every parameter name, in the order the node read them */
  public List<String> names() {
    return List.copyOf(values.keySet());
  }

  /**
   * @param name a parameter name
   * @return its current value, or null when the node has no such parameter
   */
  public JsonNode value(String name) {
    return values.get(name);
  }

  /**
   * @param name a parameter name
   * @return whether it exists and may not change while the node runs
   */
  public boolean readOnly(String name) {
    return !live.contains(name);
  }

  /** @return the current values, read-only view */
  public Map<String, JsonNode> values() {
    return Collections.unmodifiableMap(values);
  }

  /**
   * Checks and applies changes together: all are applied, or none and the first refusal's
   * sentence is returned. An unknown name, a read-only parameter, a value of another kind than the
   * parameter's and a value the node's validation refuses are refused.
   *
   * @param changes names to new values, in the order given
   * @return the re-built record, or the reason of the refusal
   */
  public Outcome<T> set(Map<String, JsonNode> changes) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> c : changes.entrySet()) {
      String problem = check(c.getKey(), c.getValue());
      if (problem != null) {
        problems.add(problem);
      }
    }
    if (!problems.isEmpty()) {
      return new Outcome<>(null, problems.get(0));
    }
    Map<String, JsonNode> next = new LinkedHashMap<>(values);
    next.putAll(changes);
    T params;
    try {
      params = rebuild.apply(ParamReader.of(source, node, next));
    } catch (ParamsException e) {
      return new Outcome<>(null, withoutSource(e.getMessage()));
    } catch (RuntimeException e) {
      return new Outcome<>(null, node + ": the change could not be validated (" + e + ").");
    }
    values.putAll(changes);
    return new Outcome<>(params, null);
  }

  /**
   * Puts values back as they were before an accepted change the node then failed to take, so the
   * table keeps showing what the node uses.
   *
   * @param previous names to the values they had
   */
  public void restore(Map<String, JsonNode> previous) {
    for (Map.Entry<String, JsonNode> e : previous.entrySet()) {
      if (values.containsKey(e.getKey())) {
        values.put(e.getKey(), e.getValue());
      }
    }
  }

  private String check(String name, JsonNode value) {
    JsonNode current = values.get(name);
    if (current == null) {
      return node + "." + name + " is not a parameter of " + node + ".";
    }
    if (!live.contains(name)) {
      return node + "." + name + " is read-only: the node reads it once at start; change it in "
          + "the parameter file and restart the node.";
    }
    Kind want = Kind.of(current);
    Kind got = Kind.of(value);
    if (got != want) {
      return node + "." + name + " is " + want.noun() + ", not "
          + (got == null ? "a value of another type" : got.noun()) + ".";
    }
    return null;
  }

  /** The validation sentence without the file name it starts with: the value came from a set. */
  private String withoutSource(String message) {
    String prefix = source + ": ";
    return message != null && message.startsWith(prefix) ? message.substring(prefix.length())
        : message;
  }
}
