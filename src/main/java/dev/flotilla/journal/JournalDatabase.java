package dev.flotilla.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The SQLite side of a {@link StateJournal}: opening the file (WAL, {@code synchronous=FULL}),
 * creating and checking the tables, nested transactions, and reads and writes that turn
 * {@link SQLException}s into {@link JournalException}s naming the file.
 */
final class JournalDatabase implements AutoCloseable {
  private final Path file;
  private final Connection db;
  private final boolean fresh;
  private int batchDepth;

  private JournalDatabase(Path file, Connection db, boolean fresh) {
    this.file = file;
    this.db = db;
    this.fresh = fresh;
  }

  /**
   * Opens (or creates) the database of a node's journal, with its tables.
   *
   * @param stateDir directory of the node's state; created when missing
   * @param nodeName node name; the file is {@code <nodeName>.db}
   * @param schemaVersion version of the tables this Flotilla writes
   * @return the open database
   * @throws JournalException when the directory or file cannot be used, the file is not a
   *     Flotilla journal, or it was written by a newer schema
   */
  static JournalDatabase open(Path stateDir, String nodeName, int schemaVersion) {
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
      if (schema > schemaVersion) {
        throw new JournalException("The state journal " + file + " has schema version " + schema
            + ", newer than this Flotilla's " + schemaVersion + "; use a newer Flotilla or "
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
        st.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', '" + schemaVersion
            + "')");
        st.execute("INSERT OR IGNORE INTO meta VALUES ('node', '" + nodeName.replace("'", "''")
            + "')");
      }
      boolean fresh = !existed || count(db, "SELECT COUNT(*) FROM tasks") == 0
          && count(db, "SELECT COUNT(*) FROM plans") == 0
          && count(db, "SELECT COUNT(*) FROM robots") == 0;
      return new JournalDatabase(file, db, fresh);
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
  Path file() {
    return file;
  }

  /** @return whether the journal held no state when opened (first start) */
  boolean fresh() {
    return fresh;
  }

  /**
   * Runs several writes as one transaction, committed (durably) when {@code writes} returns.
   *
   * @param writes calls of this journal's write methods
   */
  void batch(Runnable writes) {
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

  JournalException failure(String what, SQLException e) {
    return new JournalException("Cannot " + what + " the state journal " + file + ": "
        + e.getMessage(), e);
  }

  /** Statements on the connection. */
  interface Sql {
    void run(Connection db) throws SQLException;
  }

  /** Runs statements in a transaction (or the enclosing batch). */
  void write(Sql sql) {
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

  /** @return the open connection, for statements with their own error messages */
  Connection connection() {
    return db;
  }

  /** One column of a result row. */
  interface Column<T> {
    T get(ResultSet rs) throws SQLException;
  }

  /** The first row's column of a query with one text parameter, or empty. */
  <T> Optional<T> first(String sql, String parameter, Column<T> column) {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      st.setString(1, parameter);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable(column.get(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /** Takes one result row. */
  interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Runs a query and hands each row over. */
  void read(String sql, Row row) {
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
