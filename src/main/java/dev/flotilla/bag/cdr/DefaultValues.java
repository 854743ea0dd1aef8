package dev.flotilla.bag.cdr;

import dev.flotilla.bag.msgdef.FieldType;
import dev.flotilla.bag.msgdef.MsgField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Default values of fields: the definition's default when given, else zero, "" or empty. */
final class DefaultValues {
  private DefaultValues() {}

  static Object of(MsgField f) {
    FieldType t = f.type();
    if (f.defaultValue() != null && t.primitive()) {
      if (!t.isArray()) {
        return parse(t.baseType(), f.defaultValue());
      }
      String body = f.defaultValue().trim();
      if (body.startsWith("[") && body.endsWith("]")) {
        List<Object> out = new ArrayList<>();
        String inner = body.substring(1, body.length() - 1).trim();
        if (!inner.isEmpty()) {
          for (String s : inner.split(",")) {
            out.add(parse(t.baseType(), s.trim()));
          }
        }
        return out;
      }
    }
    if (t.isArray()) {
      if (t.array() == FieldType.ArrayKind.FIXED) {
        return new ArrayList<>(Collections.nCopies(t.arrayLength(), zero(t.element())));
      }
      return List.of();
    }
    return zero(t);
  }

  static Object zero(FieldType t) {
    if (!t.primitive()) {
      return Map.of();
    }
    switch (t.baseType()) {
      case "bool": return false;
      case "float32": return 0f;
      case "float64": return 0d;
      case "string": case "wstring": return "";
      case "uint32": case "int64": case "uint64": return 0L;
      default: return 0;
    }
  }

  private static Object parse(String type, String text) {
    String s = text.trim();
    try {
      switch (type) {
        case "bool": return s.equalsIgnoreCase("true") || s.equals("1");
        case "float32": return Float.parseFloat(s);
        case "float64": return Double.parseDouble(s);
        case "string": case "wstring":
          if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"")
              || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
          }
          return s;
        case "uint32": case "int64": case "uint64": return Long.parseLong(s);
        default: return Integer.parseInt(s);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("default value '" + text + "' is not a valid " + type,
          e);
    }
  }
}
