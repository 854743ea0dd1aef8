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
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite side of a {@link StateJournal}: opening the file (WAL, {@code synchronous=FULL}),
 * creating and checking the tables, nested transactions, and reads and writes that turn
 * {@link SQLException}s into {@link JournalException}s naming the file.
 */
final class JournalDatabase implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JournalDatabase.class.getName());
  private final Path file;
  private final Connection db;
  private final JournalSeal seal;
  private boolean fresh;
  private int batchDepth;
  /** What the journal holds as committed, and what the open transaction will make it. */
  private JournalSeal.State committed;
  private long pendingDigest;
  private long pendingHighWater;
  private boolean dirty;
  private PreparedStatement sealUpdate;
  /** Prepared once: every write reads the row it replaces, for the digest. */
  private final Map<JournalTable, PreparedStatement> rowQueries = new EnumMap<>(JournalTable.class);

  private JournalDatabase(Path file, Connection db, JournalSeal seal, JournalSeal.State state) {
    this.file = file;
    this.db = db;
    this.seal = seal;
    this.committed = state;
  }

  /**
   * Opens (or creates) the database of a node's journal, with its tables, after checking that
   * nothing it committed was lost or altered (see {@link JournalCheck}).
   *
   * @param stateDir directory of the node's state; created when missing
   * @param nodeName node name; the file is {@code <nodeName>.db}
   * @param schemaVersion version of the tables this Flotilla writes
   * @return the open database
   * @throws JournalException when the directory or file cannot be used, the file is not a
   *     Flotilla journal or is damaged ({@link JournalException#damaged()}), or it was written by
   *     a newer schema
   */
  static JournalDatabase open(Path stateDir, String nodeName, int schemaVersion) {
    Path file = stateDir.resolve(nodeName + ".db");
    if (Files.exists(stateDir) && !Files.isDirectory(stateDir)) {
      throw new JournalException("The state_dir " + stateDir + " is a file, not a directory; "
          + "point state_dir at a directory for the journal " + file.getFileName() + ".", null);
    }
    try {
      Files.createDirectories(stateDir);
    } catch (IOException e) {
      throw new JournalException("Cannot create the state directory " + stateDir + ": "
          + e.getMessage(), e);
    }
    Path sealFile = JournalSeal.fileOf(file);
    Optional<JournalSeal.State> sealed = JournalSeal.read(sealFile);
    boolean existed = Files.exists(file);
    if (!existed && sealed.isPresent() && sealed.get().commits() > 0) {
      throw JournalException.damaged("The state journal " + file + " is missing, but its seal "
          + sealFile.getFileName() + " records " + sealed.get().commits() + " commits; "
          + RECOVER_HINT, null);
    }
    JournalCheck check = new JournalCheck(file, null);
    JournalSeal.State state = JournalSeal.State.EMPTY;
    if (existed) {
      // Read-only first: a refused journal is left exactly as found (a writable connection
      // would checkpoint what is left of a damaged write-ahead log and delete it on close).
      SQLiteConfig readOnly = new SQLiteConfig();
      readOnly.setReadOnly(true);
      try (Connection ro = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
          readOnly.toProperties())) {
        check = new JournalCheck(file, ro);
        state = check.verify(schemaVersion, sealed);
      } catch (SQLException e) {
        throw JournalException.damaged("The state journal " + file + " is unreadable or not a "
            + "Flotilla journal (" + oneLine(e.getMessage()) + "); " + RECOVER_HINT, e);
      }
    } else {
      check.markNew();
    }
    Connection db;
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new JournalException("Cannot open the state journal " + file + ": " + e.getMessage(),
          e);
    }
    JournalSeal seal = null;
    try {
      try (Statement st = db.createStatement()) {
        try (ResultSet rs = st.executeQuery("PRAGMA journal_mode=WAL")) {
          rs.next();
        }
        st.execute("PRAGMA synchronous=FULL");
      }
      check.prepare(db, state);
      if (sealed.isEmpty() && state.commits() > 0) {
        LOG.warning("The journal seal " + sealFile + " is missing (the state journal " + file
            + " made " + state.commits() + " commits): a lost tail of the journal cannot be "
            + "detected this time; a new seal is written.");
      }
      seal = JournalSeal.open(sealFile);
      JournalDatabase opened = new JournalDatabase(file, db, seal, state);
      if (check.created()) {
        opened.batch(() -> {
          opened.put("schema_version", Integer.toString(schemaVersion));
          opened.put("node", nodeName);
        });
      } else if (check.schema() < schemaVersion) {
        opened.put("schema_version", Integer.toString(schemaVersion));
      }
      seal.write(opened.committed);
      opened.fresh = check.created() || count(db, "SELECT COUNT(*) FROM tasks") == 0
          && count(db, "SELECT COUNT(*) FROM plans") == 0
          && count(db, "SELECT COUNT(*) FROM robots") == 0;
      return opened;
    } catch (SQLException e) {
      closeQuietly(db, seal);
      throw new JournalException("Cannot prepare the state journal " + file + ": "
          + oneLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      closeQuietly(db, seal);
      throw e;
    }
  }

  /**
   * @param text a message from SQLite, possibly over several lines
   * @return it on one line, for a one-sentence error
   */
  static String oneLine(String text) {
    return String.valueOf(text).strip().replaceAll("\\s+", " ");
  }

  /** The end of every sentence about a damaged journal. */
  static final String RECOVER_HINT = "start with --recover-journal to keep its intact part (the "
      + "damaged file is moved aside, not deleted).";

  private void put(String key, String value) {
    write(c -> {
      Object[] old = row(JournalTable.META, key);
      try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?, ?)")) {
        st.setString(1, key);
        st.setString(2, value);
        st.executeUpdate();
      }
      changed(JournalTable.META, old, new Object[] {key, value});
    });
  }

  static long count(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static void closeQuietly(Connection db, JournalSeal seal) {
    try {
      db.close();
      if (seal != null) {
        seal.close();
      }
    } catch (SQLException | JournalException e) {
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
        pendingDigest = committed.digest();
        pendingHighWater = committed.highWater();
        dirty = false;
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
    JournalSeal.State next = committed;
    try {
      if (ok && dirty) {
        next = new JournalSeal.State(committed.commits() + 1, pendingDigest, pendingHighWater);
        if (sealUpdate == null) {
          sealUpdate = db.prepareStatement(
              "UPDATE seal SET commits = ?, digest = ?, high_water = ? WHERE id = 1");
        }
        sealUpdate.setLong(1, next.commits());
        sealUpdate.setLong(2, next.digest());
        sealUpdate.setLong(3, next.highWater());
        sealUpdate.executeUpdate();
      }
      if (ok) {
        db.commit();
      } else {
        db.rollback();
      }
      db.setAutoCommit(true);
    } catch (SQLException e) {
      rollbackQuietly();
      throw failure("commit to", e);
    }
    if (next != committed) {
      committed = next;
      seal.write(next);
    }
  }

  private void rollbackQuietly() {
    try {
      db.rollback();
      db.setAutoCommit(true);
    } catch (SQLException e) {
      // The commit's failure is the one reported.
    }
  }

  /**
   * Notes rows a write in the open transaction removed and added, for the seal's digest.
   *
   * @param table their table
   * @param removed the removed row's digested columns, or null
   * @param added the added row's digested columns, or null
   */
  void changed(JournalTable table, Object[] removed, Object[] added) {
    if (batchDepth == 0) {
      throw new IllegalStateException("journal rows change only inside a transaction");
    }
    if (removed != null) {
      pendingDigest -= table.hash(removed);
    }
    if (added != null) {
      pendingDigest += table.hash(added);
    }
    dirty |= removed != null || added != null;
  }

  /**
   * Raises the highest plan version the seal keeps (it never goes down).
   *
   * @param version a plan version published or seen
   */
  void highWater(long version) {
    if (version > pendingHighWater) {
      pendingHighWater = version;
      dirty = true;
    }
  }

  /** @return the highest plan version committed, as the seal keeps it */
  long highWater() {
    return committed.highWater();
  }

  /**
   * @param table a table
   * @param key its key column values
   * @return the digested columns of the row with that key, or null
   * @throws SQLException when it cannot be read
   */
  Object[] row(JournalTable table, Object... key) throws SQLException {
    PreparedStatement st = rowQueries.get(table);
    if (st == null) {
      st = db.prepareStatement(table.selectByKey());
      rowQueries.put(table, st);
    }
    for (int i = 0; i < key.length; i++) {
      st.setObject(i + 1, key[i]);
    }
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? table.read(rs) : null;
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
      if (sealUpdate != null) {
        sealUpdate.close();
      }
      for (PreparedStatement st : rowQueries.values()) {
        st.close();
      }
      db.close();
    } catch (SQLException e) {
      throw failure("close", e);
    } finally {
      seal.close();
    }
  }
}
