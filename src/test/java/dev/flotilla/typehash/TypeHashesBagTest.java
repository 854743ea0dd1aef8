package dev.flotilla.typehash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flotilla.bag.mcap.McapReader;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.meta.BagMetadata;
import dev.flotilla.bag.meta.MetadataYaml;
import dev.flotilla.bag.meta.TopicMessageCount;
import dev.flotilla.bag.meta.TopicMetadata;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MsgParser;
import dev.flotilla.bag.msgdef.MsgSpec;
import dev.flotilla.bag.sqlite.Db3Definition;
import dev.flotilla.bag.sqlite.Db3Reader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces, exactly, the RIHS01 type hashes that ROS 2 itself wrote into the shared rosbag2
 * sample bags ({@code ../shared/data/rosbag2}, read in place): each hash is recomputed from the
 * bag's own schema text and, when the type is one Flotilla bundles, from the bundled
 * {@code .msg} files.
 */
class TypeHashesBagTest {
  private static final Path SCRIPTS_ROS2 = Path.of("scripts", "msggen", "ros2");

  private static MessageDefinitions bundledDefs;
  private static Function<String, MsgSpec> bundled;

  @BeforeAll
  static void loadBundled() throws IOException {
    // scripts/msggen/ros2/<pkg>/*.msg over the jar's bundled set (which adds service_msgs).
    MessageDefinitions defs = MessageDefinitions.bundled();
    try (Stream<Path> pkgs = Files.list(SCRIPTS_ROS2)) {
      for (Path p : pkgs.filter(Files::isDirectory).sorted().toList()) {
        defs = defs.withPackage(p.getFileName().toString(), p);
      }
    }
    bundledDefs = defs;
    Map<String, MsgSpec> cache = new HashMap<>();
    bundled = name -> cache.computeIfAbsent(name, n -> bundledDefs.spec(n));
  }

  static Path sharedRosbag2() {
    return Path.of(System.getProperty("flotilla.shared", "../shared"), "data", "rosbag2");
  }

  /** Whether Flotilla bundles a .msg file for the type (a message type, not a service's). */
  static boolean isBundled(String type) {
    String full = MsgParser.fullName(type);
    String[] p = full.split("/");
    return p.length == 3 && p[1].equals("msg")
        && (Files.exists(SCRIPTS_ROS2.resolve(p[0]).resolve(p[2] + ".msg"))
            || bundledDefs.types().contains(full));
  }

  /** One check: type, expected hash, the schema text found in the bag (null when none). */
  record Case(String where, String type, String expected, String schema) {}

  /**
   * Checks one topic against every source available; returns the sources used ("schema",
   * "bundled").
   */
  static List<String> check(Case c) {
    List<String> sources = new ArrayList<>();
    if (c.schema() != null && !c.schema().isEmpty()) {
      String got = TypeHashes.ofSchema(c.type(), c.schema(), bundled);
      assertEquals(c.expected(), got, c.where() + ": " + c.type() + " from the bag's schema");
      sources.add("schema");
    }
    if (isBundled(c.type())) {
      String got = TypeHashes.of(c.type(), bundled);
      assertEquals(c.expected(), got, c.where() + ": " + c.type() + " from bundled .msg files");
      sources.add("bundled");
    }
    assertFalse(sources.isEmpty(), c.where() + ": " + c.type()
        + " has neither a schema in the bag nor a bundled definition");
    return sources;
  }

  static Map<String, String> mcapSchemas(Path mcap) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (McapReader r = McapReader.open(mcap)) {
      for (Schema s : r.schemas().values()) {
        if (s.encoding().equals("ros2msg")) {
          out.put(s.name(), new String(s.data(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  static List<Path> find(String glob) throws IOException {
    Path root = sharedRosbag2();
    assumeTrue(Files.isDirectory(root), "no shared sample bags at " + root);
    var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
    }
  }

  @Test
  void metadataYamlHashesAreReproduced() throws IOException {
    int checked = 0;
    Map<String, Integer> perBag = new TreeMap<>();
    for (Path yaml : find("metadata.yaml")) {
      BagMetadata meta = MetadataYaml.read(yaml);
      Map<String, String> schemas = new HashMap<>();
      if (meta.storageIdentifier().equals("mcap")) {
        for (String rel : meta.relativeFilePaths()) {
          Path f = yaml.getParent().resolve(rel);
          if (Files.exists(f)) {
            schemas.putAll(mcapSchemas(f));
          }
        }
      } else if (meta.storageIdentifier().equals("sqlite3")) {
        for (String rel : meta.relativeFilePaths()) {
          Path f = yaml.getParent().resolve(rel);
          if (Files.exists(f)) {
            schemas.putAll(db3Schemas(f));
          }
        }
      }
      String bag = sharedRosbag2().relativize(yaml.getParent()).toString();
      perBag.put(bag, 0);
      for (TopicMessageCount tc : meta.topics()) {
        TopicMetadata t = tc.topic();
        if (t.typeDescriptionHash() == null || t.typeDescriptionHash().isEmpty()) {
          continue;
        }
        List<String> sources = check(new Case(bag + " " + t.name(), t.type(),
            t.typeDescriptionHash(), schemas.get(t.type())));
        System.out.printf("metadata.yaml %-36s %-30s %-40s %s %s%n", bag, t.name(), t.type(),
            t.typeDescriptionHash(), sources);
        perBag.merge(bag, 1, Integer::sum);
        checked++;
      }
    }
    System.out.println("metadata.yaml topics reproduced per bag: " + perBag);
    assertTrue(checked > 0, "no metadata.yaml under " + sharedRosbag2() + " carries a hash");
  }

  /** rosbag2's MCAP storage also writes the hash as channel metadata {@code topic_type_hash}. */
  @Test
  void mcapChannelHashesAreReproduced() throws IOException {
    int checked = 0;
    Map<String, Integer> perFile = new TreeMap<>();
    for (Path mcap : find("*.mcap")) {
      String file = sharedRosbag2().relativize(mcap).toString();
      perFile.put(file, 0);
      try (McapReader r = McapReader.open(mcap)) {
        Map<String, String> done = new TreeMap<>();
        for (Channel ch : r.channels().values()) {
          String hash = ch.metadata().getOrDefault("topic_type_hash", "");
          Schema s = r.schemas().get(ch.schemaId());
          if (hash.isEmpty() || s == null || done.containsKey(s.name())) {
            continue;
          }
          String text = s.encoding().equals("ros2msg")
              ? new String(s.data(), StandardCharsets.UTF_8) : null;
          List<String> sources = check(new Case(file + " " + ch.topic(), s.name(), hash, text));
          System.out.printf("mcap channel  %-50s %-40s %s %s%n", file, s.name(), hash, sources);
          done.put(s.name(), hash);
          perFile.merge(file, 1, Integer::sum);
          checked++;
        }
      }
    }
    System.out.println("mcap distinct types reproduced per file: " + perFile);
    assertTrue(checked > 0, "no MCAP channel under " + sharedRosbag2() + " carries a hash");
  }

  static Map<String, String> db3Schemas(Path db3) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (Db3Reader r = Db3Reader.open(db3)) {
      for (Db3Definition d : r.definitions().values()) {
        if (d.encoding().equals("ros2msg")) {
          out.put(d.topicType(), d.definition());
          if (d.topicType().contains("/srv/")) {
            // A service's row holds the .srv text; its topics carry the X_Event type.
            out.put(d.topicType() + "_Event", d.definition());
          }
        }
      }
    }
    return out;
  }

  /**
   * rosbag2's SQLite storage keeps the hash in {@code topics} and {@code message_definitions}; a
   * service event's definition row is keyed by the service name ({@code pkg/srv/X}) and holds
   * the {@code .srv} text and the hash of {@code pkg/srv/X_Event}.
   */
  @Test
  void db3TopicHashesAreReproduced() throws IOException {
    int checked = 0;
    Map<String, Integer> perFile = new TreeMap<>();
    for (Path db3 : find("*.db3")) {
      String file = sharedRosbag2().relativize(db3).toString();
      perFile.put(file, 0);
      Map<String, String> hashes = new TreeMap<>();
      Map<String, Db3Definition> defs;
      try (Db3Reader r = Db3Reader.open(db3)) {
        defs = r.definitions();
        for (var t : r.topics()) {
          String h = t.topic().typeDescriptionHash();
          if (h != null && !h.isEmpty()) {
            String prev = hashes.put(t.topic().type(), h);
            assertTrue(prev == null || prev.equals(h), file + ": two hashes for "
                + t.topic().type());
          }
        }
      }
      for (var e : hashes.entrySet()) {
        String type = e.getKey();
        Db3Definition d = defs.get(type);
        if (d == null && type.endsWith("_Event")) {
          d = defs.get(type.substring(0, type.length() - "_Event".length()));
        }
        String text = null;
        if (d != null) {
          if (!d.typeDescriptionHash().isEmpty()) {
            assertEquals(e.getValue(), d.typeDescriptionHash(), file
                + ": topics and message_definitions disagree on " + type);
          }
          text = d.encoding().equals("ros2msg") ? d.definition() : null;
        }
        List<String> sources = check(new Case(file, type, e.getValue(), text));
        System.out.printf("db3           %-50s %-40s %s %s%n", file, type, e.getValue(),
            sources);
        perFile.merge(file, 1, Integer::sum);
        checked++;
      }
    }
    System.out.println("db3 distinct types reproduced per file: " + perFile + " (" + checked
        + " in all)");
  }
}
