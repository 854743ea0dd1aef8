package dev.flotilla.typehash;

import dev.flotilla.bag.msgdef.FieldType;
import java.util.Map;

/**
 * The field type ids of {@code type_description_interfaces/msg/FieldType} (REP-2011). An id is
 * an element kind (1 to 22) plus an offset for how the field repeats: {@link #ARRAY_OFFSET} for a
 * fixed array {@code T[N]}, {@link #BOUNDED_SEQUENCE_OFFSET} for {@code T[<=N]} and
 * {@link #UNBOUNDED_SEQUENCE_OFFSET} for {@code T[]}; e.g. {@code float64[36]} is
 * {@code 11 + 48 = 59}.
 *
 * <p>The {@code .msg} primitive names map to the IDL types the way {@code rosidl_adapter} maps
 * them before the hash is computed: {@code float32} is IDL {@code float}, {@code float64} is
 * {@code double}, {@code bool} is {@code boolean}, {@code byte} is {@code octet} and
 * {@code char} is {@code uint8} (not IDL {@code char}).
 */
public final class FieldTypeIds {
  /** Not set. */
  public static final int NOT_SET = 0;
  /** A message type defined in another file. */
  public static final int NESTED_TYPE = 1;
  /** {@code int8}. */
  public static final int INT8 = 2;
  /** {@code uint8} and {@code .msg} {@code char}. */
  public static final int UINT8 = 3;
  /** {@code int16}. */
  public static final int INT16 = 4;
  /** {@code uint16}. */
  public static final int UINT16 = 5;
  /** {@code int32}. */
  public static final int INT32 = 6;
  /** {@code uint32}. */
  public static final int UINT32 = 7;
  /** {@code int64}. */
  public static final int INT64 = 8;
  /** {@code uint64}. */
  public static final int UINT64 = 9;
  /** {@code float32} (IDL {@code float}). */
  public static final int FLOAT = 10;
  /** {@code float64} (IDL {@code double}). */
  public static final int DOUBLE = 11;
  /** IDL {@code long double}; no {@code .msg} spelling. */
  public static final int LONG_DOUBLE = 12;
  /** IDL {@code char}; no {@code .msg} spelling ({@code .msg} char is uint8). */
  public static final int CHAR = 13;
  /** IDL {@code wchar}; no {@code .msg} spelling. */
  public static final int WCHAR = 14;
  /** {@code bool}. */
  public static final int BOOLEAN = 15;
  /** {@code byte} (IDL {@code octet}). */
  public static final int BYTE = 16;
  /** {@code string}. */
  public static final int STRING = 17;
  /** {@code wstring}. */
  public static final int WSTRING = 18;
  /** Fixed-size string; rosidl never produces it. */
  public static final int FIXED_STRING = 19;
  /** Fixed-size wide string; rosidl never produces it. */
  public static final int FIXED_WSTRING = 20;
  /** {@code string<=N}. */
  public static final int BOUNDED_STRING = 21;
  /** {@code wstring<=N}. */
  public static final int BOUNDED_WSTRING = 22;

  /** Added to the element id for {@code T[N]}. */
  public static final int ARRAY_OFFSET = 48;
  /** Added to the element id for {@code T[<=N]}. */
  public static final int BOUNDED_SEQUENCE_OFFSET = 96;
  /** Added to the element id for {@code T[]}. */
  public static final int UNBOUNDED_SEQUENCE_OFFSET = 144;

  private static final Map<String, Integer> PRIMITIVE_IDS = Map.ofEntries(
      Map.entry("bool", BOOLEAN),
      Map.entry("byte", BYTE),
      Map.entry("char", UINT8),
      Map.entry("float32", FLOAT),
      Map.entry("float64", DOUBLE),
      Map.entry("int8", INT8),
      Map.entry("uint8", UINT8),
      Map.entry("int16", INT16),
      Map.entry("uint16", UINT16),
      Map.entry("int32", INT32),
      Map.entry("uint32", UINT32),
      Map.entry("int64", INT64),
      Map.entry("uint64", UINT64),
      Map.entry("string", STRING),
      Map.entry("wstring", WSTRING));

  private FieldTypeIds() {}

  /**
   * The type id of a parsed {@code .msg} field type.
   *
   * @param type the field type
   * @return the id
   * @throws IllegalArgumentException when the base type is not a {@code .msg} primitive
   */
  public static int of(FieldType type) {
    int element;
    if (!type.primitive()) {
      element = NESTED_TYPE;
    } else {
      Integer id = PRIMITIVE_IDS.get(type.baseType());
      if (id == null) {
        throw new IllegalArgumentException("Primitive type '" + type.baseType()
            + "' has no REP-2011 field type id.");
      }
      element = id;
      if (type.stringBound() > 0) {
        if (element == STRING) {
          element = BOUNDED_STRING;
        } else if (element == WSTRING) {
          element = BOUNDED_WSTRING;
        } else {
          throw new IllegalArgumentException("Type '" + type.baseType()
              + "' is not a string but has a bound <=" + type.stringBound() + ".");
        }
      }
    }
    return switch (type.array()) {
      case NONE -> element;
      case FIXED -> element + ARRAY_OFFSET;
      case BOUNDED -> element + BOUNDED_SEQUENCE_OFFSET;
      case UNBOUNDED -> element + UNBOUNDED_SEQUENCE_OFFSET;
    };
  }
}
