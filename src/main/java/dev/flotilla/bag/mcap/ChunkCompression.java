package dev.flotilla.bag.mcap;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * Chunk compression formats MCAP names: none ({@code ""}), {@code zstd} (zstd frame) and
 * {@code lz4} (LZ4 frame format, decoded by {@link Lz4FrameDecoder}). O(chunk size).
 */
public enum ChunkCompression {
  NONE(""),
  ZSTD("zstd"),
  LZ4("lz4");

  private final String wireName;

  ChunkCompression(String wireName) {
    this.wireName = wireName;
  }

  /** The name written in chunk records ({@code ""}, {@code "zstd"}, {@code "lz4"}). */
  public String wireName() {
    return wireName;
  }

  /**
   * Looks up a compression by the name stored in a chunk.
   *
   * @param name the stored name
   * @return the compression, or null when unknown
   */
  public static ChunkCompression fromWireName(String name) {
    for (ChunkCompression c : values()) {
      if (c.wireName.equals(name)) {
        return c;
      }
    }
    return null;
  }

  /**
   * Compresses a chunk's records.
   *
   * @param data the uncompressed records
   * @param len number of bytes of {@code data} to use
   * @return the compressed bytes
   */
  public byte[] compress(byte[] data, int len) {
    switch (this) {
      case ZSTD:
        {
          byte[] dst = new byte[(int) Zstd.compressBound(len)];
          long n = Zstd.compressByteArray(dst, 0, dst.length, data, 0, len, 1);
          if (Zstd.isError(n)) {
            throw new IllegalStateException("zstd compression failed: " + Zstd.getErrorName(n));
          }
          return Arrays.copyOf(dst, (int) n);
        }
      case LZ4:
        try {
          ByteArrayOutputStream bos = new ByteArrayOutputStream(len / 2 + 64);
          try (LZ4FrameOutputStream out = new LZ4FrameOutputStream(bos,
              LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB)) {
            out.write(data, 0, len);
          }
          return bos.toByteArray();
        } catch (IOException e) {
          throw new IllegalStateException("in-memory LZ4 compression failed", e);
        }
      default:
        byte[] copy = new byte[len];
        System.arraycopy(data, 0, copy, 0, len);
        return copy;
    }
  }

  /**
   * Decompresses a chunk's records, growing the output as the data yields it (never past the
   * declared size), so memory follows the real output rather than the declaration. Callers check
   * the declaration first ({@link ChunkLimits}).
   *
   * @param data compressed bytes
   * @param off first byte
   * @param len number of compressed bytes
   * @param uncompressedSize size the chunk record declares (bytes)
   * @return the uncompressed records
   * @throws DamagedChunkData when the data is not valid for this format or has the wrong size;
   *     it carries the bytes decoded before the damage
   */
  public byte[] decompress(byte[] data, int off, int len, int uncompressedSize)
      throws IOException {
    byte[] out = switch (this) {
      case ZSTD -> zstd(data, off, len, uncompressedSize);
      case LZ4 -> Lz4FrameDecoder.decode(data, off, len, uncompressedSize);
      case NONE -> Arrays.copyOfRange(data, off, off + len);
    };
    if (out.length != uncompressedSize) {
      throw new DamagedChunkData(wireName.isEmpty() ? "uncompressed chunk holds " + out.length
          + " bytes, declares " + uncompressedSize : wireName + " produced " + out.length
          + " bytes, chunk declares " + uncompressedSize, out, null);
    }
    return out;
  }

  /**
   * Decodes zstd data. When the first frame's header states the declared size, the data is
   * decoded in one call into an array of that size (the fast path for every intact chunk; the
   * size is bounded by {@link ChunkLimits}). Otherwise, or when that fails, it is streamed into a
   * growing buffer, which keeps what decoded before any damage.
   */
  private static byte[] zstd(byte[] data, int off, int len, int declared) throws IOException {
    long framed;
    try {
      framed = Zstd.getFrameContentSize(data, off, len);
    } catch (RuntimeException e) {
      framed = -1;
    }
    if (framed == declared) {
      byte[] out = new byte[declared];
      long n;
      try {
        n = Zstd.decompressByteArray(out, 0, declared, data, off, len);
      } catch (RuntimeException e) {
        n = -1;
      }
      if (!Zstd.isError(n) && n == declared) {
        return out;
      }
    }
    return zstdStreamed(data, off, len, declared);
  }

  /** Streams zstd data, keeping what decoded before any damage. */
  private static byte[] zstdStreamed(byte[] data, int off, int len, int declared)
      throws IOException {
    ChunkOutput out = new ChunkOutput(declared);
    try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(data, off, len))) {
      while (true) {
        if (out.length() == declared) {
          if (in.read() != -1) {
            throw new IOException("decompressed data exceeds the declared " + declared
                + " bytes");
          }
          break;
        }
        int want = Math.min(declared - out.length(), 1 << 16);
        out.reserve(want);
        int n = in.read(out.array(), out.length(), want);
        if (n < 0) {
          break;
        }
        out.advance(n);
      }
    } catch (IOException | RuntimeException e) {
      throw new DamagedChunkData("zstd: " + e.getMessage(), out.toByteArray(), e);
    }
    return out.toByteArray();
  }
}
