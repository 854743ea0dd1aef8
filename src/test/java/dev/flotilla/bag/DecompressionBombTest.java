package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.mcap.ChunkLimits;
import dev.flotilla.bag.mcap.McapScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue #16): a 71 KB MCAP file whose zstd chunk declared ~2 GB cost 41 s and 4.8 GB
 * to inspect, and bigger ones ended in OutOfMemoryError. A chunk's declared sizes are now checked
 * against {@link ChunkLimits} before any byte is decompressed, and decompression never grows past
 * the declaration. That the refusal comes before decompression is shown by garbage chunks: had
 * they been decompressed, the error would be zstd's.
 */
class DecompressionBombTest {
  @TempDir Path tmp;

  private static String readAll(Path file) {
    IOException e = assertThrows(IOException.class, () -> {
      try (BagReader r = BagReader.open(file)) {
        r.computedMetadata();
        for (Iterator<BagMessage> it = r.messages(BagFilter.all()); it.hasNext(); it.next()) {
          // read every message
        }
      } catch (UncheckedIOException u) {
        throw u.getCause();
      }
    });
    return e.getMessage();
  }

  private static String scanAll(Path file) {
    IOException e = assertThrows(IOException.class, () -> {
      try (McapScanner s = new McapScanner(file, true, null)) {
        while (s.next() != null) {
          // walk
        }
      }
    });
    return e.getMessage();
  }

  private static void refusedBeforeDecompressing(String msg, Path file) {
    assertTrue(msg.startsWith(file + ": byte " + McapBombs.chunkOffset() + ": "), msg);
    assertTrue(msg.contains("refused without decompressing"), msg);
  }

  @Test
  void aChunkDeclaringTwoGigabytesIsRefusedByItsOffset() throws IOException {
    Path f = McapBombs.write(tmp.resolve("big.mcap"), 2L << 30, "zstd",
        McapBombs.zstdZeros(4 << 20));
    assertTrue(Files.size(f) < 4096);
    refusedBeforeDecompressing(readAll(f), f);
    refusedBeforeDecompressing(scanAll(f), f);
    assertTrue(readAll(f).contains("over the limit of " + ChunkLimits.MAX_UNCOMPRESSED_BYTES));
  }

  @Test
  void garbageDeclaringTwoGigabytesIsNeverDecompressed() throws IOException {
    byte[] garbage = new byte[500];
    new Random(1).nextBytes(garbage);
    for (String c : new String[] {"zstd", "lz4", ""}) {
      Path f = McapBombs.write(tmp.resolve("garbage" + c + ".mcap"), 2L << 30, c, garbage);
      refusedBeforeDecompressing(readAll(f), f);
      refusedBeforeDecompressing(scanAll(f), f);
    }
  }

  @Test
  void aDeclarationNoCodecCanReachIsRefused() throws IOException {
    byte[] garbage = new byte[500];
    new Random(2).nextBytes(garbage);
    // 200 MiB is under the size limit, but 500 bytes cannot become that much.
    for (String c : new String[] {"zstd", "lz4"}) {
      Path f = McapBombs.write(tmp.resolve("ratio" + c + ".mcap"), 200L << 20, c, garbage);
      String msg = readAll(f);
      refusedBeforeDecompressing(msg, f);
      assertTrue(msg.contains("can produce"), msg);
    }
  }

  @Test
  void dataYieldingMoreThanItsDeclarationStopsAtTheDeclaration() throws IOException {
    // 64 MiB of zeros in a frame of a few KB, declared as 1 MiB: decoding stops at 1 MiB.
    Path f = McapBombs.write(tmp.resolve("more.mcap"), 1 << 20, "zstd",
        McapBombs.zstdZeros(64L << 20));
    String msg = readAll(f);
    assertTrue(msg.startsWith(f + ": byte " + McapBombs.chunkOffset() + ": "), msg);
    assertTrue(msg.contains("exceeds the declared 1048576 bytes"), msg);
  }

  @Test
  void recoveryRefusesTheBombAndSavesNothing() throws IOException {
    Path f = McapBombs.write(tmp.resolve("rec.mcap"), 2L << 30, "zstd",
        McapBombs.zstdZeros(1 << 20));
    BagRecovery.Report rep = BagRecovery.recover(f, tmp.resolve("out"));
    assertEquals(0, rep.messagesRecovered());
    assertTrue(rep.problems().stream().anyMatch(p -> p.contains("refused without")),
        rep.problems().toString());
  }
}
