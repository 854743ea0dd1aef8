import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build-time generator: ROS 2 {@code .msg} files to Java records with a CDR codec.
 *
 * <p>Usage: {@code java MsgGen.java OUT_DIR PKG=DIR [PKG=DIR ...]}. Every {@code DIR/*.msg} becomes
 * {@code dev.flotilla.msgs.PKG.Name}: an immutable record, its constants, a builder with the
 * message's defaults, {@code write(CdrWriter)} / {@code read(CdrReader)} for XCDR1, and a
 * {@code MessageType} descriptor holding the ROS name, the DDS type name and the full ros2msg
 * definition (with its dependency sections, as rosbag2 stores it). Runs with no dependencies so
 * that Maven can call it before anything is compiled. Skips all work when the inputs are
 * unchanged.
 */
public final class MsgGen {
  static final String ROOT = "dev.flotilla.msgs";
  static final Set<String> PRIMITIVES = Set.of("bool", "byte", "char", "int8", "uint8", "int16",
      "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "string", "wstring");
  static final Pattern BOUNDED_STRING = Pattern.compile("w?string<=(\\d+)");
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  /** Bytes reserved for one payload; allocations for a 1000-robot fleet must fit. */
  static final int LARGE_PAYLOAD = 8 << 20;
  static final int DEFAULT_PAYLOAD = 256 << 10;
  /** Authentication trailer of issue #8; see {@code Emitter.trailingAuth}. */
  static final String AUTH = "flotilla_msgs/Auth";
  static final Set<String> LARGE_TYPES = Set.of("Allocation", "Reassignment", "MarkerArray");

  record FieldType(String base, String pkg, boolean array, int fixedLength, int bound) {
    boolean primitive() {
      return pkg == null;
    }

    String fullName() {
      return pkg == null ? base : pkg + "/" + base;
    }
  }

  record Field(FieldType type, String name, String defaultValue, String comment) {}

  record Constant(String type, String name, String value, String comment) {}

  record Msg(String pkg, String name, String text, String comment, List<Field> fields,
      List<Constant> constants) {
    String full() {
      return pkg + "/" + name;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: java MsgGen.java OUT_DIR PKG=DIR [PKG=DIR ...]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path idlFile = null;
    Map<String, Path> packages = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--idl=")) {
        idlFile = Path.of(args[i].substring("--idl=".length()));
        continue;
      }
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        fail("argument '" + args[i] + "' is not PKG=DIR");
      }
      packages.put(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1)));
    }
    String stamp = inputHash(packages);
    Path stampFile = out.resolve(".msggen-stamp");
    if (Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)
        && (idlFile == null || Files.exists(idlFile))) {
      System.out.println("[msggen] messages up to date");
      return;
    }
    Map<String, Msg> all = new TreeMap<>();
    for (var e : packages.entrySet()) {
      try (Stream<Path> files = Files.list(e.getValue())) {
        for (Path f : files.filter(p -> p.toString().endsWith(".msg")).sorted().toList()) {
          Msg m = parse(e.getKey(), f);
          all.put(m.full(), m);
        }
      }
    }
    for (Msg m : all.values()) {
      for (Field f : m.fields()) {
        if (!f.type().primitive() && !all.containsKey(f.type().fullName())) {
          fail(m.pkg() + "/msg/" + m.name() + ".msg: field '" + f.name() + "' uses unknown type "
              + f.type().fullName());
        }
      }
    }
    deleteTree(out);
    for (Msg m : all.values()) {
      Path file = out.resolve((ROOT + "." + m.pkg()).replace('.', '/')).resolve(m.name() + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, new Emitter(m, all).emit());
    }
    Path registry = out.resolve(ROOT.replace('.', '/')).resolve("GeneratedTypes.java");
    Files.writeString(registry, registry(all));
    if (idlFile != null) {
      Files.createDirectories(idlFile.toAbsolutePath().getParent());
      Files.writeString(idlFile, idl(all));
    }
    Files.writeString(stampFile, stamp);
    System.out.println("[msggen] generated " + all.size() + " message types into " + out);
  }

  static void fail(String message) {
    System.err.println("[msggen] error: " + message);
    System.exit(1);
  }

  static String inputHash(Map<String, Path> packages) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      // The source launcher's command line names this file second: hash it too, so that a change
      // to the generator regenerates everything.
      String command = System.getProperty("sun.java.command", "");
      String[] words = command.split(" ");
      Path self = Path.of(words.length > 1 ? words[1] : "MsgGen.java");
      if (Files.isRegularFile(self)) {
        md.update(Files.readAllBytes(self));
      }
      for (var e : packages.entrySet()) {
        md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(e.getValue())) {
          for (Path f : files.filter(p -> p.toString().endsWith(".msg")).sorted().toList()) {
            md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
          }
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }

  // ---------------------------------------------------------------- parsing

  static Msg parse(String pkg, Path file) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.msg$", "");
    String text = Files.readString(file);
    List<Field> fields = new ArrayList<>();
    List<Constant> constants = new ArrayList<>();
    StringBuilder header = new StringBuilder();
    StringBuilder pending = new StringBuilder();
    boolean seenDeclaration = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String where = pkg + "/msg/" + name + ".msg:" + (i + 1);
      String raw = lines[i].strip();
      if (raw.isEmpty()) {
        if (!seenDeclaration && header.length() == 0 && pending.length() > 0) {
          header.append(pending);
        }
        pending.setLength(0);
        continue;
      }
      if (raw.startsWith("#")) {
        pending.append(raw.substring(1).strip()).append('\n');
        continue;
      }
      seenDeclaration = true;
      String[] typeAndRest = raw.split("\\s+", 2);
      if (typeAndRest.length < 2) {
        fail(where + ": expected 'TYPE NAME', got '" + raw + "'");
      }
      String typeText = typeAndRest[0];
      String rest = typeAndRest[1];
      int eq = rest.indexOf('=');
      int hash = rest.indexOf('#');
      if (eq >= 0 && (hash < 0 || eq < hash)) {
        String cname = rest.substring(0, eq).strip();
        String value = rest.substring(eq + 1);
        String comment = "";
        if (!typeText.equals("string")) {
          int h = value.indexOf('#');
          if (h >= 0) {
            comment = value.substring(h + 1).strip();
            value = value.substring(0, h);
          }
        }
        if (!CONSTANT_NAME.matcher(cname).matches()) {
          fail(where + ": constant name '" + cname + "' must be UPPER_CASE");
        }
        constants.add(new Constant(typeText, cname, value.strip(),
            join(pending.toString(), comment)));
      } else {
        String comment = "";
        if (hash >= 0) {
          comment = rest.substring(hash + 1).strip();
          rest = rest.substring(0, hash).strip();
        }
        String[] nameAndDefault = rest.split("\\s+", 2);
        String fname = nameAndDefault[0];
        if (!NAME.matcher(fname).matches()) {
          fail(where + ": field name '" + fname + "' must be lower_snake_case");
        }
        String def = nameAndDefault.length > 1 ? nameAndDefault[1].strip() : null;
        fields.add(new Field(parseType(pkg, typeText, where), fname, def,
            join(pending.toString(), comment)));
      }
      pending.setLength(0);
    }
    return new Msg(pkg, name, text, header.toString().strip(), fields, constants);
  }

  static String join(String a, String b) {
    return (a.strip() + "\n" + b.strip()).strip();
  }

  static FieldType parseType(String pkg, String text, String where) {
    boolean array = false;
    int fixed = -1;
    int bound = -1;
    Matcher arr = Pattern.compile("^(.*)\\[(<=)?(\\d*)\\]$").matcher(text);
    String base = text;
    if (arr.matches()) {
      array = true;
      base = arr.group(1);
      if (!arr.group(3).isEmpty()) {
        int n = Integer.parseInt(arr.group(3));
        if (arr.group(2) != null) {
          bound = n;
        } else {
          fixed = n;
        }
      }
    }
    Matcher bs = BOUNDED_STRING.matcher(base);
    if (bs.matches()) {
      base = "string";
    }
    if (base.equals("wstring")) {
      fail(where + ": wstring is not supported");
    }
    if (PRIMITIVES.contains(base)) {
      return new FieldType(base, null, array, fixed, bound);
    }
    String typePkg = pkg;
    String typeName = base;
    int slash = base.indexOf('/');
    if (slash >= 0) {
      typePkg = base.substring(0, slash);
      typeName = base.substring(slash + 1);
    } else if (base.equals("Header")) {
      typePkg = "std_msgs";
    }
    if (!typeName.matches("[A-Z][A-Za-z0-9]*")) {
      fail(where + ": '" + text + "' is not a valid type");
    }
    return new FieldType(typeName, typePkg, array, fixed, bound);
  }

  // ---------------------------------------------------------------- emitting

  static String javaPrimitive(String ros) {
    return switch (ros) {
      case "bool" -> "boolean";
      case "byte", "char", "int8", "uint8" -> "byte";
      case "int16", "uint16" -> "short";
      case "int32", "uint32" -> "int";
      case "int64", "uint64" -> "long";
      case "float32" -> "float";
      case "float64" -> "double";
      case "string" -> "java.lang.String";
      default -> throw new IllegalArgumentException(ros);
    };
  }

  static String boxed(String javaType) {
    return switch (javaType) {
      case "boolean" -> "Boolean";
      case "byte" -> "Byte";
      case "short" -> "Short";
      case "int" -> "Integer";
      case "long" -> "Long";
      case "float" -> "Float";
      case "double" -> "Double";
      default -> javaType;
    };
  }

  static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    String s = sb.toString();
    return switch (s) {
      case "default", "class", "package", "interface", "enum", "new", "final", "static", "public",
          "private", "int", "long", "char", "byte", "short", "float", "double", "boolean", "void",
          "return", "switch", "case", "for", "while", "do", "if", "else", "try", "catch", "this",
          "super", "import", "native", "throw", "throws", "goto", "const", "assert", "break",
          "continue", "record", "yield", "var", "abstract", "volatile", "transient",
          "synchronized", "extends", "implements", "instanceof", "strictfp", "finally" -> s + "_";
      default -> s;
    };
  }

  static String registry(Map<String, Msg> all) {
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(ROOT).append(";\n\n");
    sb.append("import java.util.List;\n\n");
    sb.append("/** Every message type generated from msg/ and the bundled ROS 2 definitions. */\n");
    sb.append("public final class GeneratedTypes {\n");
    sb.append("  private GeneratedTypes() {}\n\n");
    sb.append("  /** All generated types, sorted by ROS name. */\n");
    sb.append("  public static final List<MessageType<?>> ALL = List.of(\n");
    List<String> items = new ArrayList<>();
    for (Msg m : all.values()) {
      items.add("      " + ROOT + "." + m.pkg() + "." + m.name() + ".TYPE");
    }
    sb.append(String.join(",\n", items)).append(");\n}\n");
    return sb.toString();
  }

  /**
   * One IDL file with every type in dependency order, named as rosidl names them for DDS
   * ({@code pkg::msg::dds_::Name_}), for foreign DDS peers such as CycloneDDS's idlc.
   */
  static String idl(Map<String, Msg> all) {
    StringBuilder sb = new StringBuilder("// Generated by scripts/msggen/MsgGen.java. Do not edit.\n");
    Set<String> done = new LinkedHashSet<>();
    for (Msg m : all.values()) {
      idlStruct(m, all, done, sb);
    }
    return sb.toString();
  }

  static void idlStruct(Msg m, Map<String, Msg> all, Set<String> done, StringBuilder sb) {
    if (done.contains(m.full())) {
      return;
    }
    for (Field f : m.fields()) {
      if (!f.type().primitive()) {
        idlStruct(all.get(f.type().fullName()), all, done, sb);
      }
    }
    done.add(m.full());
    sb.append("module ").append(m.pkg()).append(" { module msg { module dds_ {\n");
    sb.append("  struct ").append(m.name()).append("_ {\n");
    for (Field f : m.fields()) {
      FieldType t = f.type();
      String element = t.primitive() ? idlPrimitive(t.base())
          : t.pkg() + "::msg::dds_::" + t.base() + "_";
      String name = f.name() + "_";
      if (t.array() && t.fixedLength() >= 0) {
        sb.append("    ").append(element).append(' ').append(name).append('[')
            .append(t.fixedLength()).append("];\n");
      } else if (t.array()) {
        sb.append("    sequence<").append(element).append(t.bound() >= 0 ? ", " + t.bound() : "")
            .append("> ").append(name).append(";\n");
      } else {
        sb.append("    ").append(element).append(' ').append(name).append(";\n");
      }
    }
    sb.append("  };\n}; }; };\n\n");
  }

  static String idlPrimitive(String ros) {
    return switch (ros) {
      case "bool" -> "boolean";
      case "byte", "char", "int8", "uint8" -> "octet";
      case "int16" -> "short";
      case "uint16" -> "unsigned short";
      case "int32" -> "long";
      case "uint32" -> "unsigned long";
      case "int64" -> "long long";
      case "uint64" -> "unsigned long long";
      case "float32" -> "float";
      case "float64" -> "double";
      case "string" -> "string";
      default -> throw new IllegalArgumentException(ros);
    };
  }

  /** Writes one record. */
  static final class Emitter {
    final Msg m;
    final Map<String, Msg> all;
    final StringBuilder sb = new StringBuilder();

    Emitter(Msg m, Map<String, Msg> all) {
      this.m = m;
      this.all = all;
    }

    String elementType(FieldType t) {
      return t.primitive() ? javaPrimitive(t.base()) : ROOT + "." + t.pkg() + "." + t.base();
    }

    String javaType(FieldType t) {
      return t.array() ? "java.util.List<" + boxed(elementType(t)) + ">" : elementType(t);
    }

    String emit() {
      sb.append("// Generated by scripts/msggen/MsgGen.java from ").append(m.pkg()).append("/msg/")
          .append(m.name()).append(".msg. Do not edit.\n");
      sb.append("package ").append(ROOT).append('.').append(m.pkg()).append(";\n\n");
      sb.append("import dev.flotilla.cdr.CdrReader;\nimport dev.flotilla.cdr.CdrWriter;\n");
      sb.append("import dev.flotilla.msgs.MessageType;\n\n");
      javadoc("", m.comment().isEmpty() ? "ROS 2 message " + m.full() + "." : m.comment(), true);
      List<String> components = new ArrayList<>();
      for (Field f : m.fields()) {
        components.add(javaType(f.type()) + " " + camel(f.name()));
      }
      sb.append("public record ").append(m.name()).append("(\n    ")
          .append(String.join(",\n    ", components)).append(")")
          .append(trailingAuth() ? " implements dev.flotilla.msgs.Signable<" + m.name() + ">" : "")
          .append(" {\n\n");
      for (Constant c : m.constants()) {
        if (!c.comment().isEmpty()) {
          javadoc("  ", c.comment(), false);
        }
        String jt = javaPrimitive(c.type().startsWith("string") ? "string" : c.type());
        sb.append("  public static final ").append(jt).append(' ').append(c.name()).append(" = ")
            .append(literal(jt, c.value())).append(";\n");
      }
      if (!m.constants().isEmpty()) {
        sb.append('\n');
      }
      int size = LARGE_TYPES.contains(m.name()) ? LARGE_PAYLOAD : DEFAULT_PAYLOAD;
      sb.append("  /** Full ros2msg definition with dependency sections, as rosbag2 stores it. */\n");
      sb.append("  public static final java.lang.String DEFINITION = ").append(quote(definition()))
          .append(";\n\n");
      sb.append("  /** Names, definition and codec of this type. */\n");
      sb.append("  public static final MessageType<").append(m.name())
          .append("> TYPE = new MessageType<>(\n      \"").append(m.pkg()).append("/msg/")
          .append(m.name()).append("\", \"").append(m.pkg()).append("::msg::dds_::")
          .append(m.name()).append("_\", DEFINITION, ").append(size).append(", ")
          .append(m.name()).append("::read, (w, v) -> v.write(w));\n\n");
      compactConstructor();
      if (trailingAuth()) {
        unsignedConstructor();
      }
      writer();
      reader();
      builder();
      sb.append("}\n");
      return sb.toString();
    }

    String definition() {
      StringBuilder d = new StringBuilder(m.text().strip()).append('\n');
      Set<String> deps = new LinkedHashSet<>();
      collect(m, deps);
      for (String dep : deps) {
        d.append("================================================================================\n");
        d.append("MSG: ").append(dep).append('\n');
        d.append(all.get(dep).text().strip()).append('\n');
      }
      return d.toString();
    }

    void collect(Msg msg, Set<String> deps) {
      for (Field f : msg.fields()) {
        if (!f.type().primitive() && deps.add(f.type().fullName())) {
          collect(all.get(f.type().fullName()), deps);
        }
      }
    }

    void javadoc(String indent, String text, boolean withParams) {
      sb.append(indent).append("/**\n");
      for (String line : text.split("\n")) {
        sb.append(indent).append(" * ").append(escapeDoc(line)).append('\n');
      }
      if (withParams) {
        for (Field f : m.fields()) {
          String c = f.comment().isEmpty() ? f.type().fullName() + " " + f.name()
              : f.comment().replace('\n', ' ');
          sb.append(indent).append(" * @param ").append(camel(f.name())).append(' ')
              .append(escapeDoc(c)).append('\n');
        }
      }
      sb.append(indent).append(" */\n");
    }

    static String escapeDoc(String s) {
      return s.replace("*/", "* /").replace("<", "&lt;").replace(">", "&gt;")
          .replace("@", "{@literal @}").replace("&lt;", "&lt;");
    }

    /**
     * Whether the message ends with {@code flotilla_msgs/Auth} (issue #8): such messages get a
     * constructor without it, {@code withAuth}, and read payloads recorded before the field
     * existed (the older layout is a prefix of the new one).
     */
    boolean trailingAuth() {
      if (m.fields().isEmpty()) {
        return false;
      }
      Field last = m.fields().get(m.fields().size() - 1);
      return !last.type().array() && last.type().fullName().equals(AUTH);
    }

    void unsignedConstructor() {
      List<Field> head = m.fields().subList(0, m.fields().size() - 1);
      List<String> params = new ArrayList<>();
      List<String> args = new ArrayList<>();
      for (Field f : head) {
        params.add(javaType(f.type()) + " " + camel(f.name()));
        args.add(camel(f.name()));
      }
      args.add(elementType(m.fields().get(m.fields().size() - 1).type()) + ".builder().build()");
      sb.append("  /** An unsigned message: every field but the trailing, empty {@code auth}. */")
          .append('\n');
      sb.append("  public ").append(m.name()).append("(").append(String.join(", ", params))
          .append(") {\n    this(").append(String.join(", ", args)).append(");\n  }\n\n");
      sb.append("  @Override\n  public ").append(m.name()).append(" withAuth(")
          .append(elementType(m.fields().get(m.fields().size() - 1).type()))
          .append(" auth) {\n    return new ").append(m.name()).append("(")
          .append(String.join(", ", args.subList(0, args.size() - 1)))
          .append(args.size() > 1 ? ", " : "").append("auth);\n  }\n\n");
    }

    void compactConstructor() {
      sb.append("  /** Checks nulls and fixed array lengths; copies lists so the value is immutable. */\n");
      sb.append("  public ").append(m.name()).append(" {\n");
      for (Field f : m.fields()) {
        String n = camel(f.name());
        FieldType t = f.type();
        if (t.array()) {
          sb.append("    ").append(n).append(" = java.util.List.copyOf(").append(n).append(");\n");
          if (t.fixedLength() >= 0) {
            sb.append("    if (").append(n).append(".size() != ").append(t.fixedLength())
                .append(") {\n      throw new IllegalArgumentException(\"").append(m.full())
                .append(".").append(f.name()).append(" needs exactly ").append(t.fixedLength())
                .append(" elements, got \" + ").append(n).append(".size() + \".\");\n    }\n");
          }
          if (t.bound() >= 0) {
            sb.append("    if (").append(n).append(".size() > ").append(t.bound())
                .append(") {\n      throw new IllegalArgumentException(\"").append(m.full())
                .append(".").append(f.name()).append(" holds at most ").append(t.bound())
                .append(" elements, got \" + ").append(n).append(".size() + \".\");\n    }\n");
          }
        } else if (!t.primitive() || t.base().equals("string")) {
          sb.append("    java.util.Objects.requireNonNull(").append(n).append(", \"")
              .append(m.full()).append(".").append(f.name()).append("\");\n");
        }
      }
      sb.append("  }\n\n");
    }

    void writer() {
      sb.append("  /** Appends this message's CDR encoding to {@code w}. */\n");
      sb.append("  public void write(CdrWriter w$) {\n");
      for (Field f : m.fields()) {
        String n = camel(f.name());
        FieldType t = f.type();
        if (t.array()) {
          if (t.fixedLength() < 0) {
            sb.append("    w$.writeSequenceLength(").append(n).append(".size());\n");
          }
          sb.append("    for (").append(boxed(elementType(t))).append(" e$ : ").append(n)
              .append(") {\n      ").append(writeOne(t, "e$")).append("\n    }\n");
        } else {
          sb.append("    ").append(writeOne(t, n)).append('\n');
        }
      }
      sb.append("  }\n\n");
    }

    String writeOne(FieldType t, String v) {
      if (!t.primitive()) {
        return v + ".write(w$);";
      }
      return switch (t.base()) {
        case "bool" -> "w$.writeBool(" + v + ");";
        case "byte", "char", "int8", "uint8" -> "w$.writeInt8(" + v + ");";
        case "int16", "uint16" -> "w$.writeInt16(" + v + ");";
        case "int32", "uint32" -> "w$.writeInt32(" + v + ");";
        case "int64", "uint64" -> "w$.writeInt64(" + v + ");";
        case "float32" -> "w$.writeFloat32(" + v + ");";
        case "float64" -> "w$.writeFloat64(" + v + ");";
        case "string" -> "w$.writeString(" + v + ");";
        default -> throw new IllegalArgumentException(t.base());
      };
    }

    String readOne(FieldType t) {
      if (!t.primitive()) {
        return elementType(t) + ".read(r$)";
      }
      return switch (t.base()) {
        case "bool" -> "r$.readBool()";
        case "byte", "char", "int8", "uint8" -> "r$.readInt8()";
        case "int16", "uint16" -> "r$.readInt16()";
        case "int32", "uint32" -> "r$.readInt32()";
        case "int64", "uint64" -> "r$.readInt64()";
        case "float32" -> "r$.readFloat32()";
        case "float64" -> "r$.readFloat64()";
        case "string" -> "r$.readString()";
        default -> throw new IllegalArgumentException(t.base());
      };
    }

    int minSize(FieldType t) {
      if (!t.primitive()) {
        return 1;
      }
      return switch (javaPrimitive(t.base())) {
        case "short" -> 2;
        case "int", "float", "java.lang.String" -> 4;
        case "long", "double" -> 8;
        default -> 1;
      };
    }

    void reader() {
      sb.append("  /** Reads one message from {@code r}; errors name the byte offset. */\n");
      sb.append("  public static ").append(m.name()).append(" read(CdrReader r$) {\n");
      List<String> args = new ArrayList<>();
      for (Field f : m.fields()) {
        String n = camel(f.name());
        FieldType t = f.type();
        if (t.array()) {
          String count = t.fixedLength() >= 0 ? String.valueOf(t.fixedLength())
              : "r$.readSequenceLength(" + minSize(t) + ")";
          sb.append("    int ").append(n).append("Count = ").append(count).append(";\n");
          if (t.bound() >= 0) {
            sb.append("    if (").append(n).append("Count > ").append(t.bound())
                .append(") {\n      throw new dev.flotilla.cdr.CdrException(r$.position(), \"")
                .append(m.full()).append(".").append(f.name()).append(" holds at most ")
                .append(t.bound()).append(" elements, got \" + ").append(n)
                .append("Count);\n    }\n");
          }
          sb.append("    java.util.List<").append(boxed(elementType(t))).append("> ").append(n)
              .append(" = new java.util.ArrayList<>(").append(n).append("Count);\n");
          sb.append("    for (int i$ = 0; i$ < ").append(n).append("Count; i$++) {\n      ")
              .append(n).append(".add(").append(readOne(t)).append(");\n    }\n");
        } else if (trailingAuth() && f == m.fields().get(m.fields().size() - 1)) {
          // Recorded before Auth existed: nothing (or only end padding) follows the old fields.
          sb.append("    ").append(javaType(t)).append(' ').append(n)
              .append(" = r$.remaining() < 4 ? ").append(elementType(t))
              .append(".builder().build() : ").append(readOne(t)).append(";\n");
        } else {
          sb.append("    ").append(javaType(t)).append(' ').append(n).append(" = ")
              .append(readOne(t)).append(";\n");
        }
        args.add(n);
      }
      sb.append("    return new ").append(m.name()).append("(").append(String.join(", ", args))
          .append(");\n  }\n\n");
    }

    String defaultValue(Field f) {
      FieldType t = f.type();
      if (t.array()) {
        if (t.fixedLength() >= 0) {
          String zero = t.primitive() ? zeroLiteral(elementType(t)) : elementType(t)
              + ".builder().build()";
          return "java.util.Collections.nCopies(" + t.fixedLength() + ", " + zero + ")";
        }
        return "java.util.List.of()";
      }
      if (!t.primitive()) {
        return elementType(t) + ".builder().build()";
      }
      String jt = javaPrimitive(t.base());
      if (f.defaultValue() != null) {
        return literal(jt, f.defaultValue());
      }
      return zeroLiteral(jt);
    }

    static String zeroLiteral(String jt) {
      return switch (jt) {
        case "boolean" -> "false";
        case "byte" -> "(byte) 0";
        case "short" -> "(short) 0";
        case "long" -> "0L";
        case "float" -> "0f";
        case "double" -> "0.0";
        case "java.lang.String" -> "\"\"";
        default -> "0";
      };
    }

    void builder() {
      String name = m.name();
      sb.append("  /** @return a builder filled with the message's defaults (zeros, empty). */\n");
      sb.append("  public static Builder builder() {\n    return new Builder();\n  }\n\n");
      sb.append("  /** @return a builder holding this message's values */\n");
      sb.append("  public Builder toBuilder() {\n    Builder b$ = new Builder();\n");
      for (Field f : m.fields()) {
        String n = camel(f.name());
        sb.append("    b$.").append(n).append(" = ").append(n).append(";\n");
      }
      sb.append("    return b$;\n  }\n\n");
      sb.append("  /** Mutable builder of {@link ").append(name).append("}. */\n");
      sb.append("  public static final class Builder {\n");
      for (Field f : m.fields()) {
        sb.append("    private ").append(javaType(f.type())).append(' ').append(camel(f.name()))
            .append(" = ").append(defaultValue(f)).append(";\n");
      }
      sb.append("\n    private Builder() {}\n\n");
      for (Field f : m.fields()) {
        String n = camel(f.name());
        sb.append("    public Builder ").append(n).append("(").append(javaType(f.type()))
            .append(" value) {\n      this.").append(n).append(" = value;\n")
            .append("      return this;\n    }\n\n");
      }
      List<String> args = new ArrayList<>();
      for (Field f : m.fields()) {
        args.add(camel(f.name()));
      }
      sb.append("    public ").append(name).append(" build() {\n      return new ").append(name)
          .append("(").append(String.join(", ", args)).append(");\n    }\n  }\n");
    }

    static String literal(String jt, String value) {
      String v = value.strip();
      return switch (jt) {
        case "boolean" -> String.valueOf(v.equalsIgnoreCase("true") || v.equals("1"));
        case "byte" -> "(byte) " + v;
        case "short" -> "(short) " + v;
        case "long" -> v + "L";
        case "float" -> v + "f";
        case "double" -> v.contains(".") || v.contains("e") ? v : v + ".0";
        case "java.lang.String" -> quote(v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))
            ? v.substring(1, v.length() - 1) : v);
        default -> v;
      };
    }

    static String quote(String s) {
      StringBuilder q = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> q.append("\\\"");
          case '\\' -> q.append("\\\\");
          case '\n' -> q.append("\\n\"\n      + \"");
          case '\t' -> q.append("\\t");
          default -> q.append(c);
        }
      }
      return q.append('"').toString().replace("\n      + \"\"", "");
    }
  }

}
