package dev.flotilla.bag.msgdef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A registry of {@code .msg} texts by type name: the common ROS 2 types bundled with Flotilla
 * (builtin_interfaces, std_msgs, geometry_msgs, nav_msgs, sensor_msgs, tf2_msgs, service_msgs)
 * plus any package directories added. It renders the ros2msg schema text rosbag2 stores for a
 * type: the type's definition, then each dependency after a line of 80 {@code =} and
 * {@code MSG: pkg/Type}.
 */
public final class MessageDefinitions {
  private static final String RESOURCE_ROOT = "/dev/flotilla/bag/msgdef/ros2/";
  private static final String SEPARATOR = "=".repeat(80);

  private final Map<String, String> texts;

  private MessageDefinitions(Map<String, String> texts) {
    this.texts = texts;
  }

  /** The bundled common types. */
  public static MessageDefinitions bundled() {
    Map<String, String> texts = new LinkedHashMap<>();
    try (InputStream idx = MessageDefinitions.class.getResourceAsStream(
        "/dev/flotilla/bag/msgdef/bundled-types.txt")) {
      if (idx == null) {
        throw new IllegalStateException("bundled message definitions are missing from the jar");
      }
      for (String type : new String(idx.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (type.isBlank()) {
          continue;
        }
        try (InputStream in = MessageDefinitions.class.getResourceAsStream(RESOURCE_ROOT
            + type.trim() + ".msg")) {
          texts.put(type.trim(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MessageDefinitions(texts);
  }

  /**
   * Adds every {@code *.msg} file of one package directory.
   *
   * @param pkg ROS package name (e.g. {@code flotilla_msgs})
   * @param msgDir directory holding {@code Type.msg} files
   * @return a new registry with the package added
   * @throws IOException when the directory cannot be listed or read
   */
  public MessageDefinitions withPackage(String pkg, Path msgDir) throws IOException {
    Map<String, String> t = new LinkedHashMap<>(texts);
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(msgDir, "*.msg")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        t.put(pkg + "/msg/" + name.substring(0, name.length() - 4), Files.readString(p));
      }
    }
    return new MessageDefinitions(t);
  }

  /** Type names known, as {@code pkg/msg/Type}. */
  public Set<String> types() {
    return texts.keySet();
  }

  /**
   * The {@code .msg} text of a type.
   *
   * @param type {@code pkg/msg/Type} or {@code pkg/Type}
   * @return the text, or null when unknown
   */
  public String msgText(String type) {
    return texts.get(MsgParser.fullName(type));
  }

  /** The parsed spec of a type, or null when unknown. */
  public MsgSpec spec(String type) {
    String full = MsgParser.fullName(type);
    String text = texts.get(full);
    return text == null ? null : MsgParser.parseMsg(full, text);
  }

  /**
   * The closed set of types one type needs.
   *
   * @param type root type
   * @return the types
   * @throws MsgParseException when a needed type is unknown
   */
  public MessageTypes typesFor(String type) {
    Map<String, MsgSpec> specs = new LinkedHashMap<>();
    MessageTypes.close(MsgParser.fullName(type), specs, this);
    return new MessageTypes(specs);
  }

  /**
   * The ros2msg schema text rosbag2 stores for a type.
   *
   * @param type root type
   * @return the text, or null when the type or one of its dependencies is unknown
   */
  public String schemaText(String type) {
    String root = MsgParser.fullName(type);
    if (!texts.containsKey(root)) {
      return null;
    }
    Set<String> order = new LinkedHashSet<>();
    List<String> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      String t = stack.remove(0);
      if (!order.add(t)) {
        continue;
      }
      MsgSpec s = spec(t);
      if (s == null) {
        return null;
      }
      for (MsgField f : s.fields()) {
        if (!f.type().primitive()) {
          stack.add(f.type().baseType());
        }
      }
    }
    StringBuilder sb = new StringBuilder(texts.get(root));
    for (String dep : order) {
      if (dep.equals(root)) {
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
        sb.append('\n');
      }
      String[] p = dep.split("/");
      sb.append(SEPARATOR).append('\n').append("MSG: ").append(p[0]).append('/').append(p[2])
          .append('\n').append(texts.get(dep));
    }
    return sb.toString();
  }
}
