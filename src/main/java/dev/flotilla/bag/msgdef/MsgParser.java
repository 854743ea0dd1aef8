package dev.flotilla.bag.msgdef;

import dev.flotilla.bag.msgdef.FieldType.ArrayKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ROS 2 {@code .msg} text and rosbag2 {@code ros2msg} schemas (a main definition followed
 * by dependency sections, each introduced by a line of {@code =} and {@code MSG: pkg/Type}).
 * Service event schemas ({@code pkg/srv/X_Event}, whose text is the {@code .srv} file) are
 * expanded into their Request, Response and Event types. O(text length).
 */
public final class MsgParser {
  /** The primitive type names of ROS 2 interface definitions. */
  public static final Set<String> PRIMITIVES = Set.of("bool", "byte", "char", "float32",
      "float64", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
      "string", "wstring");

  private static final Pattern SEPARATOR = Pattern.compile("^={10,}\\s*$");
  private static final Pattern MSG_LINE = Pattern.compile("^MSG:\\s*(\\S+)\\s*$");
  private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private MsgParser() {}

  /**
   * Normalizes a type name to {@code pkg/msg/Type} ({@code pkg/Type} gains {@code msg}).
   *
   * @param name type name as written
   * @return the full name
   */
  public static String fullName(String name) {
    String[] parts = name.split("/");
    if (parts.length == 2) {
      return parts[0] + "/msg/" + parts[1];
    }
    return name;
  }

  /**
   * Parses a ros2msg schema: the main type plus its dependency sections.
   *
   * @param rootType full or short name of the main type
   * @param text schema text
   * @return every type the text defines, by full name
   * @throws MsgParseException on a syntax error
   */
  public static Map<String, MsgSpec> parseSchema(String rootType, String text) {
    Map<String, MsgSpec> out = new LinkedHashMap<>();
    String root = fullName(rootType);
    String[] lines = text.split("\r?\n", -1);
    String current = root;
    int start = 0;
    for (int i = 0; i <= lines.length; i++) {
      if (i == lines.length || SEPARATOR.matcher(lines[i]).matches()) {
        addSection(out, current, lines, start, i);
        if (i < lines.length) {
          int j = i + 1;
          while (j < lines.length && lines[j].isBlank()) {
            j++;
          }
          Matcher m = j < lines.length ? MSG_LINE.matcher(lines[j].trim()) : null;
          if (m == null || !m.matches()) {
            throw new MsgParseException(root, j + 1, 1, "expected 'MSG: package/Type' after the "
                + "separator line");
          }
          current = fullName(m.group(1));
          start = j + 1;
          i = j;
        }
      }
    }
    return out;
  }

  private static void addSection(Map<String, MsgSpec> out, String type, String[] lines, int from,
      int to) {
    int split = -1;
    for (int i = from; i < to; i++) {
      if (lines[i].trim().equals("---")) {
        split = i;
        break;
      }
    }
    if (split >= 0 && type.contains("/srv/")) {
      addService(out, type, lines, from, split, to);
      return;
    }
    if (!out.containsKey(type)) {
      out.put(type, parseLines(type, lines, from, to));
    }
  }

  /** A .srv text given for a service event type: build Request, Response and Event. */
  private static void addService(Map<String, MsgSpec> out, String type, String[] lines, int from,
      int split, int to) {
    String base = type.endsWith("_Event") ? type.substring(0, type.length() - 6) : type;
    String request = base + "_Request";
    String response = base + "_Response";
    out.put(request, parseLines(request, lines, from, split));
    out.put(response, parseLines(response, lines, split + 1, to));
    String event = base + "_Event";
    out.put(event, new MsgSpec(event, List.of(
        new MsgField("info", new FieldType("service_msgs/msg/ServiceEventInfo", false,
            ArrayKind.NONE, 0, 0), null),
        new MsgField("request", new FieldType(request, false, ArrayKind.BOUNDED, 1, 0), null),
        new MsgField("response", new FieldType(response, false, ArrayKind.BOUNDED, 1, 0), null)),
        List.of()));
  }

  /**
   * Parses one {@code .msg} text.
   *
   * @param type full name of the type the text defines
   * @param text the definition
   * @return the spec
   * @throws MsgParseException on a syntax error
   */
  public static MsgSpec parseMsg(String type, String text) {
    String[] lines = text.split("\r?\n", -1);
    return parseLines(fullName(type), lines, 0, lines.length);
  }

  private static MsgSpec parseLines(String type, String[] lines, int from, int to) {
    String pkg = type.substring(0, type.indexOf('/'));
    List<MsgField> fields = new ArrayList<>();
    List<MsgConstant> constants = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String raw = lines[i];
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int lineNo = i - from + 1;
      int sp = indexOfSpace(line);
      if (sp < 0) {
        throw new MsgParseException(type, lineNo, 1, "expected '<type> <name>', got '" + line
            + "'");
      }
      String typeText = line.substring(0, sp);
      String rest = line.substring(sp).strip();
      int col = raw.indexOf(rest) + 1;
      FieldType ft = parseType(type, pkg, typeText, lineNo);
      int eq = rest.indexOf('=');
      int nameEnd = 0;
      while (nameEnd < rest.length() && (Character.isLetterOrDigit(rest.charAt(nameEnd))
          || rest.charAt(nameEnd) == '_')) {
        nameEnd++;
      }
      String name = rest.substring(0, nameEnd);
      if (!IDENT.matcher(name).matches()) {
        throw new MsgParseException(type, lineNo, col, "invalid field name '" + rest + "'");
      }
      String after = rest.substring(nameEnd).strip();
      if (eq >= 0 && after.startsWith("=")) {
        String value = after.substring(1).strip();
        if (!ft.baseType().equals("string") && !ft.baseType().equals("wstring")) {
          value = stripComment(value);
        }
        if (!ft.primitive() || ft.isArray()) {
          throw new MsgParseException(type, lineNo, col, "constant '" + name
              + "' must have a primitive, non-array type");
        }
        constants.add(new MsgConstant(ft.baseType(), name, value));
      } else {
        String def = stripComment(after);
        fields.add(new MsgField(name, ft, def.isEmpty() ? null : def));
      }
    }
    return new MsgSpec(type, List.copyOf(fields), List.copyOf(constants));
  }

  private static int indexOfSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String stripComment(String s) {
    boolean inQuote = false;
    char q = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inQuote) {
        if (c == q) {
          inQuote = false;
        }
      } else if (c == '"' || c == '\'') {
        inQuote = true;
        q = c;
      } else if (c == '#') {
        return s.substring(0, i).strip();
      }
    }
    return s.strip();
  }

  private static FieldType parseType(String type, String pkg, String text, int lineNo) {
    ArrayKind kind = ArrayKind.NONE;
    int len = 0;
    String base = text;
    int br = text.indexOf('[');
    if (br >= 0) {
      if (!text.endsWith("]")) {
        throw new MsgParseException(type, lineNo, br + 1, "unterminated array in '" + text + "'");
      }
      String inside = text.substring(br + 1, text.length() - 1);
      base = text.substring(0, br);
      try {
        if (inside.isEmpty()) {
          kind = ArrayKind.UNBOUNDED;
        } else if (inside.startsWith("<=")) {
          kind = ArrayKind.BOUNDED;
          len = Integer.parseInt(inside.substring(2));
        } else {
          kind = ArrayKind.FIXED;
          len = Integer.parseInt(inside);
        }
      } catch (NumberFormatException e) {
        throw new MsgParseException(type, lineNo, br + 2, "invalid array size '" + inside + "'");
      }
      if (len < 0) {
        // A negative size would reach the decoders as an array length.
        throw new MsgParseException(type, lineNo, br + 2, "negative array size '" + inside + "'");
      }
    }
    int bound = 0;
    int le = base.indexOf("<=");
    if (le >= 0) {
      try {
        bound = Integer.parseInt(base.substring(le + 2));
      } catch (NumberFormatException e) {
        throw new MsgParseException(type, lineNo, le + 3, "invalid string bound in '" + text
            + "'");
      }
      if (bound < 0) {
        throw new MsgParseException(type, lineNo, le + 3, "negative string bound in '" + text
            + "'");
      }
      base = base.substring(0, le);
    }
    if (PRIMITIVES.contains(base)) {
      return new FieldType(base, true, kind, len, bound);
    }
    if (base.equals("Header")) {
      return new FieldType("std_msgs/msg/Header", false, kind, len, 0);
    }
    if (base.isEmpty() || !base.matches("[A-Za-z0-9_/]+")) {
      throw new MsgParseException(type, lineNo, 1, "invalid type '" + text + "'");
    }
    String full = base.contains("/") ? fullName(base) : pkg + "/msg/" + base;
    return new FieldType(full, false, kind, len, 0);
  }
}
