package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.mcap.ChunkCompression;
import dev.flotilla.bag.mcap.McapReader;
import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Regression (issue #16): a bag of one chunk cut anywhere recovered 0 messages. Recovery now
 * salvages the intact prefix of a cut chunk (uncompressed records up to the cut, LZ4 blocks and
 * zstd blocks decoded before it), so the count grows with the cut offset and is above zero once
 * the first message is whole (uncompressed) or its LZ4 block is (lz4).
 */
class RecoverCutChunkTest {
  private static final int N = 60;
  @TempDir Path tmp;

  /** One chunk of N messages of 8000 random letters each. */
  private Path oneChunkBag(ChunkCompression c) throws IOException {
    Path dir = tmp.resolve("src");
    BagWriterOptions o = new BagWriterOptions(StorageId.MCAP, c, 16 << 20, 0, "",
        MessageDefinitions.bundled());
    Random rnd = new Random(7);
    try (BagWriter w = BagWriter.open(dir, o)) {
      for (int i = 0; i < N; i++) {
        w.write("/a", "std_msgs/msg/String", cdr(rnd, i), 1000L + i);
      }
    }
    return dir.resolve("src_0.mcap");
  }

  static byte[] cdr(Random rnd, int i) {
    byte[] s = new byte[8000];
    for (int k = 0; k < s.length; k++) {
      s[k] = (byte) ('a' + rnd.nextInt(26));
    }
    byte[] head = ("m" + i + "-").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, s, 0, head.length);
    byte[] b = new byte[8 + s.length + 1];
    b[1] = 1;
    int len = s.length + 1;
    b[4] = (byte) len;
    b[5] = (byte) (len >> 8);
    System.arraycopy(s, 0, b, 8, s.length);
    return b;
  }

  private long recoverCut(byte[] whole, int cut, int k) throws IOException {
    Path f = tmp.resolve("cut" + k + ".mcap");
    Files.write(f, Arrays.copyOf(whole, cut));
    return BagRecovery.recover(f, tmp.resolve("out" + k)).messagesRecovered();
  }

  @ParameterizedTest
  @EnumSource(ChunkCompression.class)
  void recoveredCountGrowsWithTheCutOffset(ChunkCompression c) throws IOException {
    Path bag = oneChunkBag(c);
    List<ChunkIndex> chunks;
    try (McapReader r = McapReader.open(bag)) {
      chunks = List.copyOf(r.chunkIndexes());
    }
    assertEquals(1, chunks.size());
    long chunkStart = chunks.get(0).chunkStartOffset();
    long chunkEnd = chunkStart + chunks.get(0).chunkLength();
    byte[] whole = Files.readAllBytes(bag);
    // Where the first message's bytes end in the file, for the uncompressed chunk.
    byte[] first = cdr(new Random(7), 0);
    int firstEnd = indexOf(whole, first) + first.length;
    long last = -1;
    int k = 0;
    for (long cut = chunkStart; cut <= whole.length; cut += Math.max(1, whole.length / 64)) {
      check(c, whole, (int) cut, k++, last, firstEnd, chunkStart, chunkEnd);
      last = recoverCut(whole, (int) cut, k++);
    }
    long beforeEnd = recoverCut(whole, (int) chunkEnd - 1, k++);
    assertTrue(beforeEnd > 0, c + ": cutting the chunk's last byte recovered nothing");
    assertEquals(N, recoverCut(whole, whole.length, k), c + ": the whole file");
  }

  private void check(ChunkCompression c, byte[] whole, int cut, int k, long last, int firstEnd,
      long chunkStart, long chunkEnd) throws IOException {
    long n = recoverCut(whole, cut, k);
    assertTrue(n >= last, c + ": cut at " + cut + " recovered " + n + " < " + last
        + " from a shorter cut");
    if (c == ChunkCompression.NONE && cut >= firstEnd) {
      assertTrue(n > 0, "uncompressed: cut at " + cut + " after the first message recovered 0");
    }
    if (c == ChunkCompression.LZ4 && cut >= firstLz4BlockEnd(whole, chunkStart)) {
      assertTrue(n > 0, "lz4: cut at " + cut + " after the first whole block recovered 0");
    }
  }

  /**
   * File offset where the first LZ4 block of the chunk ends (the first message lies in it): the
   * chunk's records start after opcode, length, times, sizes, CRC and "lz4"; the frame after its
   * 7-byte header (no content size or dictionary).
   */
  private static long firstLz4BlockEnd(byte[] f, long chunkStart) {
    int records = (int) chunkStart + 9 + 8 + 8 + 8 + 4 + 4 + 3 + 8;
    int flg = f[records + 4] & 0xFF;
    assertEquals(0, flg & 0x09, "no content size or dictionary in this frame");
    int sizeAt = records + 7;
    long size = (f[sizeAt] & 0xFFL) | (f[sizeAt + 1] & 0xFFL) << 8 | (f[sizeAt + 2] & 0xFFL) << 16
        | (f[sizeAt + 3] & 0x7FL) << 24;
    return sizeAt + 4 + size + ((flg & 0x10) != 0 ? 4 : 0);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
