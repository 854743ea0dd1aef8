package dev.flotilla.bag.sqlite;

import dev.flotilla.bag.meta.TopicMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a rosbag2 SQLite3 storage file with schema version 4, the tables and index rosbag2 (Iron
 * and later) creates: {@code schema}, {@code metadata}, {@code topics} (with
 * {@code type_description_hash}), {@code message_definitions}, {@code messages} and
 * {@code timestamp_idx}. Inserts are batched in transactions. O(1) amortized per message.
 */
public final class Db3Writer implements Closeable {
  /** Schema version rosbag2 Iron/Jazzy writes, which this writer follows. */
  public static final int SCHEMA_VERSION = 4;
  private static final int BATCH = 2000;

  private final Path file;
  private final Connection db;
  private final PreparedStatement insertMessage;
  private int pending;
  private int nextTopicId = 1;

  /**
   * Creates a new .db3 file.
   *
   * @param file path; must not exist
   * @param rosDistro value for {@code schema.ros_distro}
   * @throws IOException when the file exists or cannot be created
   */
  public Db3Writer(Path file, String rosDistro) throws IOException {
    if (Files.exists(file)) {
      throw new IOException(file + ": already exists; refusing to overwrite a bag file");
    }
    this.file = file;
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = db.createStatement()) {
        st.execute("PRAGMA journal_mode=MEMORY");
        st.execute("PRAGMA synchronous=OFF");
        st.execute("CREATE TABLE schema(schema_version INTEGER PRIMARY KEY,"
            + "ros_distro TEXT NOT NULL)");
        st.execute("CREATE TABLE metadata(id INTEGER PRIMARY KEY,"
            + "metadata_version INTEGER NOT NULL,metadata TEXT NOT NULL)");
        st.execute("CREATE TABLE topics(id INTEGER PRIMARY KEY,name TEXT NOT NULL,"
            + "type TEXT NOT NULL,serialization_format TEXT NOT NULL,"
            + "offered_qos_profiles TEXT NOT NULL,type_description_hash TEXT NOT NULL)");
        st.execute("CREATE TABLE message_definitions(id INTEGER PRIMARY KEY,"
            + "topic_type TEXT NOT NULL,encoding TEXT NOT NULL,"
            + "encoded_message_definition TEXT NOT NULL,type_description_hash TEXT NOT NULL)");
        st.execute("CREATE TABLE messages(id INTEGER PRIMARY KEY,topic_id INTEGER NOT NULL,"
            + "timestamp INTEGER NOT NULL, data BLOB NOT NULL)");
        st.execute("CREATE INDEX timestamp_idx ON messages (timestamp ASC)");
      }
      try (PreparedStatement ps = db.prepareStatement(
          "INSERT INTO schema(schema_version, ros_distro) VALUES (?, ?)")) {
        ps.setInt(1, SCHEMA_VERSION);
        ps.setString(2, rosDistro);
        ps.executeUpdate();
      }
      db.setAutoCommit(false);
      insertMessage = db.prepareStatement(
          "INSERT INTO messages(topic_id, timestamp, data) VALUES (?, ?, ?)");
    } catch (SQLException e) {
      throw new Db3FormatException(file, null, "cannot create: " + e.getMessage(), e);
    }
  }

  /**
   * Adds a topic row.
   *
   * @param topic the topic
   * @return its id for {@link #write}
   * @throws IOException on a database error
   */
  public int addTopic(TopicMetadata topic) throws IOException {
    int id = nextTopicId++;
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO topics(id, name, type, "
        + "serialization_format, offered_qos_profiles, type_description_hash) "
        + "VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, topic.name());
      ps.setString(3, topic.type());
      ps.setString(4, topic.serializationFormat());
      ps.setString(5, topic.offeredQosProfiles());
      ps.setString(6, topic.typeDescriptionHash());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new Db3FormatException(file, "topics", e.getMessage(), e);
    }
    return id;
  }

  /**
   * Adds a message definition row.
   *
   * @param d the definition
   * @throws IOException on a database error
   */
  public void addDefinition(Db3Definition d) throws IOException {
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO message_definitions(topic_type, "
        + "encoding, encoded_message_definition, type_description_hash) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, d.topicType());
      ps.setString(2, d.encoding());
      ps.setString(3, d.definition());
      ps.setString(4, d.typeDescriptionHash());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new Db3FormatException(file, "message_definitions", e.getMessage(), e);
    }
  }

  /**
   * Appends a message.
   *
   * @param topicId id from {@link #addTopic}
   * @param timestamp receive time (ns since epoch)
   * @param data serialized message
   * @throws IOException on a database error
   */
  public void write(int topicId, long timestamp, byte[] data) throws IOException {
    try {
      insertMessage.setInt(1, topicId);
      insertMessage.setLong(2, timestamp);
      insertMessage.setBytes(3, data);
      insertMessage.addBatch();
      if (++pending >= BATCH) {
        flush();
      }
    } catch (SQLException e) {
      throw new Db3FormatException(file, "messages", e.getMessage(), e);
    }
  }

  private void flush() throws SQLException {
    if (pending > 0) {
      insertMessage.executeBatch();
      pending = 0;
    }
    db.commit();
  }

  /**
   * Stores the serialized bag metadata (rosbag2 writes it when the bag is closed).
   *
   * @param version metadata version
   * @param yaml the document without the top key
   * @throws IOException on a database error
   */
  public void writeMetadata(int version, String yaml) throws IOException {
    try (PreparedStatement ps = db.prepareStatement(
        "INSERT INTO metadata(metadata_version, metadata) VALUES (?, ?)")) {
      ps.setInt(1, version);
      ps.setString(2, yaml);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new Db3FormatException(file, "metadata", e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
      insertMessage.close();
      db.close();
    } catch (SQLException e) {
      throw new Db3FormatException(file, "messages", "cannot close: " + e.getMessage(), e);
    }
  }
}
