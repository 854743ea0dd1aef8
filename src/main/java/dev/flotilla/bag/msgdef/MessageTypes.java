package dev.flotilla.bag.msgdef;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A closed set of parsed message types, enough to walk one root type and all it references.
 * Built from a bag's schema text, with missing dependencies filled from a
 * {@link MessageDefinitions} registry.
 */
public final class MessageTypes {
  private final Map<String, MsgSpec> specs;

  /**
   * @param specs types by full name ({@code pkg/msg/Type})
   */
  public MessageTypes(Map<String, MsgSpec> specs) {
    this.specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
  }

  /**
   * Parses a ros2msg schema and checks that every referenced type is defined, taking missing
   * ones from {@code fallback}.
   *
   * @param rootType the schema's type name
   * @param schemaText the ros2msg text
   * @param fallback registry for types the schema does not define (may be null)
   * @return the closed set
   * @throws MsgParseException on a syntax error or a type defined nowhere
   */
  public static MessageTypes fromSchema(String rootType, String schemaText,
      MessageDefinitions fallback) {
    Map<String, MsgSpec> specs = new LinkedHashMap<>(MsgParser.parseSchema(rootType,
        schemaText));
    close(MsgParser.fullName(rootType), specs, fallback);
    return new MessageTypes(specs);
  }

  static void close(String root, Map<String, MsgSpec> specs, MessageDefinitions fallback) {
    ArrayDeque<String> todo = new ArrayDeque<>();
    todo.add(root);
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      MsgSpec s = specs.get(t);
      if (s == null && fallback != null) {
        s = fallback.spec(t);
        if (s != null) {
          specs.put(t, s);
        }
      }
      if (s == null) {
        throw new MsgParseException(root, 0, 0, "type '" + t + "' is used but not defined "
            + "in the schema or the known definitions");
      }
      for (MsgField f : s.fields()) {
        if (!f.type().primitive()) {
          todo.add(f.type().baseType());
        }
      }
    }
  }

  /**
   * The spec of a type.
   *
   * @param fullName {@code pkg/msg/Type} (short {@code pkg/Type} is accepted)
   * @return the spec
   * @throws IllegalArgumentException when the type is not in the set
   */
  public MsgSpec get(String fullName) {
    MsgSpec s = specs.get(MsgParser.fullName(fullName));
    if (s == null) {
      throw new IllegalArgumentException("unknown message type '" + fullName + "'");
    }
    return s;
  }

  /** All types, by full name. */
  public Map<String, MsgSpec> all() {
    return specs;
  }
}
