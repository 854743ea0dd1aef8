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
 * <p>Every problem with the payload is a {@link CdrException} naming the byte offset, including
 * what a hostile schema can ask for: a fixed array too large for the bytes left, nesting deeper
 * than {@link #MAX_DEPTH} (a type that contains itself), or more values than the payload can
 * hold (types whose elements take no bytes).
 *
 * <p>Time: O(payload size).
 */
public final class DynamicCdrDecoder {
  /** Deepest message nesting decoded; the decoder recurses once per level. */
  public static final int MAX_DEPTH = 100;

  /** Values decoded per payload byte at most (plus a constant), whatever the schema says. */
  private static final long VALUES_PER_BYTE = 8;

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
    Walk w = new Walk(new CdrReader(payload), 1024 + VALUES_PER_BYTE * payload.length);
    return message(w, root);
  }

  /** Decoding state of one payload: the reader, the nesting depth and the values still allowed. */
  private static final class Walk {
    final CdrReader r;
    long budget;
    int depth;

    Walk(CdrReader r, long budget) {
      this.r = r;
      this.budget = budget;
    }

    /** Counts one value; a schema must not make a short payload decode forever. */
    void spend() {
      if (--budget < 0) {
        throw new CdrException(r.position(), "the type describes more values than a payload of "
            + "this size can hold");
      }
    }
  }

  private Map<String, Object> message(Walk w, MsgSpec spec) {
    CdrReader r = w.r;
    w.spend();
    if (++w.depth > MAX_DEPTH) {
      throw new CdrException(r.position(), "messages nest deeper than " + MAX_DEPTH
          + " levels; does type '" + spec.name() + "' contain itself?");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (spec.fields().isEmpty()) {
      r.readInt8();
    } else {
      for (MsgField f : spec.fields()) {
        out.put(f.name(), field(w, f.type()));
      }
    }
    w.depth--;
    return out;
  }

  private Object field(Walk w, FieldType t) {
    CdrReader r = w.r;
    if (!t.isArray()) {
      return single(w, t);
    }
    int n;
    if (t.array() == ArrayKind.FIXED) {
      n = t.arrayLength();
      // The count comes from the schema, not the payload: check it before allocating for it.
      long least = (long) n * (t.primitive() ? minSize(t.baseType()) : 1);
      if (least > r.remaining()) {
        throw new CdrException(r.position(), "fixed array of " + n + " elements cannot fit in "
            + "the " + r.remaining() + " bytes left");
      }
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
      w.spend();
      list.add(single(w, e));
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

  private Object single(Walk w, FieldType t) {
    CdrReader r = w.r;
    if (!t.primitive()) {
      return message(w, types.get(t.baseType()));
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
