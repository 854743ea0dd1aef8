package dev.flotilla.bag.mcap;

import java.io.IOException;
import java.util.Arrays;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Decodes the LZ4 frame format (lz4/doc/lz4_Frame_format.md) in full: independent and linked
 * blocks (the lz4 library's default, which rosbag2's MCAP plugin writes), block checksums,
 * content size, content checksum, skippable frames and several frames in a row. A frame needing a
 * dictionary is refused by name. Whole independent blocks go through lz4-java's safe block
 * decompressor; linked blocks refer back into the frame's earlier output, which lz4-java's block
 * decompressors cannot see, so they (and damaged blocks, to say why) go through the decoder
 * written here, which decodes straight into the chunk's output: the 64 KiB history is simply the
 * bytes before.
 * O(output size).
 *
 * <p>On damage it throws {@link DamagedChunkData} carrying the blocks decoded whole before it; a
 * frame whose content size or checksum fails keeps none of its blocks, since the damage may be in
 * any of them.
 */
final class Lz4FrameDecoder {
  private static final int MAGIC = 0x184D2204;
  private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
  private static final int SKIPPABLE = 0x184D2A50;
  private static final XXHash32 XXH = XXHashFactory.fastestJavaInstance().hash32();
  private static final LZ4SafeDecompressor SAFE = LZ4Factory.fastestInstance().safeDecompressor();

  private final byte[] src;
  private final int end;
  /** The output, of the declared size: the declaration is bounded by {@link ChunkLimits}. */
  private final byte[] dst;
  private int d;
  private int s;
  /** Output known good: everything before the block being decoded. */
  private int safe;

  private Lz4FrameDecoder(byte[] src, int off, int len, int declared) {
    this.src = src;
    this.s = off;
    this.end = off + len;
    this.dst = new byte[declared];
  }

  /**
   * Decodes every frame in {@code src[off, off+len)}.
   *
   * @param declared size the chunk declares (checked against {@link ChunkLimits} by the caller,
   *     so at most 1:256 of the stored bytes); more output is an error
   * @return exactly the decoded bytes
   * @throws DamagedChunkData on any malformed, truncated or checksum-failing frame
   */
  static byte[] decode(byte[] src, int off, int len, int declared) throws DamagedChunkData {
    Lz4FrameDecoder d = new Lz4FrameDecoder(src, off, len, declared);
    try {
      if (len == 0) {
        throw new IOException("no LZ4 frame");
      }
      while (d.s < d.end) {
        d.frame();
      }
    } catch (IOException | RuntimeException e) {
      throw new DamagedChunkData("lz4: " + e.getMessage() + " (input byte " + (d.s - off) + ")",
          Arrays.copyOf(d.dst, d.safe), e);
    }
    return d.d == declared ? d.dst : Arrays.copyOf(d.dst, d.d);
  }

  private void frame() throws IOException {
    int magic = i32("frame magic");
    if ((magic & SKIPPABLE_MASK) == SKIPPABLE) {
      long n = i32("skippable frame size") & 0xFFFFFFFFL;
      need(n, "skippable frame");
      s += (int) n;
      return;
    }
    if (magic != MAGIC) {
      throw new IOException("not an LZ4 frame: magic 0x" + Integer.toHexString(magic));
    }
    int descStart = s;
    int flg = u8("frame FLG byte");
    int bd = u8("frame BD byte");
    if ((flg >>> 6) != 1) {
      throw new IOException("unsupported LZ4 frame version " + (flg >>> 6));
    }
    if ((flg & 0x02) != 0 || (bd & 0x8F) != 0) {
      throw new IOException("reserved LZ4 frame descriptor bits are set");
    }
    boolean independent = (flg & 0x20) != 0;
    boolean blockChecksum = (flg & 0x10) != 0;
    boolean hasContentSize = (flg & 0x08) != 0;
    boolean contentChecksum = (flg & 0x04) != 0;
    boolean hasDict = (flg & 0x01) != 0;
    int sizeCode = (bd >>> 4) & 7;
    if (sizeCode < 4) {
      throw new IOException("invalid LZ4 block maximum size code " + sizeCode);
    }
    int maxBlock = 1 << (8 + 2 * sizeCode);
    long contentSize = -1;
    if (hasContentSize) {
      need(8, "content size");
      contentSize = Le.u64(src, s);
      s += 8;
    }
    if (hasDict) {
      need(4, "dictionary ID");
      long id = Le.u32(src, s);
      throw new IOException("LZ4 frame needs dictionary " + id
          + ", which MCAP chunks cannot carry; unsupported");
    }
    int hc = u8("frame header checksum");
    int want = (XXH.hash(src, descStart, s - 1 - descStart, 0) >>> 8) & 0xFF;
    if (hc != want) {
      throw new IOException("LZ4 frame header checksum mismatch");
    }
    int frameStart = d;
    while (true) {
      long raw = i32("block size") & 0xFFFFFFFFL;
      if (raw == 0) {
        break;
      }
      boolean stored = (raw & 0x80000000L) != 0;
      int size = (int) (raw & 0x7FFFFFFF);
      if (size > maxBlock) {
        throw new IOException("LZ4 block of " + size + " bytes exceeds the frame's maximum "
            + maxBlock);
      }
      int blockStart = s;
      int outStart = d;
      safe = outStart;
      int avail = Math.min(size, end - s);
      if (stored) {
        room(avail);
        System.arraycopy(src, s, dst, d, avail);
        d += avail;
        s += avail;
      } else if (!independent || avail < size || !fastBlock(size, maxBlock)) {
        block(s + avail, independent ? outStart : frameStart, maxBlock, outStart);
      }
      if (avail < size) {
        throw new IOException("truncated LZ4 block");
      }
      if (blockChecksum) {
        int c = i32("block checksum");
        if (c != XXH.hash(src, blockStart, size, 0)) {
          throw new IOException("LZ4 block checksum mismatch");
        }
      }
      safe = d;
    }
    long produced = d - frameStart;
    // Damage found by the frame's totals could be in any of its blocks: none of them is kept.
    safe = frameStart;
    if (contentSize >= 0 && produced != contentSize) {
      throw new IOException("LZ4 frame declares " + contentSize + " content bytes, holds "
          + produced);
    }
    if (contentChecksum) {
      int c = i32("content checksum");
      if (c != XXH.hash(dst, frameStart, (int) produced, 0)) {
        throw new IOException("LZ4 content checksum mismatch");
      }
    }
    safe = d;
  }

  /** Decodes one compressed block ending at {@code blockEnd}; matches may reach {@code floor}. */
  private void block(int blockEnd, int floor, int maxBlock, int outStart) throws IOException {
    final byte[] in = src;
    final byte[] o = dst;
    final int limit = (int) Math.min(o.length, (long) outStart + maxBlock);
    int sp = s;
    int dp = d;
    try {
      while (sp < blockEnd) {
        int token = in[sp++] & 0xFF;
        int lit = token >>> 4;
        if (lit == 15) {
          int b;
          do {
            if (sp >= blockEnd) {
              throw new IOException("truncated LZ4 length");
            }
            b = in[sp++] & 0xFF;
            lit += b;
          } while (b == 255 && lit < (1 << 24));
        }
        int n = Math.min(lit, blockEnd - sp);
        if (n > limit - dp) {
          throw new IOException(tooMuch(limit));
        }
        System.arraycopy(in, sp, o, dp, n);
        sp += n;
        dp += n;
        if (n < lit) {
          throw new IOException("truncated LZ4 literals");
        }
        if (sp == blockEnd) {
          return; // the last sequence has literals only
        }
        if (blockEnd - sp < 2) {
          throw new IOException("truncated LZ4 match offset");
        }
        int offset = (in[sp] & 0xFF) | (in[sp + 1] & 0xFF) << 8;
        sp += 2;
        int match = token & 15;
        if (match == 15) {
          int b;
          do {
            if (sp >= blockEnd) {
              throw new IOException("truncated LZ4 length");
            }
            b = in[sp++] & 0xFF;
            match += b;
          } while (b == 255 && match < (1 << 24));
        }
        match += 4;
        int from = dp - offset;
        if (offset == 0 || from < floor) {
          throw new IOException("LZ4 match offset " + offset + " reaches before the window");
        }
        if (match > limit - dp) {
          throw new IOException(tooMuch(limit));
        }
        if (offset >= match) {
          System.arraycopy(o, from, o, dp, match);
          dp += match;
        } else {
          // Overlapping copy: the repeated pattern doubles with each pass.
          int left = match;
          while (left > 0) {
            int k = Math.min(left, dp - from);
            System.arraycopy(o, from, o, dp, k);
            dp += k;
            left -= k;
          }
        }
      }
    } finally {
      s = sp;
      d = dp;
    }
  }

  /**
   * Decodes a whole independent block with lz4-java's native-speed safe decompressor.
   *
   * @return false when it refuses the block; {@link #block} then decodes it to say why
   */
  private boolean fastBlock(int size, int maxBlock) {
    try {
      int n = SAFE.decompress(src, s, size, dst, d, Math.min(maxBlock, dst.length - d));
      d += n;
      s += size;
      return true;
    } catch (LZ4Exception e) {
      return false;
    }
  }

  private String tooMuch(int limit) {
    return limit == dst.length ? "decompressed data exceeds the declared " + dst.length + " bytes"
        : "LZ4 block decodes past the frame's maximum block size";
  }

  private void room(int n) throws IOException {
    if (n > dst.length - d) {
      throw new IOException("decompressed data exceeds the declared " + dst.length + " bytes");
    }
  }

  private void need(long n, String what) throws IOException {
    if (n > end - s) {
      throw new IOException("truncated LZ4 " + what);
    }
  }

  private int u8(String what) throws IOException {
    need(1, what);
    return src[s++] & 0xFF;
  }

  private int i32(String what) throws IOException {
    need(4, what);
    int v = (int) Le.u32(src, s);
    s += 4;
    return v;
  }
}
