package dev.flotilla.typehash;

import dev.flotilla.bag.msgdef.FieldType;
import dev.flotilla.bag.msgdef.MsgField;
import dev.flotilla.bag.msgdef.MsgParser;
import dev.flotilla.bag.msgdef.MsgSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds {@link TypeDescription}s from parsed {@code .msg} definitions ({@link MsgSpec}), the way
 * {@code rosidl_generator_type_description} builds them from the IDL that {@code rosidl_adapter}
 * makes of a {@code .msg} file:
 *
 * <ul>
 *   <li>fields keep their declaration order; constants and comments are left out;
 *   <li>a message without fields gets the single field {@code uint8
 *       structure_needs_at_least_one_member}, as the IDL of an empty message has;
 *   <li>{@code capacity} is N for {@code T[N]} and {@code T[<=N]}, 0 otherwise;
 *       {@code string_capacity} is N for {@code string<=N}, also inside arrays;
 *   <li>nested type names are {@code pkg/msg/Type} ({@code Header} is
 *       {@code std_msgs/msg/Header}); the referenced types are every type reachable from the
 *       fields, each once, sorted by name.
 * </ul>
 *
 * <p>{@link MsgParser} keeps all of this (array kind and bound, string bound), so no parser of
 * our own is needed. A service event type ({@code pkg/srv/X_Event}) is described from the
 * Request, Response and Event specs that {@link MsgParser#parseSchema} makes of a {@code .srv}
 * text; its {@code service_msgs/msg/ServiceEventInfo} must come from the lookup.
 *
 * <p>Time: O(total fields of the reachable types).
 */
public final class TypeDescriptions {
  /** Name of the placeholder field of an empty message. */
  public static final String EMPTY_STRUCTURE_FIELD = "structure_needs_at_least_one_member";

  private TypeDescriptions() {}

  /**
   * The description of one type alone.
   *
   * @param typeName full name the description carries ({@code pkg/msg/Type})
   * @param spec the parsed definition
   * @return the description
   */
  public static IndividualTypeDescription individual(String typeName, MsgSpec spec) {
    List<FieldDescription> fields = new ArrayList<>(spec.fields().size());
    for (MsgField f : spec.fields()) {
      fields.add(new FieldDescription(f.name(), fieldType(typeName, f), f.defaultValue()));
    }
    if (fields.isEmpty()) {
      fields.add(new FieldDescription(EMPTY_STRUCTURE_FIELD,
          new FieldTypeDescription(FieldTypeIds.UINT8, 0, 0, ""), ""));
    }
    return new IndividualTypeDescription(typeName, fields);
  }

  /**
   * The description of a field's type.
   *
   * @param typeName the type that declares the field, for messages
   * @param field the field
   * @return the field type description
   * @throws IllegalArgumentException when the field's type has no REP-2011 id
   */
  public static FieldTypeDescription fieldType(String typeName, MsgField field) {
    FieldType t = field.type();
    int id;
    try {
      id = FieldTypeIds.of(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Field '" + field.name() + "' of " + typeName + ": "
          + e.getMessage(), e);
    }
    int capacity = switch (t.array()) {
      case FIXED, BOUNDED -> t.arrayLength();
      case NONE, UNBOUNDED -> 0;
    };
    String nested = t.primitive() ? "" : MsgParser.fullName(t.baseType());
    return new FieldTypeDescription(id, capacity, t.primitive() ? t.stringBound() : 0, nested);
  }

  /**
   * The full description of a type: the type and every type it refers to.
   *
   * @param type {@code pkg/msg/Type} (or {@code pkg/Type})
   * @param lookup the definition of a full type name, or null when unknown
   * @return the description
   * @throws IllegalArgumentException when the type or a type it needs is unknown
   */
  public static TypeDescription of(String type, Function<String, MsgSpec> lookup) {
    String root = MsgParser.fullName(type);
    MsgSpec rootSpec = lookup.apply(root);
    if (rootSpec == null) {
      throw new IllegalArgumentException("Type " + root + " is not defined.");
    }
    IndividualTypeDescription top = individual(root, rootSpec);
    Map<String, IndividualTypeDescription> referenced = new TreeMap<>();
    Deque<IndividualTypeDescription> todo = new ArrayDeque<>();
    todo.push(top);
    while (!todo.isEmpty()) {
      IndividualTypeDescription d = todo.pop();
      for (FieldDescription f : d.fields()) {
        String nested = f.type().nestedTypeName();
        if (nested.isEmpty() || referenced.containsKey(nested)) {
          continue;
        }
        MsgSpec spec = lookup.apply(nested);
        if (spec == null) {
          throw new IllegalArgumentException("Type " + nested + ", needed by field '" + f.name()
              + "' of " + d.typeName() + ", is not defined.");
        }
        IndividualTypeDescription nd = individual(nested, spec);
        referenced.put(nested, nd);
        todo.push(nd);
      }
    }
    return new TypeDescription(top, new ArrayList<>(referenced.values()));
  }

  /**
   * The full description of a type from a map of definitions.
   *
   * @param type {@code pkg/msg/Type} (or {@code pkg/Type})
   * @param definitions definitions by full type name
   * @return the description
   * @throws IllegalArgumentException when the type or a type it needs is missing from the map
   */
  public static TypeDescription of(String type, Map<String, MsgSpec> definitions) {
    return of(type, definitions::get);
  }
}
