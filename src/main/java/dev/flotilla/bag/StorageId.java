package dev.flotilla.bag;

import java.nio.file.Path;

/** rosbag2 storage plugins Flotilla reads and writes. */
public enum StorageId {
  /** MCAP files ({@code .mcap}), rosbag2's default since Iron. */
  MCAP("mcap", ".mcap"),
  /** SQLite3 files ({@code .db3}). */
  SQLITE3("sqlite3", ".db3");

  private final String identifier;
  private final String extension;

  StorageId(String identifier, String extension) {
    this.identifier = identifier;
    this.extension = extension;
  }

  /** The {@code storage_identifier} of metadata.yaml. */
  public String identifier() {
    return identifier;
  }

  /** File extension including the dot. */
  public String extension() {
    return extension;
  }

  /**
   * @param id a {@code storage_identifier} ({@code mcap}, {@code sqlite3})
   * @return the storage
   * @throws IllegalArgumentException for any other value
   */
  public static StorageId fromIdentifier(String id) {
    for (StorageId s : values()) {
      if (s.identifier.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown storage '" + id + "'; expected mcap or sqlite3");
  }

  /** The storage of a file by its extension; null when neither {@code .mcap} nor {@code .db3}. */
  public static StorageId forFile(Path file) {
    String n = file.getFileName().toString();
    for (StorageId s : values()) {
      if (n.endsWith(s.extension)) {
        return s;
      }
    }
    return null;
  }
}
