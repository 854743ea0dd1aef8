package dev.flotilla.bag.cdr;

import dev.flotilla.bag.msgdef.FieldType;
import dev.flotilla.bag.msgdef.FieldType.ArrayKind;
import dev.flotilla.bag.msgdef.MessageTypes;
import dev.flotilla.bag.msgdef.MsgField;
import dev.flotilla.bag.msgdef.MsgSpec;
import dev.flotilla.cdr.CdrWriter;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Encodes messages given as maps (the shape {@link DynamicCdrDecoder} produces) into XCDR1 with
 * {@link CdrWriter}, driven by the parsed definition. A missing field takes the default value of
 * its definition, or zero / "" / empty; a value of the wrong kind is rejected naming the field
 * path. Time: O(message size).
 */
public final class DynamicCdrEncoder {
  private final MessageTypes types;
  private final MsgSpec root;
  private final ByteOrder order;

  /**
   * @param types the closed set of types
   * @param rootType the type to encode
   * @param order byte order of the output (little endian on every current ROS 2 platform)
   */
  public DynamicCdrEncoder(MessageTypes types, String rootType, ByteOrder order) {
    this.types = types;
    this.root = types.get(rootType);
    this.order = order;
  }

  /**
   * Encodes one message.
   *
   * @param message field values by name
   * @return the payload, encapsulation header first
   * @throws IllegalArgumentException naming the field path when a value does not fit its type
   */
  public byte[] encode(Map<String, ?> message) {
    CdrWriter w = new CdrWriter(order, 256);
    message(w, root, message, root.name());
    return w.toByteArray();
  }

  private void message(CdrWriter w, MsgSpec spec, Map<String, ?> value, String path) {
    if (spec.fields().isEmpty()) {
      w.writeInt8((byte) 0);
      return;
    }
    for (MsgField f : spec.fields()) {
      Object v = value == null ? null : value.get(f.name());
      field(w, f, v, path + "." + f.name());
    }
  }

  private void field(CdrWriter w, MsgField f, Object v, String path) {
    FieldType t = f.type();
    if (!t.isArray()) {
      single(w, t, v == null ? DefaultValues.of(f) : v, path);
      return;
    }
    int n;
    if (v == null) {
      v = DefaultValues.of(f);
    }
    if (v instanceof byte[] b) {
      n = b.length;
    } else if (v instanceof List<?> l) {
      n = l.size();
    } else {
      throw new IllegalArgumentException(path + ": expected a list, got " + kind(v));
    }
    if (t.array() == ArrayKind.FIXED) {
      if (n != t.arrayLength()) {
        throw new IllegalArgumentException(path + ": fixed array needs " + t.arrayLength()
            + " elements, got " + n);
      }
    } else {
      if (t.array() == ArrayKind.BOUNDED && n > t.arrayLength()) {
        throw new IllegalArgumentException(path + ": " + n + " elements exceed the bound "
            + t.arrayLength());
      }
      w.writeSequenceLength(n);
    }
    FieldType e = t.element();
    if (v instanceof byte[] b) {
      if (!t.baseType().equals("uint8") && !t.baseType().equals("byte")) {
        throw new IllegalArgumentException(path + ": byte[] given for " + t.baseType() + "[]");
      }
      w.writeBytes(b);
      return;
    }
    List<?> l = (List<?>) v;
    for (int i = 0; i < n; i++) {
      Object x = l.get(i);
      single(w, e, x == null ? DefaultValues.zero(e) : x, path + "[" + i + "]");
    }
  }

  @SuppressWarnings("unchecked")
  private void single(CdrWriter w, FieldType t, Object v, String path) {
    if (!t.primitive()) {
      if (!(v instanceof Map)) {
        throw new IllegalArgumentException(path + ": expected a " + t.baseType()
            + " message (map), got " + kind(v));
      }
      message(w, types.get(t.baseType()), (Map<String, ?>) v, path);
      return;
    }
    switch (t.baseType()) {
      case "bool" -> {
        if (!(v instanceof Boolean b)) {
          throw new IllegalArgumentException(path + ": expected a bool, got " + kind(v));
        }
        w.writeBool(b);
      }
      case "int8" -> w.writeInt8((byte) integer(v, path, -128, 127));
      case "uint8", "byte", "char" -> w.writeInt8((byte) integer(v, path, 0, 255));
      case "int16" -> w.writeInt16((short) integer(v, path, Short.MIN_VALUE, Short.MAX_VALUE));
      case "uint16" -> w.writeInt16((short) integer(v, path, 0, 0xFFFF));
      case "int32" -> w.writeInt32((int) integer(v, path, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case "uint32" -> w.writeInt32((int) integer(v, path, 0, 0xFFFFFFFFL));
      case "int64" -> w.writeInt64(integer(v, path, Long.MIN_VALUE, Long.MAX_VALUE));
      case "uint64" -> w.writeInt64(uint64(v, path));
      case "float32" -> w.writeFloat32((float) real(v, path));
      case "float64" -> w.writeFloat64(real(v, path));
      case "string" -> {
        if (!(v instanceof String s)) {
          throw new IllegalArgumentException(path + ": expected a string, got " + kind(v));
        }
        if (t.stringBound() > 0 && s.length() > t.stringBound()) {
          throw new IllegalArgumentException(path + ": string longer than its bound "
              + t.stringBound());
        }
        w.writeString(s);
      }
      default -> throw new IllegalArgumentException(path + ": type '" + t.baseType()
          + "' is not supported by the dynamic encoder");
    }
  }

  private static long integer(Object v, String path, long min, long max) {
    if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
      throw new IllegalArgumentException(path + ": expected an integer, got " + kind(v));
    }
    long x = ((Number) v).longValue();
    if (x < min || x > max) {
      throw new IllegalArgumentException(path + ": " + x + " is outside [" + min + ", " + max
          + "]");
    }
    return x;
  }

  private static long uint64(Object v, String path) {
    if (v instanceof BigInteger b) {
      if (b.signum() < 0 || b.bitLength() > 64) {
        throw new IllegalArgumentException(path + ": " + b + " does not fit in uint64");
      }
      return b.longValue();
    }
    return integer(v, path, 0, Long.MAX_VALUE);
  }

  private static double real(Object v, String path) {
    if (!(v instanceof Number n) || v instanceof BigInteger) {
      throw new IllegalArgumentException(path + ": expected a number, got " + kind(v));
    }
    return n.doubleValue();
  }

  private static String kind(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName();
  }
}
