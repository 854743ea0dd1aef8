package dev.flotilla.bag.mcap;

import java.io.IOException;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Decodes the LZ4 frame format (lz4/doc/lz4_Frame_format.md) in full: independent and linked
 * blocks (the lz4 library's default, which rosbag2's MCAP plugin writes), block checksums,
 * content size, content checksum, skippable frames and several frames in a row. A frame needing a
 * dictionary is refused by name. The block decoder is written here because linked blocks refer
 * back into the frame's earlier output, which lz4-java's block decompressors cannot see; it
 * decodes straight into the chunk's output, so the 64 KiB history is simply the bytes before.
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

  private final byte[] src;
  private final int end;
  private final ChunkOutput out;
  private int s;
  /** Output known good: everything before the block being decoded. */
  private int safe;

  private Lz4FrameDecoder(byte[] src, int off, int len, ChunkOutput out) {
    this.src = src;
    this.s = off;
    this.end = off + len;
    this.out = out;
  }

  /**
   * Decodes every frame in {@code src[off, off+len)}.
   *
   * @param declared size the chunk declares; more output is an error
   * @return exactly the decoded bytes
   * @throws DamagedChunkData on any malformed, truncated or checksum-failing frame
   */
  static byte[] decode(byte[] src, int off, int len, int declared) throws DamagedChunkData {
    ChunkOutput out = new ChunkOutput(declared);
    Lz4FrameDecoder d = new Lz4FrameDecoder(src, off, len, out);
    try {
      if (len == 0) {
        throw new IOException("no LZ4 frame");
      }
      while (d.s < d.end) {
        d.frame();
      }
    } catch (IOException | RuntimeException e) {
      out.truncate(d.safe);
      throw new DamagedChunkData("lz4: " + e.getMessage() + " (input byte " + (d.s - off) + ")",
          out.toByteArray(), e);
    }
    return out.toByteArray();
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
    int frameStart = out.length();
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
      int outStart = out.length();
      safe = outStart;
      int avail = Math.min(size, end - s);
      if (stored) {
        out.write(src, s, avail);
        s += avail;
      } else {
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
      safe = out.length();
    }
    long produced = out.length() - frameStart;
    // Damage found by the frame's totals could be in any of its blocks: none of them is kept.
    safe = frameStart;
    if (contentSize >= 0 && produced != contentSize) {
      throw new IOException("LZ4 frame declares " + contentSize + " content bytes, holds "
          + produced);
    }
    if (contentChecksum) {
      int c = i32("content checksum");
      if (c != XXH.hash(out.array(), frameStart, (int) produced, 0)) {
        throw new IOException("LZ4 content checksum mismatch");
      }
    }
    safe = out.length();
  }

  /** Decodes one compressed block ending at {@code blockEnd}; matches may reach {@code floor}. */
  private void block(int blockEnd, int floor, int maxBlock, int outStart) throws IOException {
    byte[] o;
    while (s < blockEnd) {
      int token = src[s++] & 0xFF;
      int lit = token >>> 4;
      if (lit == 15) {
        lit += length(blockEnd);
      }
      int n = Math.min(lit, blockEnd - s);
      blockRoom(n, maxBlock, outStart);
      out.write(src, s, n);
      s += n;
      if (n < lit) {
        throw new IOException("truncated LZ4 literals");
      }
      if (s == blockEnd) {
        return; // the last sequence has literals only
      }
      if (blockEnd - s < 2) {
        throw new IOException("truncated LZ4 match offset");
      }
      int offset = (src[s] & 0xFF) | (src[s + 1] & 0xFF) << 8;
      s += 2;
      int match = token & 15;
      if (match == 15) {
        match += length(blockEnd);
      }
      match += 4;
      int d = out.length();
      if (offset == 0 || d - offset < floor) {
        throw new IOException("LZ4 match offset " + offset + " reaches before the window");
      }
      blockRoom(match, maxBlock, outStart);
      out.reserve(match);
      o = out.array();
      int from = d - offset;
      if (offset >= match) {
        System.arraycopy(o, from, o, d, match);
      } else {
        for (int i = 0; i < match; i++) {
          o[d + i] = o[from + i];
        }
      }
      out.advance(match);
    }
  }

  private void blockRoom(int n, int maxBlock, int outStart) throws IOException {
    if ((long) out.length() - outStart + n > maxBlock) {
      throw new IOException("LZ4 block decodes past the frame's maximum block size " + maxBlock);
    }
  }

  private int length(int blockEnd) throws IOException {
    int total = 0;
    int b;
    do {
      if (s >= blockEnd) {
        throw new IOException("truncated LZ4 length");
      }
      b = src[s++] & 0xFF;
      total += b;
      if (total > (1 << 24)) {
        throw new IOException("LZ4 length field too long");
      }
    } while (b == 255);
    return total;
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
