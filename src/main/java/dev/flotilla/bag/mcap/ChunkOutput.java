package dev.flotilla.bag.mcap;

import java.io.IOException;
import java.util.Arrays;

/**
 * Decompressed bytes of one chunk, grown as they are produced and never past the size the chunk
 * declares: memory follows what the data really yields, so garbage that fails after a few bytes
 * costs a few bytes. Amortised O(1) per byte.
 */
final class ChunkOutput {
  private final int declared;
  private byte[] buf;
  private int len;

  ChunkOutput(int declared) {
    this.declared = declared;
    this.buf = new byte[Math.min(declared, 64 << 10)];
  }

  /** Bytes produced so far. */
  int length() {
    return len;
  }

  /** The backing array; valid up to {@link #length()}. */
  byte[] array() {
    return buf;
  }

  /**
   * Makes room for {@code n} more bytes.
   *
   * @throws IOException when they would pass the declared size
   */
  void reserve(int n) throws IOException {
    if (n > declared - len) {
      throw new IOException("decompressed data exceeds the declared " + declared + " bytes");
    }
    if (len + n > buf.length) {
      int cap = (int) Math.min(declared, Math.max((long) len + n, 2L * buf.length));
      buf = Arrays.copyOf(buf, cap);
    }
  }

  /** Marks {@code n} reserved bytes as written. */
  void advance(int n) {
    len += n;
  }

  /** The bytes produced, in an array of exactly that length. */
  byte[] toByteArray() {
    return buf.length == len ? buf : Arrays.copyOf(buf, len);
  }
}
