package dev.flotilla.bag.mcap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A damaged or malformed MCAP file. The message names the file and the byte offset (from the start
 * of the file) where the problem was found, so a user can locate it with a hex dump.
 */
public final class McapFormatException extends IOException {
  private final transient Path file;
  private final long offset;

  /**
   * @param file the MCAP file, or null when reading from memory
   * @param offset byte offset from the start of the file (bytes)
   * @param problem what is wrong, as a plain sentence fragment
   */
  public McapFormatException(Path file, long offset, String problem) {
    super((file == null ? "<memory>" : file.toString()) + ": byte " + offset + ": " + problem);
    this.file = file;
    this.offset = offset;
  }

  /** The file the problem is in, or null when reading from memory. */
  public Path file() {
    return file;
  }

  /** Byte offset from the start of the file where the problem was found. */
  public long offset() {
    return offset;
  }
}
