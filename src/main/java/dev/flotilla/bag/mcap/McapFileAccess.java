package dev.flotilla.bag.mcap;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Byte access to an MCAP file opened for reading: positional reads into fresh arrays, and chunk
 * records as little-endian buffers that are slices of a read-only mapping of the whole file
 * (files up to 2 GiB, no copy) or fresh reads of their own. As with any mapped reader, the file
 * must not be truncated while it (or a message read from it) is in use.
 */
final class McapFileAccess implements Closeable {
  final Path file;
  private final FileChannel ch;
  final long size;
  /** The whole file mapped read-only (files up to 2 GiB), or null: then chunks are read. */
  private final ByteBuffer map;

  McapFileAccess(Path file) throws IOException {
    this.file = file;
    this.ch = FileChannel.open(file, StandardOpenOption.READ);
    this.size = ch.size();
    this.map = mapWhole(ch, size);
  }

  /**
   * Maps the file so chunk records are decoded in place, without a copy into the heap. The
   * mapping is read-only; the file must not be truncated while it is being read (the same
   * contract as any memory-mapped reader).
   */
  private static ByteBuffer mapWhole(FileChannel ch, long size) {
    if (size <= 0 || size > Integer.MAX_VALUE) {
      return null;
    }
    try {
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** Reads {@code n} bytes from offset {@code at} into a fresh array. */
  byte[] read(long at, int n) throws IOException {
    byte[] b = new byte[n];
    ByteBuffer bb = ByteBuffer.wrap(b);
    while (bb.hasRemaining()) {
      int k = ch.read(bb, at + bb.position());
      if (k < 0) {
        throw new McapFormatException(file, at + bb.position(), "file truncated: needed " + n
            + " bytes from offset " + at);
      }
    }
    return b;
  }

  /**
   * The bytes of a chunk record as a little-endian buffer indexed from 0: a (read-only) slice of
   * the file mapping when there is one (no copy), else a fresh read of its own.
   */
  ByteBuffer chunkBytes(long at, int n) throws IOException {
    ByteBuffer b = map != null ? map.slice((int) at, n) : ByteBuffer.wrap(read(at, n));
    return b.order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
