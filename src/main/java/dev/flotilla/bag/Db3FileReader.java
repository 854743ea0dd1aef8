package dev.flotilla.bag;

import dev.flotilla.bag.io.MappedIterator;
import dev.flotilla.bag.sqlite.Db3Definition;
import dev.flotilla.bag.sqlite.Db3Reader;
import dev.flotilla.bag.sqlite.Db3Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** rosbag2 view of a SQLite3 file. */
final class Db3FileReader extends AbstractStorageFileReader {
  private final Db3Reader db;
  private final Map<Integer, Db3Topic> byId = new HashMap<>();

  private Db3FileReader(Db3Reader db) {
    super(db.file(), topicsOf(db), db);
    this.db = db;
    for (Db3Topic t : db.topics()) {
      byId.put(t.id(), t);
    }
  }

  private static List<BagTopic> topicsOf(Db3Reader db) {
    List<BagTopic> topics = new ArrayList<>();
    for (Db3Topic t : db.topics()) {
      Db3Definition d = db.definitions().get(t.topic().type());
      topics.add(new BagTopic(t.topic(), d == null ? "" : d.encoding(),
          d == null ? "" : d.definition()));
    }
    return topics;
  }

  static Db3FileReader open(Path file) throws IOException {
    return new Db3FileReader(Db3Reader.open(file));
  }

  @Override
  public Map<String, TopicStats> stats() throws IOException {
    Map<String, TopicStats> out = new LinkedHashMap<>();
    for (Map.Entry<Integer, long[]> e : db.messageStats().entrySet()) {
      Db3Topic t = byId.get(e.getKey());
      String name = t == null ? "<topic id " + e.getKey() + ">" : t.topic().name();
      long[] v = e.getValue();
      out.merge(name, new TopicStats(v[0], v[1], v[2]), TopicStats::plus);
    }
    return out;
  }

  @Override
  public Iterator<BagMessage> messages(BagFilter f) throws IOException {
    Set<Integer> ids = null;
    if (f.topics() != null) {
      ids = new HashSet<>();
      for (Db3Topic t : db.topics()) {
        if (f.topics().contains(t.topic().name())) {
          ids.add(t.id());
        }
      }
    }
    return new MappedIterator<>(db.messages(ids, f.startNanos(), f.endNanos()), m -> {
      Db3Topic t = byId.get(m.topicId());
      if (t == null) {
        throw new UncheckedIOException(new IOException(db.file()
            + ": table 'messages': row refers to unknown topic_id " + m.topicId()));
      }
      return new BagMessage(t.topic().name(), t.topic().type(), m.data(), m.timestamp(),
          m.timestamp());
    });
  }
}
