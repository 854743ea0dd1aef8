package dev.flotilla.bag.mcap;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * Chunk compression formats MCAP names: none ({@code ""}), {@code zstd} (zstd frame) and
 * {@code lz4} (LZ4 frame format). O(chunk size).
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
   * Decompresses a chunk's records.
   *
   * @param data compressed bytes
   * @param off first byte
   * @param len number of compressed bytes
   * @param uncompressedSize size the chunk record declares (bytes)
   * @return the uncompressed records
   * @throws IOException when the data is not valid for this format or has the wrong size
   */
  public byte[] decompress(byte[] data, int off, int len, int uncompressedSize)
      throws IOException {
    switch (this) {
      case ZSTD: {
        byte[] out = new byte[uncompressedSize];
        long n;
        try {
          n = Zstd.decompressByteArray(out, 0, uncompressedSize, data, off, len);
        } catch (RuntimeException e) {
          throw new IOException("zstd: " + e.getMessage(), e);
        }
        if (Zstd.isError(n)) {
          throw new IOException("zstd: " + Zstd.getErrorName(n));
        }
        if (n != uncompressedSize) {
          throw new IOException("zstd produced " + n + " bytes, chunk declares "
              + uncompressedSize);
        }
        return out;
      }
      case LZ4: {
        byte[] out = new byte[uncompressedSize];
        try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(data, off, len))) {
          int n = in.readNBytes(out, 0, uncompressedSize);
          if (n != uncompressedSize || in.read() != -1) {
            throw new IOException("lz4 size differs from the declared " + uncompressedSize);
          }
        } catch (RuntimeException e) {
          throw new IOException("lz4: " + e.getMessage(), e);
        }
        return out;
      }
      default: {
        if (len != uncompressedSize) {
          throw new IOException("uncompressed chunk holds " + len + " bytes, declares "
              + uncompressedSize);
        }
        byte[] out = new byte[len];
        System.arraycopy(data, off, out, 0, len);
        return out;
      }
    }
  }
}
