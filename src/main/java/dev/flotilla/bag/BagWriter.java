package dev.flotilla.bag;

import dev.flotilla.bag.meta.BagFileInfo;
import dev.flotilla.bag.meta.BagMetadata;
import dev.flotilla.bag.meta.MetadataYaml;
import dev.flotilla.bag.meta.TopicMessageCount;
import dev.flotilla.bag.meta.TopicMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a rosbag2 bag directory the way {@code ros2 bag record} does: storage files named
 * {@code <dir>_<n>.mcap} or {@code <dir>_<n>.db3} (split by size when asked), each storing the
 * topics, definitions and serialized metadata, and a metadata.yaml (version 8) on close.
 *
 * <pre>{@code
 * try (BagWriter w = BagWriter.open(dir, StorageId.MCAP)) {
 *   w.write("/odom", "nav_msgs/msg/Odometry", cdrBytes, stampNanos);
 * }
 * }</pre>
 *
 * Not thread-safe. O(1) amortized per message.
 */
public final class BagWriter implements Closeable {
  private final Path dir;
  private final BagWriterOptions opt;
  private final Map<String, BagTopic> topics = new LinkedHashMap<>();
  private final Map<String, Long> counts = new HashMap<>();
  private final List<BagFileInfo> closedFiles = new ArrayList<>();
  private StorageFileWriter current;
  private Map<String, Integer> currentIds = new HashMap<>();
  private String currentName;
  private long fileFirst = Long.MAX_VALUE;
  private long fileLast = Long.MIN_VALUE;
  private long fileCount;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private long total;
  private boolean closed;

  private BagWriter(Path dir, BagWriterOptions opt) {
    this.dir = dir;
    this.opt = opt;
  }

  /**
   * Creates a bag directory with rosbag2's default options for the storage.
   *
   * @param dir the bag directory; must not exist or be empty
   * @param storage MCAP or SQLite3
   * @return the writer
   * @throws IOException when the directory exists with content or cannot be created
   */
  public static BagWriter open(Path dir, StorageId storage) throws IOException {
    return open(dir, BagWriterOptions.defaults(storage));
  }

  /**
   * Creates a bag directory.
   *
   * @param dir the bag directory; must not exist or be empty
   * @param options storage, compression, splitting, definitions
   * @return the writer
   * @throws IOException when the directory exists with content or cannot be created
   */
  public static BagWriter open(Path dir, BagWriterOptions options) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new IOException(dir + ": exists and is not a directory");
      }
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new IOException(dir + ": bag directory exists and is not empty");
        }
      }
    }
    Files.createDirectories(dir);
    BagWriter w = new BagWriter(dir, options);
    w.nextFile();
    return w;
  }

  private String baseName() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? "bag" : name.toString();
  }

  private void nextFile() throws IOException {
    currentName = baseName() + "_" + closedFiles.size() + opt.storage().extension();
    current = StorageFileWriter.create(dir.resolve(currentName), opt);
    currentIds = new HashMap<>();
    for (BagTopic t : topics.values()) {
      currentIds.put(t.topic().name(), current.addTopic(t));
    }
    fileFirst = Long.MAX_VALUE;
    fileLast = Long.MIN_VALUE;
    fileCount = 0;
  }

  /**
   * Registers a topic with an explicit definition (e.g. copied from another bag).
   *
   * @param topic name, type, format, QoS, hash
   * @param definitionEncoding {@code ros2msg} (or "" when unknown)
   * @param definition definition text with dependencies ("" when unknown)
   * @throws IOException on a storage error
   * @throws IllegalArgumentException when the topic exists with another type
   */
  public void createTopic(TopicMetadata topic, String definitionEncoding, String definition)
      throws IOException {
    BagTopic existing = topics.get(topic.name());
    if (existing != null) {
      if (!existing.topic().type().equals(topic.type())) {
        throw new IllegalArgumentException("topic '" + topic.name() + "' already has type "
            + existing.topic().type() + ", not " + topic.type());
      }
      return;
    }
    BagTopic t = new BagTopic(topic, definitionEncoding, definition);
    topics.put(topic.name(), t);
    currentIds.put(topic.name(), current.addTopic(t));
  }

  /**
   * Registers a CDR topic whose definition comes from the options' registry.
   *
   * @param topic the topic
   * @throws IOException on a storage error
   */
  public void createTopic(TopicMetadata topic) throws IOException {
    String def = opt.definitions() == null ? null : opt.definitions().schemaText(topic.type());
    createTopic(topic, def == null ? "" : "ros2msg", def == null ? "" : def);
  }

  /**
   * Writes a message, creating its topic on first use.
   *
   * @param topic topic name
   * @param type ROS type ({@code pkg/msg/Type})
   * @param cdr serialized message with encapsulation header
   * @param timestampNanos receive time (ns since epoch)
   * @throws IOException on a storage error
   * @throws IllegalArgumentException when the topic exists with another type
   */
  public void write(String topic, String type, byte[] cdr, long timestampNanos)
      throws IOException {
    BagTopic t = topics.get(topic);
    if (t == null) {
      createTopic(TopicMetadata.cdr(topic, type));
    } else if (!t.topic().type().equals(type)) {
      throw new IllegalArgumentException("topic '" + topic + "' has type " + t.topic().type()
          + ", not " + type);
    }
    write(topic, cdr, timestampNanos, timestampNanos);
  }

  /**
   * Writes a message on a registered topic.
   *
   * @param topic topic name
   * @param cdr serialized message
   * @param logTimeNanos receive time (ns since epoch)
   * @param publishTimeNanos publish time (ns since epoch)
   * @throws IOException on a storage error
   */
  public void write(String topic, byte[] cdr, long logTimeNanos, long publishTimeNanos)
      throws IOException {
    if (closed) {
      throw new IllegalStateException("bag " + dir + " is closed");
    }
    Integer id = currentIds.get(topic);
    if (id == null) {
      throw new IllegalArgumentException("topic '" + topic + "' was not created");
    }
    if (opt.maxFileBytes() > 0 && fileCount > 0 && current.size() >= opt.maxFileBytes()) {
      closeFile();
      nextFile();
      id = currentIds.get(topic);
    }
    current.write(id, cdr, logTimeNanos, publishTimeNanos);
    counts.merge(topic, 1L, Long::sum);
    fileCount++;
    total++;
    fileFirst = Math.min(fileFirst, logTimeNanos);
    fileLast = Math.max(fileLast, logTimeNanos);
    first = Math.min(first, logTimeNanos);
    last = Math.max(last, logTimeNanos);
  }

  private void closeFile() throws IOException {
    closedFiles.add(new BagFileInfo(currentName, fileCount == 0 ? Long.MAX_VALUE : fileFirst,
        fileCount == 0 ? 0 : fileLast - fileFirst, fileCount));
    try {
      current.finish(metadata());
    } finally {
      current.close();
    }
  }

  /** The metadata as of now (files closed so far). */
  public BagMetadata metadata() {
    List<TopicMessageCount> tc = new ArrayList<>();
    for (BagTopic t : topics.values()) {
      tc.add(new TopicMessageCount(t.topic(), counts.getOrDefault(t.topic().name(), 0L)));
    }
    return new BagMetadata(BagMetadata.WRITTEN_VERSION, opt.storage().identifier(),
        closedFiles.stream().map(BagFileInfo::path).toList(), total == 0 ? 0 : last - first,
        total == 0 ? Long.MAX_VALUE : first, total, tc, "", "", List.copyOf(closedFiles),
        Map.of(), opt.rosDistro());
  }

  /** The bag directory. */
  public Path directory() {
    return dir;
  }

  /** Closes the last storage file and writes metadata.yaml. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    closeFile();
    MetadataYaml.write(metadata(), dir.resolve("metadata.yaml"));
  }
}
