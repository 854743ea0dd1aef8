package dev.flotilla.bag.sqlite;

import java.io.IOException;
import java.nio.file.Path;

/** A rosbag2 SQLite3 file that cannot be used; names the file and the table involved. */
public final class Db3FormatException extends IOException {
  /**
   * @param file the .db3 file
   * @param table the table involved, or null when the file itself is unreadable
   * @param problem what is wrong
   * @param cause underlying error, or null
   */
  public Db3FormatException(Path file, String table, String problem, Throwable cause) {
    super(file + (table == null ? "" : ": table '" + table + "'") + ": " + problem, cause);
  }
}
