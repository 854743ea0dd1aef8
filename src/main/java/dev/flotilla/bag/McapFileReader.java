package dev.flotilla.bag;

import dev.flotilla.bag.io.MappedIterator;
import dev.flotilla.bag.mcap.McapMessage;
import dev.flotilla.bag.mcap.McapQuery;
import dev.flotilla.bag.mcap.McapReader;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.mcap.McapRecord.Statistics;
import dev.flotilla.bag.meta.TopicMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** rosbag2 view of an MCAP file: channels are topics, schemas carry the definitions. */
final class McapFileReader extends AbstractStorageFileReader {
  private final McapReader mcap;

  private McapFileReader(McapReader mcap) {
    super(mcap.file(), topicsOf(mcap), mcap);
    this.mcap = mcap;
  }

  private static List<BagTopic> topicsOf(McapReader mcap) {
    Map<String, BagTopic> byName = new LinkedHashMap<>();
    for (Channel c : mcap.channels().values()) {
      byName.putIfAbsent(c.topic(), topicOf(c, mcap.schemas().get(c.schemaId())));
    }
    return new ArrayList<>(byName.values());
  }

  static McapFileReader open(Path file) throws IOException {
    return new McapFileReader(McapReader.open(file));
  }

  static BagTopic topicOf(Channel c, Schema s) {
    String type = s == null ? "" : s.name();
    return new BagTopic(new TopicMetadata(c.topic(), type, c.messageEncoding(),
        c.metadata().getOrDefault("offered_qos_profiles", ""),
        c.metadata().getOrDefault("topic_type_hash", "")), s == null ? "" : s.encoding(),
        s == null ? "" : new String(s.data(), StandardCharsets.UTF_8));
  }

  @Override
  public Map<String, TopicStats> stats() throws IOException {
    Map<String, TopicStats> out = new LinkedHashMap<>();
    Statistics st = mcap.statistics();
    if (st != null && st.messageCount() == 0) {
      return out;
    }
    // Per-channel times are not in the statistics record, so count by reading: exact either way.
    for (Iterator<McapMessage> it = mcap.messages(McapQuery.all()); it.hasNext(); ) {
      McapMessage m;
      try {
        m = it.next();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      out.merge(m.channel().topic(), new TopicStats(1, m.logTime(), m.logTime()),
          TopicStats::plus);
    }
    return out;
  }

  @Override
  public Iterator<BagMessage> messages(BagFilter f) {
    return new MappedIterator<>(mcap.messages(query(f)), m -> new BagMessage(m.channel().topic(),
        typeOf(m), m.data(), m.logTime(), m.publishTime()));
  }

  /** The messages with their payloads in place (see {@link McapMessage#dataBuffer()}). */
  @Override
  public Iterator<BagMessageView> views(BagFilter f) {
    return new MappedIterator<>(mcap.messages(query(f)), m -> new BagMessageView(
        m.channel().topic(), typeOf(m), m.dataBuffer(), m.logTime(), m.publishTime()));
  }

  private static McapQuery query(BagFilter f) {
    return new McapQuery(f.topics(), f.startNanos(), f.endNanos());
  }

  private static String typeOf(McapMessage m) {
    return m.schema() == null ? "" : m.schema().name();
  }
}
