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

  /**
   * Decompresses a chunk whose records may be cut or damaged, for salvage: the declared sizes are
   * checked as for a whole chunk, then every byte decoded before the damage is returned.
   *
   * @param file file named in errors
   * @param at file offset of the chunk record
   * @param compression compression name
   * @param data stored (possibly cut) records
   * @param storedLength records length the chunk declares (more than {@code data} when cut)
   * @param uncompressedSize declared uncompressed size
   * @param crc declared CRC, checked only when the records decode whole
   * @return the decoded records (possibly a prefix) and the damage found, null when none
   * @throws McapFormatException when the declaration itself is refused (nothing can be trusted)
   */
  static Salvage salvage(Path file, long at, String compression, byte[] data,
      long storedLength, long uncompressedSize, long crc) throws McapFormatException {
    ChunkCompression comp = ChunkCompression.fromWireName(compression);
    if (comp == null) {
      throw new McapFormatException(file, at, "chunk uses unsupported compression '"
          + compression + "'");
    }
    ChunkLimits.check(file, at, comp, Math.max(data.length, storedLength), uncompressedSize);
    try {
      return new Salvage(inflate(file, at, comp, data, 0, data.length, (int) uncompressedSize,
          crc), null);
    } catch (McapFormatException e) {
      if (e.getCause() instanceof DamagedChunkData d) {
        return new Salvage(d.prefix(), e);
      }
      return new Salvage(new byte[0], e);
    }
  }

  /**
   * What a damaged chunk still yields.
   *
   * @param records decoded records, possibly only a prefix
   * @param problem the damage, null when the chunk was whole
   */
  record Salvage(byte[] records, McapFormatException problem) {}

  static byte[] decompress(Path file, long at, String compression, byte[] data, int off, int len,
      long uncompressedSize, long crc) throws McapFormatException {
    ChunkCompression comp = ChunkCompression.fromWireName(compression);
    if (comp == null) {
      throw new McapFormatException(file, at, "chunk uses unsupported compression '"
          + compression + "'");
    }
    ChunkLimits.check(file, at, comp, len, uncompressedSize);
    return inflate(file, at, comp, data, off, len, (int) uncompressedSize, crc);
  }

  private static byte[] inflate(Path file, long at, ChunkCompression comp, byte[] data, int off,
      int len, int uncompressedSize, long crc) throws McapFormatException {
    byte[] out;
    try {
      out = comp.decompress(data, off, len, uncompressedSize);
    } catch (IOException | RuntimeException e) {
      McapFormatException m = new McapFormatException(file, at, "corrupt chunk: "
          + e.getMessage());
      m.initCause(e);
      throw m;
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
