package dev.flotilla.bag.cdr;

import dev.flotilla.bag.msgdef.FieldType;
import dev.flotilla.bag.msgdef.MessageTypes;
import dev.flotilla.bag.msgdef.MsgField;
import dev.flotilla.bag.msgdef.MsgSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random message values in the canonical shape the decoder produces. */
final class RandomMessages {
  private final MessageTypes types;
  private final Random rnd;

  RandomMessages(MessageTypes types, long seed) {
    this.types = types;
    this.rnd = new Random(seed);
  }

  Map<String, Object> message(String type) {
    MsgSpec s = types.get(type);
    Map<String, Object> m = new LinkedHashMap<>();
    for (MsgField f : s.fields()) {
      m.put(f.name(), field(f.type()));
    }
    return m;
  }

  private Object field(FieldType t) {
    if (!t.isArray()) {
      return single(t);
    }
    int n = switch (t.array()) {
      case FIXED -> t.arrayLength();
      case BOUNDED -> rnd.nextInt(t.arrayLength() + 1);
      default -> rnd.nextInt(4);
    };
    if (t.baseType().equals("uint8") || t.baseType().equals("byte")) {
      byte[] b = new byte[n];
      rnd.nextBytes(b);
      return b;
    }
    List<Object> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(single(t.element()));
    }
    return l;
  }

  private Object single(FieldType t) {
    if (!t.primitive()) {
      return message(t.baseType());
    }
    return switch (t.baseType()) {
      case "bool" -> rnd.nextBoolean();
      case "int8" -> rnd.nextInt(256) - 128;
      case "uint8", "byte", "char" -> rnd.nextInt(256);
      case "int16" -> rnd.nextInt(65536) - 32768;
      case "uint16" -> rnd.nextInt(65536);
      case "int32" -> rnd.nextInt();
      case "uint32" -> rnd.nextLong() & 0xFFFFFFFFL;
      case "int64" -> rnd.nextLong();
      case "uint64" -> rnd.nextLong() & Long.MAX_VALUE;
      case "float32" -> (float) rnd.nextGaussian();
      case "float64" -> rnd.nextGaussian() * 1e3;
      case "string" -> randomString(t.stringBound() > 0 ? t.stringBound() : 12);
      default -> throw new IllegalArgumentException(t.baseType());
    };
  }

  private String randomString(int max) {
    int n = rnd.nextInt(max + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i % 5 == 4 ? 'é' : (char) ('a' + rnd.nextInt(26)));
    }
    return sb.toString();
  }
}
