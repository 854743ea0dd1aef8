package dev.flotilla.typehash;

import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MsgSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes the RIHS01 hash of every message type of one package directory ({@code *.msg}), with
 * dependencies from the bundled common ROS 2 types; its {@link #main} prints them, one
 * {@code pkg/msg/Type RIHS01_...} line per type (default: {@code msg/} as
 * {@code flotilla_msgs}), for advertisement in DDS USER_DATA. O(total definition size).
 */
public final class PackageTypeHashes {
  /** Default package name. */
  public static final String DEFAULT_PACKAGE = "flotilla_msgs";
  /** Default message directory, relative to the repository root. */
  public static final Path DEFAULT_DIR = Path.of("msg");

  private PackageTypeHashes() {}

  /**
   * The hashes of every message type in a package directory.
   *
   * @param pkg ROS package name
   * @param msgDir directory of {@code Type.msg} files
   * @param dependencies definitions of the types from other packages
   * @return hash by full type name, sorted by name
   * @throws IOException when the directory cannot be read
   * @throws IllegalArgumentException when a type needs an unknown type
   */
  public static Map<String, String> of(String pkg, Path msgDir, MessageDefinitions dependencies)
      throws IOException {
    MessageDefinitions defs = dependencies.withPackage(pkg, msgDir);
    Map<String, MsgSpec> cache = new HashMap<>();
    Function<String, MsgSpec> lookup = n -> cache.computeIfAbsent(n, defs::spec);
    Map<String, String> out = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(msgDir, "*.msg")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        String type = pkg + "/msg/" + name.substring(0, name.length() - ".msg".length());
        out.put(type, TypeHashes.of(type, lookup));
      }
    }
    return out;
  }

  /**
   * Prints the hashes of a package's types.
   *
   * @param out where to print
   * @param pkg ROS package name
   * @param msgDir directory of {@code Type.msg} files
   * @throws IOException when the directory cannot be read
   */
  public static void print(PrintStream out, String pkg, Path msgDir) throws IOException {
    for (var e : of(pkg, msgDir, MessageDefinitions.bundled()).entrySet()) {
      out.println(e.getKey() + " " + e.getValue());
    }
  }

  /**
   * Prints {@code pkg/msg/Type RIHS01_...} for every {@code .msg} file of a directory.
   *
   * @param args {@code [msgDir [package]]}, default {@code msg flotilla_msgs}
   */
  public static void main(String[] args) {
    Path dir = args.length > 0 ? Path.of(args[0]) : DEFAULT_DIR;
    String pkg = args.length > 1 ? args[1] : DEFAULT_PACKAGE;
    try {
      print(System.out, pkg, dir);
    } catch (IOException | RuntimeException e) {
      System.err.println("Cannot hash the message types of " + pkg + " in " + dir + ": "
          + e.getMessage());
      System.exit(1);
    }
  }
}
