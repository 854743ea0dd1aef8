package dev.flotilla.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The journal's tables as the seal sees them: their columns and how one row hashes. The seal's
 * digest is the (wrapping) sum of every row's hash, so a write adjusts it by the rows it removes
 * and adds without rereading the table, and a row lost or altered behind Flotilla's back changes
 * the sum. The {@code seal} table itself and SQLite's own tables are not digested.
 */
enum JournalTable {
  META("meta", 1, Type.TEXT, Type.TEXT),
  TASKS("tasks", 1, Type.TEXT, Type.BLOB, Type.REAL, Type.TEXT, Type.REAL),
  ROBOTS("robots", 1, Type.TEXT, Type.INT, Type.REAL, Type.REAL, Type.REAL),
  FAILED_PAIRS("failed_pairs", 2, Type.TEXT, Type.TEXT),
  PLANS("plans", 1, Type.INT, Type.INT, Type.REAL, Type.BLOB),
  BLOBS("blobs", 1, Type.TEXT, Type.BLOB);

  /** SQLite storage class of a digested column. */
  enum Type { TEXT, INT, REAL, BLOB }

  /** Digested columns of each table, in order; the first {@code keys} are its key. */
  private static final List<String> COLUMNS = List.of("key, value",
      "task_id, request, received_at, state, changed_at", "robot_id, alive, x, y, z",
      "robot_id, task_id", "version, cause, published_at, plan", "name, data");

  private final String sqlName;
  private final int keys;
  private final Type[] types;

  JournalTable(String sqlName, int keys, Type... types) {
    this.sqlName = sqlName;
    this.keys = keys;
    this.types = types;
  }

  /** @return the table's name in SQL */
  String sqlName() {
    return sqlName;
  }

  /** @return {@code SELECT <digested columns> FROM <table>} */
  String selectAll() {
    return "SELECT " + COLUMNS.get(ordinal()) + " FROM " + sqlName;
  }

  /** @return {@code SELECT <digested columns> FROM <table> WHERE <key> = ?...} */
  String selectByKey() {
    String[] cols = COLUMNS.get(ordinal()).split(", ");
    StringBuilder where = new StringBuilder();
    for (int i = 0; i < keys; i++) {
      where.append(i == 0 ? " WHERE " : " AND ").append(cols[i]).append(" = ?");
    }
    return selectAll() + where;
  }

  /** @return the number of key columns */
  int keys() {
    return keys;
  }

  /**
   * Reads the digested columns of the current row, as the write path hands them over: TEXT as
   * String, INT as Long, REAL as Double (NULL as NaN), BLOB as byte[].
   */
  Object[] read(ResultSet rs) throws SQLException {
    Object[] row = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      int c = i + 1;
      row[i] = switch (types[i]) {
        case TEXT -> rs.getString(c);
        case INT -> {
          long v = rs.getLong(c);
          yield rs.wasNull() ? null : v;
        }
        case REAL -> {
          double v = rs.getDouble(c);
          yield rs.wasNull() ? Double.NaN : v;
        }
        case BLOB -> rs.getBytes(c);
      };
    }
    return row;
  }

  /**
   * @param row digested column values (see {@link #read})
   * @return the row's 64-bit hash: SHA-256 over the table name and a typed encoding of each value
   */
  long hash(Object[] row) {
    MessageDigest sha = sha256();
    sha.update(sqlName.getBytes(StandardCharsets.UTF_8));
    ByteBuffer b = ByteBuffer.allocate(9);
    for (int i = 0; i < types.length; i++) {
      Object v = row[i];
      b.clear();
      switch (types[i]) {
        case TEXT -> {
          byte[] s = v == null ? null : ((String) v).getBytes(StandardCharsets.UTF_8);
          lengthAndBytes(sha, b, s);
        }
        case BLOB -> {
          byte[] s = (byte[]) v;
          lengthAndBytes(sha, b, s == null ? new byte[0] : s);
        }
        case INT -> {
          b.put((byte) (v == null ? 0 : 1)).putLong(v == null ? 0 : ((Number) v).longValue());
          sha.update(b.array(), 0, 9);
        }
        case REAL -> {
          double d = ((Number) v).doubleValue();
          // SQLite keeps NaN as NULL and may keep -0.0 as the integer 0: hash what it returns.
          boolean nan = Double.isNaN(d);
          b.put((byte) (nan ? 0 : 2)).putDouble(nan ? 0 : d == 0 ? 0.0 : d);
          sha.update(b.array(), 0, 9);
        }
        default -> throw new IllegalStateException(types[i].name());
      }
    }
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  private static void lengthAndBytes(MessageDigest sha, ByteBuffer b, byte[] s) {
    b.put((byte) (s == null ? 0 : 3)).putLong(s == null ? -1 : s.length);
    sha.update(b.array(), 0, 9);
    if (s != null) {
      sha.update(s);
    }
  }

  private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  });

  private static MessageDigest sha256() {
    MessageDigest sha = SHA.get();
    sha.reset();
    return sha;
  }
}
