package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A chunk located through its index entry, its header checked, its records not yet decoded.
 *
 * @param at file offset of the chunk record
 * @param bytes the whole chunk record (see {@link McapFileAccess#chunkBytes})
 * @param recordsStart where the (possibly compressed) records start in {@code bytes}
 * @param recordsLength their stored length
 * @param uncompressedSize declared uncompressed size
 * @param crc declared CRC32 of the uncompressed records, 0 for none
 * @param compression compression name, empty for none
 */
record ChunkBody(long at, ByteBuffer bytes, int recordsStart, int recordsLength,
    long uncompressedSize, long crc, String compression) {
  /** The stored records, for a CRC of an uncompressed chunk. */
  ByteBuffer records() {
    return bytes.duplicate().limit(recordsStart + recordsLength).position(recordsStart);
  }

  /** Reads and checks a chunk's header through its index entry. */
  static ChunkBody locate(McapFileAccess f, ChunkIndex ci) throws IOException {
    Path file = f.file;
    long size = f.size;
    long at = ci.chunkStartOffset();
    if (at < 8 || ci.chunkLength() < Opcode.RECORD_PREFIX || at + ci.chunkLength() > size
        || ci.chunkLength() > Integer.MAX_VALUE - 64) {
      throw new McapFormatException(file, at, "chunk index points outside the file (length "
          + ci.chunkLength() + ")");
    }
    ByteBuffer b = f.chunkBytes(at, (int) ci.chunkLength());
    int n = b.limit();
    int op = b.get(0) & 0xFF;
    long len = b.getLong(1);
    if (op != Opcode.CHUNK || len != n - Opcode.RECORD_PREFIX) {
      throw new McapFormatException(file, at, "chunk index points at opcode 0x"
          + Integer.toHexString(op) + " of length " + len + ", expected a chunk");
    }
    // op, length, message_start_time, message_end_time, uncompressed_size, uncompressed_crc,
    // compression length: 41 bytes before the compression name.
    final int fixed = 41;
    if (n < fixed + 8) {
      throw new McapFormatException(file, at, "corrupt chunk: record of " + n
          + " bytes is too short for a chunk header");
    }
    long usize = b.getLong(25);
    long crc = b.getInt(33) & 0xFFFFFFFFL;
    long nameLen = b.getInt(37) & 0xFFFFFFFFL;
    if (nameLen > n - fixed - 8) {
      throw new McapFormatException(file, at, "corrupt chunk: compression name length "
          + nameLen + " exceeds the record");
    }
    String compression = "";
    if (nameLen > 0) {
      byte[] name = new byte[(int) nameLen];
      b.get(fixed, name);
      compression = new String(name, StandardCharsets.UTF_8);
    }
    int clenAt = fixed + (int) nameLen;
    long clen = b.getLong(clenAt);
    int recStart = clenAt + 8;
    if (clen < 0 || clen > n - recStart) {
      throw new McapFormatException(file, at, "corrupt chunk: records length " + clen
          + " exceeds the record");
    }
    if (compression.isEmpty() && clen != usize) {
      throw new McapFormatException(file, at, "corrupt chunk: uncompressed chunk holds " + clen
          + " bytes, declares " + usize);
    }
    return new ChunkBody(at, b, recStart, (int) clen, usize, crc, compression);
  }
}
