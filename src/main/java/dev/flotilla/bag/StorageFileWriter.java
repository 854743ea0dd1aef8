package dev.flotilla.bag;

import dev.flotilla.bag.mcap.McapWriter;
import dev.flotilla.bag.mcap.McapWriterOptions;
import dev.flotilla.bag.meta.BagMetadata;
import dev.flotilla.bag.meta.MetadataYaml;
import dev.flotilla.bag.sqlite.Db3Definition;
import dev.flotilla.bag.sqlite.Db3Writer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One storage file being written, with rosbag2's per-format conventions. */
abstract class StorageFileWriter implements Closeable {
  /** Registers a topic; returns its id. */
  abstract int addTopic(BagTopic t) throws IOException;

  abstract void write(int topicId, byte[] data, long logTime, long publishTime)
      throws IOException;

  /** Bytes written so far (approximate for SQLite3). */
  abstract long size();

  /** Stores the bag's serialized metadata, as rosbag2 does when a file is closed. */
  abstract void finish(BagMetadata m) throws IOException;

  static StorageFileWriter create(Path file, BagWriterOptions o) throws IOException {
    return o.storage() == StorageId.MCAP ? new Mcap(file, o) : new Db3(file, o);
  }

  /** MCAP: profile ros2, one ros2msg schema per type, cdr channels with QoS and type hash. */
  static final class Mcap extends StorageFileWriter {
    private final McapWriter w;
    private final Map<String, Integer> schemaIds = new HashMap<>();
    private final Map<Integer, Long> sequences = new HashMap<>();

    Mcap(Path file, BagWriterOptions o) throws IOException {
      w = new McapWriter(file, McapWriterOptions.indexed("ros2")
          .withCompression(o.compression()).withChunkSize(o.chunkSize()));
    }

    @Override
    int addTopic(BagTopic t) throws IOException {
      Integer schema = schemaIds.get(t.topic().type());
      if (schema == null) {
        // No definition: encoding "" as rosbag2 writes it (empty_message_definition_for), since
        // "ros2msg" with empty text means a message type without fields.
        String enc = !t.definitionEncoding().isEmpty() ? t.definitionEncoding()
            : t.definition().isEmpty() ? "" : "ros2msg";
        schema = w.addSchema(t.topic().type(), enc,
            t.definition().getBytes(StandardCharsets.UTF_8));
        schemaIds.put(t.topic().type(), schema);
      }
      Map<String, String> md = new LinkedHashMap<>();
      md.put("offered_qos_profiles", t.topic().offeredQosProfiles());
      md.put("topic_type_hash", t.topic().typeDescriptionHash());
      return w.addChannel(schema, t.topic().name(), t.topic().serializationFormat(), md);
    }

    @Override
    void write(int topicId, byte[] data, long logTime, long publishTime) throws IOException {
      long seq = sequences.merge(topicId, 1L, Long::sum);
      w.writeMessage(topicId, seq & 0xFFFFFFFFL, logTime, publishTime, data);
    }

    @Override
    long size() {
      return w.position() + w.pendingChunkBytes();
    }

    @Override
    void finish(BagMetadata m) throws IOException {
      w.writeMetadata("rosbag2", Map.of("serialized_metadata", MetadataYaml.format(m, false)));
    }

    @Override
    public void close() throws IOException {
      w.close();
    }
  }

  /** SQLite3 schema version 4 with message_definitions and the metadata table. */
  static final class Db3 extends StorageFileWriter {
    private final Db3Writer w;
    private final Map<String, Boolean> defined = new HashMap<>();
    private long bytes;

    Db3(Path file, BagWriterOptions o) throws IOException {
      w = new Db3Writer(file, o.rosDistro());
    }

    @Override
    int addTopic(BagTopic t) throws IOException {
      if (defined.putIfAbsent(t.topic().type(), true) == null) {
        w.addDefinition(new Db3Definition(t.topic().type(), t.definitionEncoding().isEmpty()
            ? "unknown" : t.definitionEncoding(), t.definition(),
            t.topic().typeDescriptionHash()));
      }
      return w.addTopic(t.topic());
    }

    @Override
    void write(int topicId, byte[] data, long logTime, long publishTime) throws IOException {
      w.write(topicId, logTime, data);
      bytes += data.length + 24;
    }

    @Override
    long size() {
      return bytes;
    }

    @Override
    void finish(BagMetadata m) throws IOException {
      w.writeMetadata(m.version(), MetadataYaml.format(m, false));
    }

    @Override
    public void close() throws IOException {
      w.close();
    }
  }
}
