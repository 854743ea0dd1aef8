package dev.flotilla.bag.mcap;

import java.nio.file.Path;

/**
 * Limits a chunk's declared sizes must meet before any byte of it is decompressed, so a file of
 * a few hundred bytes cannot make a reader allocate gigabytes (a decompression bomb). The ratio
 * limits are what each codec can physically reach, so no honest chunk is refused for them: a zstd
 * block of 128 KiB of one repeated byte takes 4 bytes (1:32768), an LZ4 sequence adds at most 255
 * bytes of match per input byte, and an uncompressed chunk holds exactly its stored bytes. O(1).
 */
public final class ChunkLimits {
  /** Largest uncompressed chunk a reader accepts: 256 MiB (rosbag2 writes chunks of ~768 KiB). */
  public static final long MAX_UNCOMPRESSED_BYTES = 256L << 20;

  /** Most uncompressed bytes one zstd input byte can produce. */
  static final long ZSTD_MAX_RATIO = 32_768;

  /** Most uncompressed bytes one LZ4 input byte can produce. */
  static final long LZ4_MAX_RATIO = 256;

  /** Slack for frame headers and tiny chunks. */
  private static final long SLACK = 1024;

  private ChunkLimits() {}

  /**
   * Refuses a chunk whose declared uncompressed size exceeds the limit or what its compressed
   * bytes can produce.
   *
   * @param file file named in the error
   * @param at file offset of the chunk record
   * @param comp the chunk's compression
   * @param compressedLen stored records length (bytes)
   * @param uncompressedSize declared uncompressed size (bytes, unsigned)
   * @throws McapFormatException when the declared size is refused
   */
  static void check(Path file, long at, ChunkCompression comp, long compressedLen,
      long uncompressedSize) throws McapFormatException {
    if (uncompressedSize < 0 || uncompressedSize > MAX_UNCOMPRESSED_BYTES) {
      throw new McapFormatException(file, at, "chunk declares "
          + Long.toUnsignedString(uncompressedSize) + " uncompressed bytes, over the limit of "
          + MAX_UNCOMPRESSED_BYTES + " (256 MiB); refused without decompressing");
    }
    long ratio = switch (comp) {
      case ZSTD -> ZSTD_MAX_RATIO;
      case LZ4 -> LZ4_MAX_RATIO;
      case NONE -> 1;
    };
    long most = compressedLen * ratio + (comp == ChunkCompression.NONE ? 0 : SLACK);
    if (uncompressedSize > most) {
      throw new McapFormatException(file, at, "chunk declares " + uncompressedSize
          + " uncompressed bytes from " + compressedLen + " stored bytes, more than "
          + (comp == ChunkCompression.NONE ? "an uncompressed chunk holds"
              : comp.wireName() + " can produce (1:" + ratio + ")")
          + "; refused without decompressing");
    }
  }
}
