package dev.flotilla.journal;

import dev.flotilla.model.Point3;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Slightly over 400 lines: it is the journal's whole public API (one method per record kind, and
 * open, check and recover); the SQL lives in {@link JournalDatabase}.
 */
public final class StateJournal implements AutoCloseable {
  /** Version of the tables below; a journal written by a newer Flotilla is refused. */
  public static final int SCHEMA_VERSION = 2;
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
   * A robot as journaled. The coordinates mirror the table's nullable columns one by one (a
   * coordinate may be unknown on its own, NaN), which a {@link Point3} cannot hold; the allocator
   * writes and reads whole positions through {@link #Robot(String, boolean, Point3)} and
   * {@link #position()}.
   *
   * @param robotId robot id
   * @param alive whether it was alive (else declared failed)
   * @param x last known x in map (m), NaN when unknown
   * @param y last known y in map (m), NaN when unknown
   * @param z last known z in map (m), NaN when unknown
   */
  public record Robot(String robotId, boolean alive, double x, double y, double z) {

    /**
     * @param robotId robot id
     * @param alive whether it was alive (else declared failed)
     * @param position last known position in map, or null when unknown
     */
    public Robot(String robotId, boolean alive, Point3 position) {
      this(robotId, alive, position == null ? Double.NaN : position.x(),
          position == null ? Double.NaN : position.y(),
          position == null ? Double.NaN : position.z());
    }

    /** @return the last known position in map, or null unless every coordinate is known */
    public Point3 position() {
      return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z)
          ? new Point3(x, y, z) : null;
    }
  }

  private final JournalDatabase db;

  private StateJournal(JournalDatabase db) {
    this.db = db;
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
    return new StateJournal(JournalDatabase.open(stateDir, nodeName, SCHEMA_VERSION));
  }

  /**
   * Recovers a damaged journal ({@code --recover-journal}): the damaged files are renamed to
   * {@code <name>.damaged-<time>} (never deleted), an intact prefix is kept when one can be
   * verified, and the plan version high-water mark always is. An intact journal is left alone.
   *
   * @param stateDir directory of the node's state
   * @param nodeName node name
   * @return a sentence saying what was kept and dropped, or empty when the journal was intact
   * @throws JournalException when the journal cannot be used even so (an unusable state_dir, a
   *     newer schema) or its files cannot be moved
   */
  public static Optional<String> recover(Path stateDir, String nodeName) {
    return new JournalRecovery(stateDir, nodeName).recover();
  }

  /** @return the database file */
  public Path file() {
    return db.file();
  }

  /** @return whether the journal held no state when opened (first start) */
  public boolean fresh() {
    return db.fresh();
  }

  /**
   * Runs several writes as one transaction, committed (durably) when {@code writes} returns.
   *
   * @param writes calls of this journal's write methods
   */
  public void batch(Runnable writes) {
    db.batch(writes);
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
    db.write(c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO tasks (task_id, "
          + "request, received_at, state, changed_at) VALUES (?, ?, ?, ?, ?)")) {
        st.setString(1, taskId);
        st.setBytes(2, request);
        st.setDouble(3, at);
        st.setString(4, state.name());
        st.setDouble(5, at);
        inserted[0] = st.executeUpdate() == 1;
      }
      if (inserted[0]) {
        db.changed(JournalTable.TASKS, null,
            new Object[] {taskId, request, at, state.name(), at});
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
    db.write(c -> {
      Object[] old = db.row(JournalTable.TASKS, taskId);
      if (old == null) {
        return;
      }
      try (PreparedStatement st = c.prepareStatement(
          "UPDATE tasks SET state = ?, changed_at = ? WHERE task_id = ?")) {
        st.setString(1, state.name());
        st.setDouble(2, at);
        st.setString(3, taskId);
        st.executeUpdate();
      }
      db.changed(JournalTable.TASKS, old, new Object[] {old[0], old[1], old[2], state.name(), at});
    });
  }

  /**
   * @param taskId task id
   * @return the task's journaled state, or empty when the journal does not know it
   */
  public Optional<TaskState> taskState(String taskId) {
    try (PreparedStatement st =
        db.connection().prepareStatement("SELECT state FROM tasks WHERE task_id = ?")) {
      st.setString(1, taskId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(TaskState.valueOf(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw new JournalException("Cannot read task " + taskId + " from the state journal "
          + db.file() + ": " + e.getMessage(), e);
    }
  }

  /** @return every journaled task in the order received */
  public List<Task> tasks() {
    List<Task> out = new ArrayList<>();
    db.read("SELECT task_id, request, received_at, state FROM tasks ORDER BY seq", rs -> out.add(
        new Task(rs.getString(1), rs.getBytes(2), rs.getDouble(3),
            TaskState.valueOf(rs.getString(4)))));
    return out;
  }

  /**
   * @param robot the robot's liveness and last position
   */
  public void robot(Robot robot) {
    db.write(c -> {
      Object[] old = db.row(JournalTable.ROBOTS, robot.robotId());
      try (PreparedStatement st = c.prepareStatement(
          "INSERT OR REPLACE INTO robots VALUES (?, ?, ?, ?, ?)")) {
        st.setString(1, robot.robotId());
        st.setInt(2, robot.alive() ? 1 : 0);
        st.setDouble(3, robot.x());
        st.setDouble(4, robot.y());
        st.setDouble(5, robot.z());
        st.executeUpdate();
      }
      db.changed(JournalTable.ROBOTS, old, new Object[] {robot.robotId(),
          robot.alive() ? 1L : 0L, robot.x(), robot.y(), robot.z()});
    });
  }

  /** @return journaled robots by id */
  public Map<String, Robot> robots() {
    Map<String, Robot> out = new LinkedHashMap<>();
    db.read("SELECT robot_id, alive, x, y, z FROM robots ORDER BY robot_id", rs -> out.put(
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
    db.write(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "INSERT OR IGNORE INTO failed_pairs VALUES (?, ?)")) {
        st.setString(1, robotId);
        st.setString(2, taskId);
        if (st.executeUpdate() == 1) {
          db.changed(JournalTable.FAILED_PAIRS, null, new Object[] {robotId, taskId});
        }
      }
    });
  }

  /** @return journaled failed pairs as {@code robot|task} */
  public Set<String> failedPairs() {
    Set<String> out = new LinkedHashSet<>();
    db.read("SELECT robot_id, task_id FROM failed_pairs", rs -> out.add(rs.getString(1) + "|"
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
    db.write(c -> {
      Object[] old = db.row(JournalTable.PLANS, version);
      try (PreparedStatement st = c.prepareStatement(
          "INSERT OR REPLACE INTO plans VALUES (?, ?, ?, ?)")) {
        st.setLong(1, version);
        st.setInt(2, cause);
        st.setDouble(3, at);
        st.setBytes(4, plan);
        st.executeUpdate();
      }
      db.changed(JournalTable.PLANS, old, new Object[] {version, (long) cause, at, plan});
      db.highWater(version);
      try (PreparedStatement st = c.prepareStatement(
          JournalTable.PLANS.selectAll() + " WHERE version <= ?")) {
        st.setLong(1, version - PLANS_KEPT);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            db.changed(JournalTable.PLANS, JournalTable.PLANS.read(rs), null);
          }
        }
      }
      try (PreparedStatement st = c.prepareStatement("DELETE FROM plans WHERE version <= ?")) {
        st.setLong(1, version - PLANS_KEPT);
        st.executeUpdate();
      }
    });
  }

  /** @return the newest journaled plan, or empty */
  public Optional<byte[]> latestPlan() {
    List<byte[]> out = new ArrayList<>();
    db.read("SELECT plan FROM plans ORDER BY version DESC LIMIT 1", rs -> out.add(rs.getBytes(1)));
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
      db.batch(() -> {
        put("version_seen", Long.toString(version));
        db.write(c -> db.highWater(version));
      });
    }
  }

  /** @return the highest plan version published or seen, 0 when none */
  public long maxVersion() {
    long[] max = {0};
    db.read("SELECT COALESCE(MAX(version), 0) FROM plans", rs -> max[0] = rs.getLong(1));
    return Math.max(Math.max(max[0], db.highWater()),
        meta("version_seen").map(Long::parseLong).orElse(0L));
  }

  /**
   * @param key a meta key
   * @param value its value
   */
  public void put(String key, String value) {
    replaceKeyed(JournalTable.META, "meta", key, value);
  }

  /**
   * @param key a meta key
   * @return its value, or empty
   */
  public Optional<String> meta(String key) {
    return db.first("SELECT value FROM meta WHERE key = ?", key, rs -> rs.getString(1));
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
    replaceKeyed(JournalTable.BLOBS, "blobs", name, data);
  }

  /**
   * @param name blob name
   * @return its bytes, or empty
   */
  public Optional<byte[]> blob(String name) {
    return db.first("SELECT data FROM blobs WHERE name = ?", name, rs -> rs.getBytes(1));
  }

  @Override
  public void close() {
    db.close();
  }

  /** Inserts or replaces a (key, value) row of a two-column table, keeping the seal current. */
  private void replaceKeyed(JournalTable table, String sqlTable, String key, Object value) {
    db.write(c -> {
      Object[] old = db.row(table, key);
      try (PreparedStatement st =
          c.prepareStatement("INSERT OR REPLACE INTO " + sqlTable + " VALUES (?, ?)")) {
        st.setString(1, key);
        st.setObject(2, value);
        st.executeUpdate();
      }
      db.changed(table, old, new Object[] {key, value});
    });
  }
}
