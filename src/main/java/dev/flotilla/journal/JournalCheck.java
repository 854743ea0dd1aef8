package dev.flotilla.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a journal at open, before anything is read from it or written to it: SQLite's own
 * {@code quick_check}, our tables all present, the rows' digest equal to the one sealed with the
 * last commit, and no fewer commits than the seal file beside it records. Creates the tables of
 * a new journal. A failure is a {@link JournalException#damaged() damaged} sentence naming the
 * file and what is wrong.
 */
final class JournalCheck {
  /** Tables a journal of the current schema has, the seal last. */
  private static final List<String> TABLES =
      List.of("meta", "tasks", "robots", "failed_pairs", "plans", "blobs", "seal");
  /** Schema version from which journals carry a seal. */
  private static final int SEALED_SINCE = 2;

  private final Path file;
  private final Connection db;
  private boolean created;
  private int schema;

  JournalCheck(Path file, Connection db) {
    this.file = file;
    this.db = db;
  }

  /** Notes that there is no file yet: {@link #prepare} creates the tables. */
  void markNew() {
    created = true;
  }

  /** @return whether the journal was new (its tables are to be created) */
  boolean created() {
    return created;
  }

  /** @return the schema version the journal had when opened (0 when new) */
  int schema() {
    return schema;
  }

  /**
   * @param schemaVersion the schema this Flotilla writes
   * @param sealed what the seal file records, if there is one
   * @return the journal's committed state, for the seal
   * @throws SQLException when SQLite cannot read the file
   */
  JournalSeal.State verify(int schemaVersion, Optional<JournalSeal.State> sealed)
      throws SQLException {
    quickCheck();
    Set<String> tables = tables();
    long sealedCommits = sealed.map(JournalSeal.State::commits).orElse(0L);
    if (tables.stream().noneMatch(TABLES::contains)) {
      if (!tables.isEmpty()) {
        throw JournalException.damaged("The state journal " + file + " is an SQLite database "
            + "but not a Flotilla journal (its tables are " + tables + "); "
            + JournalDatabase.RECOVER_HINT, null);
      }
      if (sealedCommits > 0) {
        throw damaged("holds no tables, but its seal records " + sealedCommits + " commits "
            + "(the file was emptied or replaced)");
      }
      created = true;
      return JournalSeal.State.EMPTY;
    }
    if (!tables.contains("meta")) {
      throw damaged("has no table meta (dropped behind Flotilla's back)");
    }
    schema = schemaOf();
    if (schema > schemaVersion) {
      throw new JournalException("The state journal " + file + " has schema version " + schema
          + ", newer than this Flotilla's " + schemaVersion + "; use a newer Flotilla or "
          + "another state_dir.", null);
    }
    for (String t : TABLES) {
      if (!tables.contains(t) && !(t.equals("seal") && schema < SEALED_SINCE)) {
        throw damaged("has no table " + t + " (dropped behind Flotilla's back)");
      }
    }
    long digest = digest();
    if (schema < SEALED_SINCE) {
      // A journal from before seals: what it holds now is all there is to trust.
      return new JournalSeal.State(0, digest, maxVersion());
    }
    JournalSeal.State inDb = sealRow();
    if (inDb.digest() != digest) {
      throw damaged("does not hold what it committed: rows were lost or altered behind "
          + "Flotilla's back (digest " + Long.toHexString(digest) + ", sealed "
          + Long.toHexString(inDb.digest()) + ")");
    }
    if (sealedCommits > inDb.commits()) {
      throw damaged("holds " + inDb.commits() + " commits, but its seal records "
          + sealedCommits + ": its last " + (sealedCommits - inDb.commits()) + " commits were "
          + "lost (the write-ahead log " + file.getFileName() + "-wal is missing or truncated)");
    }
    return inDb;
  }

  /**
   * Makes a verified journal writable by this Flotilla: creates the tables of a new one, or the
   * seal of one from before seals.
   *
   * @param rw a writable connection to the verified file
   * @param state what {@link #verify} returned
   * @throws SQLException when SQLite cannot write
   */
  void prepare(Connection rw, JournalSeal.State state) throws SQLException {
    if (created) {
      create(rw);
    } else if (schema < SEALED_SINCE) {
      try (Statement st = rw.createStatement()) {
        createSeal(st);
        st.execute("UPDATE seal SET digest = " + state.digest() + ", high_water = "
            + state.highWater());
      }
    }
  }

  private JournalException damaged(String what) {
    return JournalException.damaged("The state journal " + file + " " + what + "; "
        + JournalDatabase.RECOVER_HINT, null);
  }

  private void quickCheck() throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
      String result = rs.next() ? rs.getString(1) : "no result";
      if (!"ok".equals(result)) {
        throw damaged("is damaged (SQLite's check: "
            + JournalDatabase.oneLine(result.replace("*** in database main ***", "")) + ")");
      }
    }
  }

  private Set<String> tables() throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private int schemaOf() throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
      if (!rs.next()) {
        throw damaged("has no schema_version in its meta table");
      }
      try {
        return Integer.parseInt(rs.getString(1));
      } catch (NumberFormatException e) {
        throw damaged("has schema_version '" + rs.getString(1) + "', not a number");
      }
    }
  }

  /** @return the sum of every digested row's hash */
  long digest() throws SQLException {
    return digest(db);
  }

  /**
   * @param db an open journal
   * @return the sum of every digested row's hash
   * @throws SQLException when a table cannot be read
   */
  static long digest(Connection db) throws SQLException {
    long sum = 0;
    for (JournalTable t : JournalTable.values()) {
      try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(t.selectAll())) {
        while (rs.next()) {
          sum += t.hash(t.read(rs));
        }
      }
    }
    return sum;
  }

  private long maxVersion() throws SQLException {
    long plans = JournalDatabase.count(db, "SELECT COALESCE(MAX(version), 0) FROM plans");
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT value FROM meta WHERE key = 'version_seen'")) {
      return Math.max(plans, rs.next() ? Long.parseLong(rs.getString(1)) : 0);
    } catch (NumberFormatException e) {
      return plans;
    }
  }

  private JournalSeal.State sealRow() throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT commits, digest, high_water FROM seal WHERE id = 1")) {
      if (!rs.next()) {
        throw damaged("has an empty seal table (its row was deleted behind Flotilla's back)");
      }
      return new JournalSeal.State(rs.getLong(1), rs.getLong(2), rs.getLong(3));
    }
  }

  private static void create(Connection db) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      st.execute("CREATE TABLE tasks (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
          + "task_id TEXT NOT NULL UNIQUE, request BLOB NOT NULL, received_at REAL NOT NULL, "
          + "state TEXT NOT NULL, changed_at REAL NOT NULL)");
      st.execute("CREATE TABLE robots (robot_id TEXT PRIMARY KEY, "
          + "alive INTEGER NOT NULL, x REAL, y REAL, z REAL)");
      st.execute("CREATE TABLE failed_pairs (robot_id TEXT NOT NULL, "
          + "task_id TEXT NOT NULL, PRIMARY KEY (robot_id, task_id))");
      st.execute("CREATE TABLE plans (version INTEGER PRIMARY KEY, "
          + "cause INTEGER NOT NULL, published_at REAL NOT NULL, plan BLOB NOT NULL)");
      st.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL)");
      createSeal(st);
    }
  }

  private static void createSeal(Statement st) throws SQLException {
    st.execute("CREATE TABLE seal (id INTEGER PRIMARY KEY CHECK (id = 1), "
        + "commits INTEGER NOT NULL, digest INTEGER NOT NULL, high_water INTEGER NOT NULL)");
    st.execute("INSERT INTO seal VALUES (1, 0, 0, 0)");
  }
}
