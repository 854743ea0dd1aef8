package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.Chunk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.CRC32;

/** Decompresses a chunk and checks its uncompressed CRC. O(chunk size). */
final class ChunkReading {
  private ChunkReading() {}

  /**
   * @param file file named in errors
   * @param at file offset of the chunk record (bytes)
   * @param c the chunk
   * @return the uncompressed records
   * @throws McapFormatException on unknown compression, decompression failure or CRC mismatch
   */
  static byte[] decompress(Path file, long at, Chunk c) throws McapFormatException {
    return decompress(file, at, c.compression(), c.records(), 0, c.records().length,
        c.uncompressedSize(), c.uncompressedCrc());
  }

  static byte[] decompress(Path file, long at, String compression, byte[] data, int off, int len,
      long uncompressedSize, long crc) throws McapFormatException {
    ChunkCompression comp = ChunkCompression.fromWireName(compression);
    if (comp == null) {
      throw new McapFormatException(file, at, "chunk uses unsupported compression '"
          + compression + "'");
    }
    if (uncompressedSize < 0 || uncompressedSize > Integer.MAX_VALUE - 64) {
      throw new McapFormatException(file, at, "corrupt chunk: uncompressed size "
          + Long.toUnsignedString(uncompressedSize));
    }
    byte[] out;
    try {
      out = comp.decompress(data, off, len, (int) uncompressedSize);
    } catch (IOException | RuntimeException e) {
      throw new McapFormatException(file, at, "corrupt chunk: " + e.getMessage());
    }
    if (crc != 0) {
      CRC32 c = new CRC32();
      c.update(out);
      if (c.getValue() != crc) {
        throw new McapFormatException(file, at, "chunk CRC mismatch: stored "
            + Long.toHexString(crc) + ", computed " + Long.toHexString(c.getValue()));
      }
    }
    return out;
  }
}
