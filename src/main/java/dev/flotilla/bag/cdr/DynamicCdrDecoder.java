package dev.flotilla.bag.cdr;

import dev.flotilla.bag.msgdef.FieldType;
import dev.flotilla.bag.msgdef.FieldType.ArrayKind;
import dev.flotilla.bag.msgdef.MessageTypes;
import dev.flotilla.bag.msgdef.MsgField;
import dev.flotilla.bag.msgdef.MsgSpec;
import dev.flotilla.cdr.CdrException;
import dev.flotilla.cdr.CdrReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes XCDR1 payloads (either byte order, encapsulation header first) of any message type
 * given its parsed definition, on top of {@link CdrReader}. No generated code is needed.
 *
 * <p>Values: a message is a {@code LinkedHashMap<String, Object>} in field order; bool is
 * {@link Boolean}; int8, uint8, byte, char, int16, uint16 and int32 are {@link Integer}; uint32
 * and int64 are {@link Long}; uint64 is {@link Long} when below 2^63 and {@link BigInteger}
 * otherwise; float32 is {@link Float}; float64 is {@link Double}; string is {@link String};
 * arrays of uint8 or byte are {@code byte[]}; other arrays are {@link List}. An empty message
 * (which rosidl serializes as one placeholder octet) decodes to an empty map.
 *
 * <p>Time: O(payload size).
 */
public final class DynamicCdrDecoder {
  private final MessageTypes types;
  private final MsgSpec root;

  /**
   * @param types the closed set of types
   * @param rootType the type of the payloads
   */
  public DynamicCdrDecoder(MessageTypes types, String rootType) {
    this.types = types;
    this.root = types.get(rootType);
  }

  /**
   * Decodes one payload.
   *
   * @param payload serialized message with its encapsulation header
   * @return the message
   * @throws CdrException naming the byte offset when the payload does not match the type
   */
  public Map<String, Object> decode(byte[] payload) {
    CdrReader r = new CdrReader(payload);
    return message(r, root);
  }

  private Map<String, Object> message(CdrReader r, MsgSpec spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (spec.fields().isEmpty()) {
      r.readInt8();
      return out;
    }
    for (MsgField f : spec.fields()) {
      out.put(f.name(), field(r, f.type()));
    }
    return out;
  }

  private Object field(CdrReader r, FieldType t) {
    if (!t.isArray()) {
      return single(r, t);
    }
    int n;
    if (t.array() == ArrayKind.FIXED) {
      n = t.arrayLength();
    } else {
      int at = r.position();
      n = r.readSequenceLength(t.primitive() ? minSize(t.baseType()) : 1);
      if (t.array() == ArrayKind.BOUNDED && n > t.arrayLength()) {
        throw new CdrException(at, "sequence of " + n + " elements exceeds its bound "
            + t.arrayLength());
      }
    }
    if (t.baseType().equals("uint8") || t.baseType().equals("byte")) {
      return r.readBytes(n);
    }
    FieldType e = t.element();
    List<Object> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(single(r, e));
    }
    return list;
  }

  private static int minSize(String prim) {
    switch (prim) {
      case "int16": case "uint16": return 2;
      case "int32": case "uint32": case "float32": case "string": return 4;
      case "int64": case "uint64": case "float64": return 8;
      default: return 1;
    }
  }

  private Object single(CdrReader r, FieldType t) {
    if (!t.primitive()) {
      return message(r, types.get(t.baseType()));
    }
    switch (t.baseType()) {
      case "bool": return r.readBool();
      case "int8": return (int) r.readInt8();
      case "uint8": case "byte": case "char": return r.readInt8() & 0xFF;
      case "int16": return (int) r.readInt16();
      case "uint16": return r.readInt16() & 0xFFFF;
      case "int32": return r.readInt32();
      case "uint32": return Integer.toUnsignedLong(r.readInt32());
      case "int64": return r.readInt64();
      case "uint64": {
        long v = r.readInt64();
        return v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
      }
      case "float32": return r.readFloat32();
      case "float64": return r.readFloat64();
      case "string": {
        int at = r.position();
        String s = r.readString();
        if (t.stringBound() > 0 && s.length() > t.stringBound()) {
          throw new CdrException(at, "string of " + s.length() + " characters exceeds its bound "
              + t.stringBound());
        }
        return s;
      }
      default:
        throw new CdrException(r.position(), "type '" + t.baseType()
            + "' is not supported by the dynamic decoder");
    }
  }
}
