package dev.flotilla.bag.mcap;

import java.io.IOException;

/**
 * A chunk's compressed data failed to decode part way; carries the bytes decoded before the
 * damage, which a salvage can still read records from.
 */
final class DamagedChunkData extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient byte[] prefix;

  DamagedChunkData(String message, byte[] prefix, Throwable cause) {
    super(message, cause);
    this.prefix = prefix;
  }

  /** Bytes decoded before the damage. */
  byte[] prefix() {
    return prefix;
  }
}
