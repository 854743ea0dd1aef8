package dev.flotilla.node.journal;

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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A node's durable state in an embedded SQLite database ({@code <state_dir>/<node>.db}): the tasks
 * it received and what became of them, robots' liveness and last positions, robot/task pairs
 * that failed, the plan versions it published and small named blobs. The planner and allocator
 * write here and commit before they publish, so whatever a peer has seen survives a
 * {@code kill -9}.
 *
 * <p>The database runs in WAL mode with {@code synchronous=FULL}: WAL alone (with
 * {@code NORMAL}) already survives a killed process, but on power loss it may roll back the last
 * commits, and a plan version that peers have seen could then be issued again with other content.
 * FULL syncs the log at every commit; commits happen on fleet events, not on odometry, so the cost
 * is a few milliseconds per event. Not thread-safe: a node writes from its one callback thread.
 */
public final class StateJournal implements AutoCloseable {
  /** Version of the tables below; a journal written by a newer Flotilla is refused. */
  public static final int SCHEMA_VERSION = 1;
  /** Published plans kept for diagnosis; older ones are pruned. */
  private static final int PLANS_KEPT = 100;

  /** What became of a task the node received. */
  public enum TaskState {
    /** Received, not decided yet (e.g. an LTL task waiting for the offline window). */
    RECEIVED,
    /** Accepted: it must be done exactly once. */
    ACCEPTED,
    /** Refused; kept so the id stays taken. */
    REJECTED,
    /** Completed: it must never be done again. */
    DONE
  }

  /**
   * A task as journaled.
   *
   * @param taskId task id
   * @param request the serialized request (CDR, as on the wire)
   * @param receivedAt node-clock time of receipt, in seconds
   * @param state what became of it
   */
  public record Task(String taskId, byte[] request, double receivedAt, TaskState state) {}

  /**
   * A robot as journaled.
   *
   * @param robotId robot id
   * @param alive whether it was alive (else declared failed)
   * @param x last known x in map (m), NaN when unknown
   * @param y last known y in map (m), NaN when unknown
   * @param z last known z in map (m), NaN when unknown
   */
  public record Robot(String robotId, boolean alive, double x, double y, double z) {}

  private final Path file;
  private final Connection db;
  private final boolean fresh;
  private int batchDepth;

  private StateJournal(Path file, Connection db, boolean fresh) {
    this.file = file;
    this.db = db;
    this.fresh = fresh;
  }

  /**
   * Opens (or creates) the journal of a node.
   *
   * @param stateDir directory of the node's state; created when missing
   * @param nodeName node name; the file is {@code <nodeName>.db}
   * @return the open journal
   * @throws JournalException when the directory or file cannot be used, the file is not a
   *     Flotilla journal, or it was written by a newer schema
   */
  public static StateJournal open(Path stateDir, String nodeName) {
    Path file = stateDir.resolve(nodeName + ".db");
    try {
      Files.createDirectories(stateDir);
    } catch (IOException e) {
      throw new JournalException("Cannot create the state directory " + stateDir + ": "
          + e.getMessage(), e);
    }
    boolean existed = Files.exists(file);
    Connection db;
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new JournalException("Cannot open the state journal " + file + ": " + e.getMessage(),
          e);
    }
    try {
      try (Statement st = db.createStatement()) {
        // Reading the mode back also checks that the file is an SQLite database at all.
        try (ResultSet rs = st.executeQuery("PRAGMA journal_mode=WAL")) {
          rs.next();
        }
        st.execute("PRAGMA synchronous=FULL");
        st.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      }
      int schema = schemaOf(db);
      if (schema > SCHEMA_VERSION) {
        throw new JournalException("The state journal " + file + " has schema version " + schema
            + ", newer than this Flotilla's " + SCHEMA_VERSION + "; use a newer Flotilla or "
            + "another state_dir.", null);
      }
      try (Statement st = db.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS tasks (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
            + "task_id TEXT NOT NULL UNIQUE, request BLOB NOT NULL, received_at REAL NOT NULL, "
            + "state TEXT NOT NULL, changed_at REAL NOT NULL)");
        st.execute("CREATE TABLE IF NOT EXISTS robots (robot_id TEXT PRIMARY KEY, "
            + "alive INTEGER NOT NULL, x REAL, y REAL, z REAL)");
        st.execute("CREATE TABLE IF NOT EXISTS failed_pairs (robot_id TEXT NOT NULL, "
            + "task_id TEXT NOT NULL, PRIMARY KEY (robot_id, task_id))");
        st.execute("CREATE TABLE IF NOT EXISTS plans (version INTEGER PRIMARY KEY, "
            + "cause INTEGER NOT NULL, published_at REAL NOT NULL, plan BLOB NOT NULL)");
        st.execute("CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL)");
        st.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', '" + SCHEMA_VERSION
            + "')");
        st.execute("INSERT OR IGNORE INTO meta VALUES ('node', '" + nodeName.replace("'", "''")
            + "')");
      }
      boolean fresh = !existed || count(db, "SELECT COUNT(*) FROM tasks") == 0
          && count(db, "SELECT COUNT(*) FROM plans") == 0
          && count(db, "SELECT COUNT(*) FROM robots") == 0;
      return new StateJournal(file, db, fresh);
    } catch (SQLException e) {
      closeQuietly(db);
      throw new JournalException("The state journal " + file + " is unreadable or not a "
          + "Flotilla journal (" + e.getMessage() + "); move it away to start afresh.", e);
    } catch (JournalException e) {
      closeQuietly(db);
      throw e;
    }
  }

  private static int schemaOf(Connection db) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
      if (!rs.next()) {
        return 0;
      }
      try {
        return Integer.parseInt(rs.getString(1));
      } catch (NumberFormatException e) {
        throw new SQLException("schema_version '" + rs.getString(1) + "' is not a number");
      }
    }
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static void closeQuietly(Connection db) {
    try {
      db.close();
    } catch (SQLException e) {
      // Already failing; the first error is the one reported.
    }
  }

  /** @return the database file */
  public Path file() {
    return file;
  }

  /** @return whether the journal held no state when opened (first start) */
  public boolean fresh() {
    return fresh;
  }

  /**
   * Runs several writes as one transaction, committed (durably) when {@code writes} returns.
   *
   * @param writes calls of this journal's write methods
   */
  public void batch(Runnable writes) {
    begin();
    boolean ok = false;
    try {
      writes.run();
      ok = true;
    } finally {
      end(ok);
    }
  }

  private void begin() {
    try {
      if (batchDepth++ == 0) {
        db.setAutoCommit(false);
      }
    } catch (SQLException e) {
      batchDepth--;
      throw failure("start a transaction in", e);
    }
  }

  private void end(boolean ok) {
    if (--batchDepth > 0) {
      return;
    }
    try {
      if (ok) {
        db.commit();
      } else {
        db.rollback();
      }
      db.setAutoCommit(true);
    } catch (SQLException e) {
      throw failure("commit to", e);
    }
  }

  private JournalException failure(String what, SQLException e) {
    return new JournalException("Cannot " + what + " the state journal " + file + ": "
        + e.getMessage(), e);
  }

  private interface Sql {
    void run(Connection db) throws SQLException;
  }

  private void write(Sql sql) {
    begin();
    boolean ok = false;
    try {
      sql.run(db);
      ok = true;
    } catch (SQLException e) {
      throw failure("write to", e);
    } finally {
      end(ok);
    }
  }

  /**
   * Records a task the first time it is seen; later calls for the same id change nothing.
   *
   * @param taskId task id
   * @param request serialized request
   * @param at node-clock time, in seconds
   * @param state initial state
   * @return whether the task was new to the journal
   */
  public boolean taskReceived(String taskId, byte[] request, double at, TaskState state) {
    boolean[] inserted = {false};
    write(db -> {
      try (PreparedStatement st = db.prepareStatement("INSERT OR IGNORE INTO tasks (task_id, "
          + "request, received_at, state, changed_at) VALUES (?, ?, ?, ?, ?)")) {
        st.setString(1, taskId);
        st.setBytes(2, request);
        st.setDouble(3, at);
        st.setString(4, state.name());
        st.setDouble(5, at);
        inserted[0] = st.executeUpdate() == 1;
      }
    });
    return inserted[0];
  }

  /**
   * @param taskId a journaled task
   * @param state its new state
   * @param at node-clock time, in seconds
   */
  public void taskState(String taskId, TaskState state, double at) {
    write(db -> {
      try (PreparedStatement st = db.prepareStatement(
          "UPDATE tasks SET state = ?, changed_at = ? WHERE task_id = ?")) {
        st.setString(1, state.name());
        st.setDouble(2, at);
        st.setString(3, taskId);
        st.executeUpdate();
      }
    });
  }

  /**
   * @param taskId task id
   * @return the task's journaled state, or empty when the journal does not know it
   */
  public Optional<TaskState> taskState(String taskId) {
    try (PreparedStatement st = db.prepareStatement("SELECT state FROM tasks WHERE task_id = ?")) {
      st.setString(1, taskId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(TaskState.valueOf(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw new JournalException("Cannot read task " + taskId + " from the state journal "
          + file + ": " + e.getMessage(), e);
    }
  }

  /** @return every journaled task in the order received */
  public List<Task> tasks() {
    List<Task> out = new ArrayList<>();
    read("SELECT task_id, request, received_at, state FROM tasks ORDER BY seq", rs -> out.add(
        new Task(rs.getString(1), rs.getBytes(2), rs.getDouble(3),
            TaskState.valueOf(rs.getString(4)))));
    return out;
  }

  /**
   * @param robot the robot's liveness and last position
   */
  public void robot(Robot robot) {
    write(db -> {
      try (PreparedStatement st = db.prepareStatement(
          "INSERT OR REPLACE INTO robots VALUES (?, ?, ?, ?, ?)")) {
        st.setString(1, robot.robotId());
        st.setInt(2, robot.alive() ? 1 : 0);
        st.setDouble(3, robot.x());
        st.setDouble(4, robot.y());
        st.setDouble(5, robot.z());
        st.executeUpdate();
      }
    });
  }

  /** @return journaled robots by id */
  public Map<String, Robot> robots() {
    Map<String, Robot> out = new LinkedHashMap<>();
    read("SELECT robot_id, alive, x, y, z FROM robots ORDER BY robot_id", rs -> out.put(
        rs.getString(1), new Robot(rs.getString(1), rs.getInt(2) != 0, nan(rs, 3), nan(rs, 4),
            nan(rs, 5))));
    return out;
  }

  private static double nan(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  /**
   * @param robotId robot that could not do the task
   * @param taskId the task
   */
  public void failedPair(String robotId, String taskId) {
    write(db -> {
      try (PreparedStatement st = db.prepareStatement(
          "INSERT OR IGNORE INTO failed_pairs VALUES (?, ?)")) {
        st.setString(1, robotId);
        st.setString(2, taskId);
        st.executeUpdate();
      }
    });
  }

  /** @return journaled failed pairs as {@code robot|task} */
  public Set<String> failedPairs() {
    Set<String> out = new LinkedHashSet<>();
    read("SELECT robot_id, task_id FROM failed_pairs", rs -> out.add(rs.getString(1) + "|"
        + rs.getString(2)));
    return out;
  }

  /**
   * Records a plan version; call before publishing it. Old versions beyond the last
   * {@value #PLANS_KEPT} are pruned.
   *
   * @param version plan version
   * @param cause what triggered it
   * @param at node-clock time, in seconds
   * @param plan the serialized plan
   */
  public void planPublished(long version, int cause, double at, byte[] plan) {
    write(db -> {
      try (PreparedStatement st = db.prepareStatement(
          "INSERT OR REPLACE INTO plans VALUES (?, ?, ?, ?)")) {
        st.setLong(1, version);
        st.setInt(2, cause);
        st.setDouble(3, at);
        st.setBytes(4, plan);
        st.executeUpdate();
      }
      try (PreparedStatement st = db.prepareStatement("DELETE FROM plans WHERE version <= ?")) {
        st.setLong(1, version - PLANS_KEPT);
        st.executeUpdate();
      }
    });
  }

  /** @return the newest journaled plan, or empty */
  public Optional<byte[]> latestPlan() {
    List<byte[]> out = new ArrayList<>();
    read("SELECT plan FROM plans ORDER BY version DESC LIMIT 1", rs -> out.add(rs.getBytes(1)));
    return out.stream().findFirst();
  }

  /**
   * Remembers a plan version another instance published, so that this node's next version is
   * higher even if it never published one itself.
   *
   * @param version the version seen
   */
  public void versionSeen(long version) {
    if (version > maxVersion()) {
      put("version_seen", Long.toString(version));
    }
  }

  /** @return the highest plan version published or seen, 0 when none */
  public long maxVersion() {
    long[] max = {0};
    read("SELECT COALESCE(MAX(version), 0) FROM plans", rs -> max[0] = rs.getLong(1));
    return Math.max(max[0], meta("version_seen").map(Long::parseLong).orElse(0L));
  }

  /**
   * @param key a meta key
   * @param value its value
   */
  public void put(String key, String value) {
    write(db -> {
      try (PreparedStatement st =
          db.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?, ?)")) {
        st.setString(1, key);
        st.setString(2, value);
        st.executeUpdate();
      }
    });
  }

  /**
   * @param key a meta key
   * @return its value, or empty
   */
  public Optional<String> meta(String key) {
    return first("SELECT value FROM meta WHERE key = ?", key, rs -> rs.getString(1));
  }

  /**
   * @param key a meta key holding a number
   * @return the number, or empty
   */
  public OptionalDouble number(String key) {
    return meta(key).map(v -> OptionalDouble.of(Double.parseDouble(v)))
        .orElse(OptionalDouble.empty());
  }

  /**
   * @param name blob name
   * @param data its bytes
   */
  public void putBlob(String name, byte[] data) {
    write(db -> {
      try (PreparedStatement st =
          db.prepareStatement("INSERT OR REPLACE INTO blobs VALUES (?, ?)")) {
        st.setString(1, name);
        st.setBytes(2, data);
        st.executeUpdate();
      }
    });
  }

  /**
   * @param name blob name
   * @return its bytes, or empty
   */
  public Optional<byte[]> blob(String name) {
    return first("SELECT data FROM blobs WHERE name = ?", name, rs -> rs.getBytes(1));
  }

  private interface Column<T> {
    T get(ResultSet rs) throws SQLException;
  }

  /** The first row's column of a query with one text parameter, or empty. */
  private <T> Optional<T> first(String sql, String parameter, Column<T> column) {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      st.setString(1, parameter);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable(column.get(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void read(String sql, Row row) {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        row.accept(rs);
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw new JournalException("Cannot read the state journal " + file + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }
}
