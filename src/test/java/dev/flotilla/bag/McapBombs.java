package dev.flotilla.bag;

import com.github.luben.zstd.ZstdOutputStream;
import dev.flotilla.bag.mcap.McapRecord.Chunk;
import dev.flotilla.bag.mcap.McapRecord.DataEnd;
import dev.flotilla.bag.mcap.McapRecord.Footer;
import dev.flotilla.bag.mcap.McapRecord.Header;
import dev.flotilla.bag.mcap.McapRecordCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds MCAP decompression bombs: tiny files whose chunks declare or yield huge sizes. */
public final class McapBombs {
  /** The MCAP magic. */
  static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};

  private McapBombs() {}

  /** Offset of the single chunk record in a file from {@link #write}. */
  public static long chunkOffset() {
    return MAGIC.length + McapRecordCodec.encode(new Header("ros2", "bomb")).length;
  }

  /**
   * Writes magic, header, one chunk, data end, a footer without summary and the magic.
   *
   * @param file where
   * @param declared uncompressed size the chunk declares
   * @param compression the chunk's compression name
   * @param records its stored records
   */
  public static Path write(Path file, long declared, String compression, byte[] records)
      throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(MAGIC);
    b.write(McapRecordCodec.encode(new Header("ros2", "bomb")));
    b.write(McapRecordCodec.encode(new Chunk(0, 0, declared, 0, compression, records)));
    b.write(McapRecordCodec.encode(new DataEnd(0)));
    b.write(McapRecordCodec.encode(new Footer(0, 0, 0)));
    b.write(MAGIC);
    Files.write(file, b.toByteArray());
    return file;
  }

  /** A zstd frame of {@code n} zero bytes, compressed in 1 MiB pieces (cheap, tiny output). */
  public static byte[] zstdZeros(long n) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (ZstdOutputStream z = new ZstdOutputStream(b, 3)) {
      for (long left = n; left > 0; left -= zeros.length) {
        z.write(zeros, 0, (int) Math.min(left, zeros.length));
      }
    }
    return b.toByteArray();
  }
}
