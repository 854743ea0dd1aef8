package dev.flotilla.ros.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flotilla.msgs.rcl_interfaces.ParameterValue;
import dev.flotilla.ros.params.ParameterTable.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between {@code rcl_interfaces/msg/ParameterValue} and the values a
 * {@link dev.flotilla.ros.params.ParameterTable} holds (as the parameter file's YAML gives them).
 */
public final class ParameterValues {
  /** rcl_interfaces/msg/ParameterType: no value (an unknown parameter). */
  public static final byte NOT_SET = 0;
  /** rcl_interfaces/msg/ParameterType constants the tables do not hold. */
  static final byte BYTE_ARRAY = 5;
  static final byte BOOL_ARRAY = 6;
  static final byte INTEGER_ARRAY = 7;
  static final byte DOUBLE_ARRAY = 8;

  private ParameterValues() {}

  /** @return the value of an unknown parameter: type NOT_SET, every field empty */
  public static ParameterValue notSet() {
    return ParameterValue.builder().type(NOT_SET).build();
  }

  /**
   * @param value a table's value, or null for an unknown parameter
   * @return its ROS 2 value (NOT_SET for null or a value no kind fits)
   */
  public static ParameterValue toRos(JsonNode value) {
    Kind kind = Kind.of(value);
    if (kind == null) {
      return notSet();
    }
    ParameterValue.Builder b = ParameterValue.builder().type((byte) kind.rosType);
    switch (kind) {
      case BOOL -> b.boolValue(value.asBoolean());
      case INTEGER -> b.integerValue(value.asLong());
      case DOUBLE -> b.doubleValue(value.asDouble());
      case STRING -> b.stringValue(value.asText());
      case STRING_ARRAY -> {
        List<String> strings = new ArrayList<>();
        value.forEach(e -> strings.add(e.asText()));
        b.stringArrayValue(strings);
      }
      default -> throw new IllegalStateException("Unhandled kind " + kind + ".");
    }
    return b.build();
  }

  /**
   * @param value a ROS 2 value
   * @return the table's value, or null for NOT_SET (a request to delete, which no node allows)
   *     and for an unknown type number
   */
  public static JsonNode fromRos(ParameterValue value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (value.type()) {
      case 1:
        return BooleanNode.valueOf(value.boolValue());
      case 2:
        return LongNode.valueOf(value.integerValue());
      case 3:
        return DoubleNode.valueOf(value.doubleValue());
      case 4:
        return TextNode.valueOf(value.stringValue());
      case BYTE_ARRAY: {
        ArrayNode a = f.arrayNode();
        value.byteArrayValue().forEach(x -> a.add(x & 0xff));
        return a;
      }
      case BOOL_ARRAY: {
        ArrayNode a = f.arrayNode();
        value.boolArrayValue().forEach(a::add);
        return a;
      }
      case INTEGER_ARRAY: {
        ArrayNode a = f.arrayNode();
        value.integerArrayValue().forEach(a::add);
        return a;
      }
      case DOUBLE_ARRAY: {
        ArrayNode a = f.arrayNode();
        value.doubleArrayValue().forEach(a::add);
        return a;
      }
      case 9: {
        ArrayNode a = f.arrayNode();
        value.stringArrayValue().forEach(a::add);
        return a;
      }
      default:
        return null;
    }
  }

  /**
   * @param value a table's value, or null
   * @return its rcl_interfaces/msg/ParameterType number (NOT_SET for null)
   */
  public static byte type(JsonNode value) {
    Kind kind = Kind.of(value);
    return kind == null ? NOT_SET : (byte) kind.rosType;
  }
}
