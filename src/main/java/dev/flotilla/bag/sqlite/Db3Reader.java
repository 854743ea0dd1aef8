package dev.flotilla.bag.sqlite;

import dev.flotilla.bag.io.LookaheadIterator;
import dev.flotilla.bag.io.Resources;
import dev.flotilla.bag.meta.TopicMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads a rosbag2 SQLite3 storage file (schema versions 1 to 4: {@code topics}, {@code messages},
 * and when present {@code schema}, {@code metadata}, {@code message_definitions}). The file is
 * opened read-only and immutable, so read-only sample bags and their WAL files are never touched.
 * Messages come in timestamp order through rosbag2's {@code timestamp_idx}.
 */
public final class Db3Reader implements Closeable {
  private final Path file;
  private final Connection db;
  private final List<Db3Topic> topics = new ArrayList<>();
  private final Map<String, Db3Definition> definitions = new LinkedHashMap<>();
  private int schemaVersion;
  private String rosDistro = "";
  private String serializedMetadata;

  private Db3Reader(Path file, Connection db) {
    this.file = file;
    this.db = db;
  }

  /**
   * Opens a .db3 file and reads its topics and definitions.
   *
   * @param file the file
   * @return the reader
   * @throws IOException when the file is missing, not SQLite, or lacks a required table
   */
  public static Db3Reader open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new Db3FormatException(file, null, "no such file", null);
    }
    Connection c;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath()
          + "?mode=ro&immutable=1");
    } catch (SQLException e) {
      throw new Db3FormatException(file, null, "cannot open: " + e.getMessage(), e);
    }
    Db3Reader r = new Db3Reader(file, c);
    return Resources.initOrClose(r, r::init);
  }

  private void init() throws IOException {
    Set<String> tables = new HashSet<>();
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new Db3FormatException(file, null, "not a readable SQLite database: "
          + e.getMessage(), e);
    }
    for (String required : List.of("topics", "messages")) {
      if (!tables.contains(required)) {
        throw new Db3FormatException(file, required, "missing; not a rosbag2 SQLite3 bag", null);
      }
    }
    Set<String> topicColumns = columns("topics");
    for (String col : List.of("id", "name", "type", "serialization_format")) {
      if (!topicColumns.contains(col)) {
        throw new Db3FormatException(file, "topics", "missing column '" + col + "'", null);
      }
    }
    String sql = "SELECT id, name, type, serialization_format, "
        + (topicColumns.contains("offered_qos_profiles") ? "offered_qos_profiles" : "''") + ", "
        + (topicColumns.contains("type_description_hash") ? "type_description_hash" : "''")
        + " FROM topics ORDER BY id";
    query("topics", sql, rs -> topics.add(new Db3Topic(rs.getInt(1), new TopicMetadata(
        rs.getString(2), rs.getString(3), rs.getString(4), nz(rs.getString(5)),
        nz(rs.getString(6))))));
    if (tables.contains("message_definitions")) {
      query("message_definitions", "SELECT topic_type, encoding, encoded_message_definition, "
          + "type_description_hash FROM message_definitions ORDER BY id",
          rs -> definitions.put(rs.getString(1), new Db3Definition(rs.getString(1),
              rs.getString(2), rs.getString(3), nz(rs.getString(4)))));
    }
    if (tables.contains("schema")) {
      query("schema", "SELECT schema_version, ros_distro FROM schema", rs -> {
        schemaVersion = rs.getInt(1);
        rosDistro = nz(rs.getString(2));
      });
    }
    if (tables.contains("metadata")) {
      query("metadata", "SELECT metadata FROM metadata ORDER BY id",
          rs -> serializedMetadata = rs.getString(1));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private Set<String> columns(String table) throws IOException {
    Set<String> cols = new HashSet<>();
    query(table, "PRAGMA table_info(" + table + ")", rs -> cols.add(rs.getString("name")));
    return cols;
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String table, String sql, Row row) throws IOException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        row.accept(rs);
      }
    } catch (SQLException e) {
      throw new Db3FormatException(file, table, e.getMessage(), e);
    }
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** Rows of {@code topics}, by id. */
  public List<Db3Topic> topics() {
    return topics;
  }

  /** Rows of {@code message_definitions} by type name (empty for older bags). */
  public Map<String, Db3Definition> definitions() {
    return definitions;
  }

  /** {@code schema.schema_version}, 0 when the table is absent (rosbag2 before Humble). */
  public int schemaVersion() {
    return schemaVersion;
  }

  /** {@code schema.ros_distro}, "" when absent. */
  public String rosDistro() {
    return rosDistro;
  }

  /** The newest {@code metadata.metadata} document, or null when absent. */
  public String serializedMetadata() {
    return serializedMetadata;
  }

  /**
   * Per topic id: message count, first and last timestamp.
   *
   * @return map from topic id to {count, min, max}
   * @throws IOException on a database error
   */
  public Map<Integer, long[]> messageStats() throws IOException {
    Map<Integer, long[]> out = new LinkedHashMap<>();
    query("messages", "SELECT topic_id, COUNT(*), MIN(timestamp), MAX(timestamp) FROM messages "
        + "GROUP BY topic_id", rs -> out.put(rs.getInt(1),
            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}));
    return out;
  }

  /**
   * Messages in timestamp order.
   *
   * @param topicIds topic ids to keep, or null for all
   * @param startTime first timestamp included (ns)
   * @param endTime first timestamp excluded (ns)
   * @return an iterator that must be exhausted or the reader closed
   * @throws IOException on a database error
   */
  public Iterator<Db3Message> messages(Set<Integer> topicIds, long startTime, long endTime)
      throws IOException {
    StringBuilder sql = new StringBuilder(
        "SELECT topic_id, timestamp, data FROM messages WHERE timestamp >= ? AND timestamp < ?");
    if (topicIds != null) {
      StringJoiner ids = new StringJoiner(",", " AND topic_id IN (", ")");
      ids.setEmptyValue(" AND 0");
      topicIds.forEach(id -> ids.add(Integer.toString(id)));
      sql.append(ids);
    }
    sql.append(" ORDER BY timestamp, id");
    try {
      PreparedStatement ps = db.prepareStatement(sql.toString());
      ps.setLong(1, startTime);
      ps.setLong(2, endTime);
      ps.setFetchSize(1024);
      return new RowIterator(ps, ps.executeQuery());
    } catch (SQLException e) {
      throw new Db3FormatException(file, "messages", e.getMessage(), e);
    }
  }

  private final class RowIterator extends LookaheadIterator<Db3Message> {
    private final PreparedStatement ps;
    private final ResultSet rs;

    RowIterator(PreparedStatement ps, ResultSet rs) {
      this.ps = ps;
      this.rs = rs;
    }

    @Override
    protected Db3Message readNext() throws IOException {
      try {
        if (rs.next()) {
          byte[] data = rs.getBytes(3);
          return new Db3Message(rs.getInt(1), rs.getLong(2), data == null ? new byte[0] : data);
        }
        rs.close();
        ps.close();
        return null;
      } catch (SQLException e) {
        throw new Db3FormatException(file, "messages", e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
