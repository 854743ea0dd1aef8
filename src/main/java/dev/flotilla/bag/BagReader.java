package dev.flotilla.bag;

import dev.flotilla.bag.meta.BagFileInfo;
import dev.flotilla.bag.meta.BagMetadata;
import dev.flotilla.bag.meta.MetadataYaml;
import dev.flotilla.bag.meta.TopicMessageCount;
import dev.flotilla.bag.meta.TopicMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Reads a rosbag2 bag: a directory with metadata.yaml and one or more storage files (MCAP or
 * SQLite3, split bags included), or a single {@code .mcap} / {@code .db3} file. Messages of all
 * files are merged in log-time order and filtered by topic and time window.
 *
 * <p>Typical use (e.g. by {@code bag play} or the replay harness):
 *
 * <pre>{@code
 * try (BagReader bag = BagReader.open(path)) {
 *   for (Iterator<BagMessage> it = bag.messages(BagFilter.topics("/odom")); it.hasNext(); ) {
 *     BagMessage m = it.next(); // topic, type, CDR bytes, log time
 *   }
 * }
 * }</pre>
 *
 * {@link #views} gives the same messages without copying their payloads, for consumers that
 * decode in place or only forward the bytes. Iterators report damage as
 * {@link UncheckedIOException} whose cause names file and offset.
 * Time: O(files) to open plus the storage's open cost; reading is O(bytes read + n log f) for n
 * messages over f files.
 */
public final class BagReader implements Closeable {
  private final Path path;
  private final StorageId storage;
  private final BagMetadata yamlMetadata;
  private final List<StorageFileReader> files;
  private final List<BagTopic> topics;

  private BagReader(Path path, StorageId storage, BagMetadata yaml, List<StorageFileReader> files) {
    this.path = path;
    this.storage = storage;
    this.yamlMetadata = yaml;
    this.files = files;
    Map<String, BagTopic> byName = new LinkedHashMap<>();
    for (StorageFileReader f : files) {
      for (BagTopic t : f.topics()) {
        byName.merge(t.topic().name(), t, (a, b) -> a.definition().isEmpty() ? b : a);
      }
    }
    if (yaml != null) {
      for (TopicMessageCount t : yaml.topics()) {
        byName.putIfAbsent(t.topic().name(), new BagTopic(t.topic(), "", ""));
      }
    }
    this.topics = List.copyOf(byName.values());
  }

  /**
   * Opens a bag directory or a single storage file.
   *
   * @param path bag directory (with metadata.yaml, or holding .mcap/.db3 files) or a file
   * @return the reader
   * @throws IOException when the bag is missing, unreadable or damaged; the message names the file
   *     and byte offset (MCAP), table (SQLite3) or field (metadata.yaml)
   */
  public static BagReader open(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      StorageId s = StorageId.forFile(path);
      if (s == null) {
        s = sniff(path);
      }
      return new BagReader(path, s, null, List.of(StorageFileReader.open(path, s)));
    }
    if (!Files.isDirectory(path)) {
      throw new IOException(path + ": no such bag (neither a directory nor a file)");
    }
    Path yamlFile = path.resolve("metadata.yaml");
    BagMetadata yaml = null;
    List<Path> paths = new ArrayList<>();
    StorageId storage;
    if (Files.isRegularFile(yamlFile)) {
      yaml = MetadataYaml.read(yamlFile);
      try {
        storage = StorageId.fromIdentifier(yaml.storageIdentifier());
      } catch (IllegalArgumentException e) {
        throw new IOException(yamlFile + ": field 'storage_identifier': " + e.getMessage(), e);
      }
      for (String rel : yaml.relativeFilePaths()) {
        paths.add(BagPaths.resolve(path, yamlFile, rel));
      }
    } else {
      try (Stream<Path> s = Files.list(path)) {
        s.filter(p -> StorageId.forFile(p) != null).sorted().forEach(paths::add);
      }
      if (paths.isEmpty()) {
        throw new IOException(path + ": no metadata.yaml and no .mcap or .db3 files");
      }
      for (Path p : paths) {
        BagPaths.checkListed(path, p);
      }
      storage = StorageId.forFile(paths.get(0));
    }
    List<StorageFileReader> readers = new ArrayList<>();
    try {
      for (Path p : paths) {
        readers.add(StorageFileReader.open(p, storage));
      }
    } catch (IOException | RuntimeException e) {
      for (StorageFileReader r : readers) {
        r.close();
      }
      throw e;
    }
    return new BagReader(path, storage, yaml, readers);
  }

  private static StorageId sniff(Path file) throws IOException {
    byte[] head = new byte[16];
    int n;
    try (var in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 16);
    }
    if (n >= 5 && (head[0] & 0xFF) == 0x89 && head[1] == 'M' && head[2] == 'C') {
      return StorageId.MCAP;
    }
    if (n == 16 && new String(head, 0, 15, StandardCharsets.US_ASCII)
        .equals("SQLite format 3")) {
      return StorageId.SQLITE3;
    }
    throw new IOException(file + ": byte 0: neither an MCAP nor a SQLite3 file");
  }

  /** The path opened. */
  public Path path() {
    return path;
  }

  /** The storage format. */
  public StorageId storage() {
    return storage;
  }

  /** The storage files, in bag order. */
  public List<Path> files() {
    return files.stream().map(StorageFileReader::file).toList();
  }

  /** Topics with their definitions, in first-seen order. */
  public List<BagTopic> topics() {
    return topics;
  }

  /**
   * The bag's metadata: metadata.yaml when the bag has one, else computed from the storage.
   *
   * @return the metadata
   * @throws IOException when the storage cannot be read
   */
  public BagMetadata metadata() throws IOException {
    return yamlMetadata != null ? yamlMetadata : computedMetadata();
  }

  /** Whether the bag has a metadata.yaml. */
  public boolean hasMetadataYaml() {
    return yamlMetadata != null;
  }

  /**
   * Metadata computed from the storage files themselves (counts and times by reading them).
   *
   * @return the metadata, in the version Flotilla writes
   * @throws IOException when the storage cannot be read
   */
  public BagMetadata computedMetadata() throws IOException {
    Map<String, TopicStats> all = new LinkedHashMap<>();
    List<BagFileInfo> infos = new ArrayList<>();
    for (StorageFileReader f : files) {
      Map<String, TopicStats> st = f.stats();
      TopicStats fileTotal = null;
      for (Map.Entry<String, TopicStats> e : st.entrySet()) {
        all.merge(e.getKey(), e.getValue(), TopicStats::plus);
        fileTotal = fileTotal == null ? e.getValue() : fileTotal.plus(e.getValue());
      }
      infos.add(fileTotal == null ? new BagFileInfo(name(f), Long.MAX_VALUE, 0, 0)
          : new BagFileInfo(name(f), fileTotal.first(), fileTotal.last() - fileTotal.first(),
              fileTotal.count()));
    }
    List<TopicMessageCount> counts = new ArrayList<>();
    long total = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (BagTopic t : topics) {
      TopicStats s = all.get(t.topic().name());
      counts.add(new TopicMessageCount(t.topic(), s == null ? 0 : s.count()));
      if (s != null) {
        total += s.count();
        first = Math.min(first, s.first());
        last = Math.max(last, s.last());
      }
    }
    return new BagMetadata(BagMetadata.WRITTEN_VERSION, storage.identifier(),
        infos.stream().map(BagFileInfo::path).toList(), total == 0 ? 0 : last - first,
        total == 0 ? Long.MAX_VALUE : first, total, counts, "", "", infos, Map.of(), "");
  }

  private static String name(StorageFileReader f) {
    return f.file().getFileName().toString();
  }

  /**
   * The type of a topic.
   *
   * @param topic topic name
   * @return its type, or null when the bag has no such topic
   */
  public String typeOf(String topic) {
    for (BagTopic t : topics) {
      if (t.topic().name().equals(topic)) {
        return t.topic().type();
      }
    }
    return null;
  }

  /**
   * Messages passing a filter, merged across files in log-time order.
   *
   * @param filter topics and time window
   * @return an iterator; damage surfaces as {@link UncheckedIOException}
   * @throws IOException when a storage file cannot start reading
   */
  public Iterator<BagMessage> messages(BagFilter filter) throws IOException {
    return merged(f -> f.messages(filter), BagMessage::logTimeNanos);
  }

  /**
   * Messages passing a filter, merged across files in log-time order, without copying payloads
   * (see {@link BagMessageView}).
   *
   * @param filter topics and time window
   * @return an iterator; damage surfaces as {@link UncheckedIOException}
   * @throws IOException when a storage file cannot start reading
   */
  public Iterator<BagMessageView> views(BagFilter filter) throws IOException {
    return merged(f -> f.views(filter), BagMessageView::logTimeNanos);
  }

  private interface FileRead<T> {
    Iterator<T> start(StorageFileReader f) throws IOException;
  }

  /** Each file's iterator, merged by log time when there are several. */
  private <T> Iterator<T> merged(FileRead<T> read, ToLongFunction<T> time) throws IOException {
    List<Iterator<T>> its = new ArrayList<>();
    for (StorageFileReader f : files) {
      its.add(read.start(f));
    }
    return its.size() == 1 ? its.get(0) : new Merge<>(its, time);
  }

  /** K-way merge of per-file iterators by log time; ties keep file order. */
  private static final class Merge<T> implements Iterator<T> {
    private record Head<T>(T m, long time, int file, Iterator<T> it) {}

    private final PriorityQueue<Head<T>> pq = new PriorityQueue<>(Comparator
        .comparingLong((Head<T> h) -> h.time()).thenComparingInt(Head::file));
    private final List<Iterator<T>> pendingStart;
    private final ToLongFunction<T> time;

    Merge(List<Iterator<T>> its, ToLongFunction<T> time) {
      this.pendingStart = new ArrayList<>(its);
      this.time = time;
    }

    private void start() {
      for (int i = 0; i < pendingStart.size(); i++) {
        Iterator<T> it = pendingStart.get(i);
        if (it.hasNext()) {
          T m = it.next();
          pq.add(new Head<>(m, time.applyAsLong(m), i, it));
        }
      }
      pendingStart.clear();
    }

    @Override
    public boolean hasNext() {
      if (!pendingStart.isEmpty()) {
        start();
      }
      return !pq.isEmpty();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Head<T> h = pq.poll();
      if (h.it().hasNext()) {
        T m = h.it().next();
        pq.add(new Head<>(m, time.applyAsLong(m), h.file(), h.it()));
      }
      return h.m();
    }
  }

  /** A topic's metadata by name, or null. */
  public TopicMetadata topic(String name) {
    for (BagTopic t : topics) {
      if (t.topic().name().equals(name)) {
        return t.topic();
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (StorageFileReader f : files) {
      try {
        f.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
