package dev.flotilla.ros.bagio;

import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.meta.BagMetadata;
import dev.flotilla.bag.meta.OfferedQos;
import dev.flotilla.bag.meta.OfferedQosYaml;
import dev.flotilla.bag.meta.TopicMetadata;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.typehash.TypeHashes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records live DDS topics into a bag, as {@code ros2 bag record} does: each topic is subscribed
 * as raw CDR ({@link DdsBus#subscribeRaw}), so any type records without generated code, and each
 * message is stored with its receive time as log and publish time.
 *
 * <p>Each topic's {@code offered_qos_profiles} (metadata.yaml and the MCAP channel) holds one
 * profile in rosbag2's format for the metadata version written: the QoS this recorder's
 * subscription used ({@link RecordedTopic#qos()}), with rmw's defaults for the policies Flotilla
 * does not set. rosbag2 stores each discovered publisher's offer instead; the {@link DdsBus} does
 * not report remote publishers' QoS, and Flotilla's own publishers offer the documented QoS the
 * recorder subscribes with, so for them the two agree.
 *
 * <p>Messages arrive on middleware threads; writes are serialised on this recorder. O(1)
 * amortized per message.
 */
public final class BagRecorder implements AutoCloseable {
  private static final MessageDefinitions BUNDLED = MessageDefinitions.bundled();

  /**
   * The least history the recorder reads with. A topic's own depth (5 for heartbeats) is what its
   * nodes need, not what a recorder needs: the first writes of a bag are slow (chunk set-up, class
   * loading, a loaded machine), and keep-last would drop the oldest samples meanwhile. rosbag2
   * never blocks its callback on storage for the same reason. A reader's depth is its own and does
   * not affect matching.
   */
  static final int MIN_RECORD_DEPTH = 1000;

  private final BagWriter writer;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private IOException firstError;
  private boolean closed;

  /**
   * Creates the bag's topics and starts recording.
   *
   * @param bus the DDS participant to listen on
   * @param writer an open bag writer; the recorder closes it
   * @param topics what to record
   * @throws IOException when the bag cannot create a topic
   */
  public BagRecorder(DdsBus bus, BagWriter writer, List<RecordedTopic> topics)
      throws IOException {
    this.writer = writer;
    for (RecordedTopic t : topics) {
      writer.createTopic(topicMetadata(t),
          t.definition().isEmpty() ? "" : "ros2msg", t.definition());
      counts.put(t.topic(), 0L);
    }
    for (RecordedTopic t : topics) {
      subscriptions.add(bus.subscribeRaw(t.topic(), t.rosType(), readerQos(t.qos()),
          (cdr, receiveNanos) -> write(t.topic(), cdr, receiveNanos)));
    }
  }

  /**
   * The QoS the recorder reads a topic with: the topic's reliability and durability, with a
   * history of at least {@link #MIN_RECORD_DEPTH}.
   */
  static QosProfile readerQos(QosProfile topic) {
    return new QosProfile(topic.reliable(), topic.transientLocal(),
        Math.max(topic.depth(), MIN_RECORD_DEPTH));
  }

  /** The topic as stored, with the subscription's QoS as its offered profile. */
  static TopicMetadata topicMetadata(RecordedTopic t) {
    QosProfile q = t.qos();
    String offered = OfferedQosYaml.format(List.of(OfferedQos.keepLast(q.depth(), q.reliable(),
        q.transientLocal())), BagMetadata.WRITTEN_VERSION);
    return new TopicMetadata(t.topic(), t.rosType(), "cdr", offered, typeHash(t));
  }

  /**
   * The REP-2011 hash of the recorded type, as rosbag2 stores it in {@code type_description_hash}
   * and the MCAP channel's {@code topic_type_hash}: computed from the definition the bag stores,
   * completed by the bundled definitions; empty when the type is unknown or does not parse, as
   * rosbag2 leaves it for a type it cannot describe.
   */
  static String typeHash(RecordedTopic t) {
    try {
      if (!t.definition().isEmpty()) {
        return TypeHashes.ofSchema(t.rosType(), t.definition(), BUNDLED::spec);
      }
      return TypeHashes.of(t.rosType(), BUNDLED);
    } catch (RuntimeException e) {
      return "";
    }
  }

  private synchronized void write(String topic, byte[] cdr, long receiveNanos) {
    if (closed) {
      return;
    }
    try {
      writer.write(topic, cdr, receiveNanos, receiveNanos);
      counts.merge(topic, 1L, Long::sum);
    } catch (IOException e) {
      if (firstError == null) {
        firstError = e;
      }
    }
  }

  /** @return messages recorded so far, by topic, in the order the topics were given */
  public synchronized Map<String, Long> counts() {
    return new LinkedHashMap<>(counts);
  }

  /** @return messages recorded so far */
  public synchronized long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Stops the subscriptions and closes the bag (writing its metadata.yaml). Idempotent.
   *
   * @throws IOException when closing the bag fails, or the first write error while recording
   */
  @Override
  public void close() throws IOException {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        // The subscription is gone with its participant; nothing left to stop.
      }
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      writer.close();
      if (firstError != null) {
        throw new IOException("writing " + writer.directory() + " failed while recording: "
            + firstError.getMessage(), firstError);
      }
    }
  }
}
