package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.mcap.ChunkCompression;
import dev.flotilla.bag.mcap.McapFormatException;
import dev.flotilla.bag.mcap.McapQuery;
import dev.flotilla.bag.mcap.McapReader;
import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.sqlite.Db3FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged input gives an error naming the file and byte offset (or table), and recovery salvages
 * every intact message into a new bag without touching the original.
 */
class DamagedInputTest {
  @TempDir Path tmp;

  /** A bag of 600 small messages in many chunks, so damage hits one chunk among several. */
  private Path multiChunkBag(ChunkCompression c) throws IOException {
    Path dir = tmp.resolve("src_" + c);
    BagWriterOptions o = new BagWriterOptions(StorageId.MCAP, c, 2048, 0, "",
        MessageDefinitions.bundled());
    try (BagWriter w = BagWriter.open(dir, o)) {
      for (int i = 0; i < 600; i++) {
        byte[] cdr = new byte[] {0, 1, 0, 0, 8, 0, 0, 0, 'm', 's', 'g', '-', (byte) ('0' + i % 10),
            (byte) ('0' + i / 10 % 10), (byte) ('0' + i / 100), 0};
        w.write(i % 2 == 0 ? "/a" : "/b", "std_msgs/msg/String", cdr, 1000L + i);
      }
    }
    return dir.resolve(dir.getFileName() + "_0.mcap");
  }

  private static List<ChunkIndex> chunks(Path mcap) throws IOException {
    try (McapReader r = McapReader.open(mcap)) {
      return List.copyOf(r.chunkIndexes());
    }
  }

  private static long readAll(Path bag) throws IOException {
    long n = 0;
    try (BagReader r = BagReader.open(bag)) {
      for (Iterator<BagMessage> it = r.messages(BagFilter.all()); it.hasNext(); it.next()) {
        n++;
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return n;
  }

  private Path copy(Path src, String name) throws IOException {
    Path dst = tmp.resolve(name);
    Files.copy(src, dst);
    dst.toFile().setWritable(true);
    return dst;
  }

  private static void flip(Path f, long offset) throws IOException {
    byte[] b = Files.readAllBytes(f);
    b[(int) offset] ^= 0x5A;
    Files.write(f, b);
  }

  @Test
  void truncatedMcapNamesFileAndOffset() throws IOException {
    Path f = copy(SampleBags.of("mcap/talker/talker.mcap"), "talker.mcap");
    byte[] all = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(all, 2000)); // inside its only chunk
    McapFormatException e = assertThrows(McapFormatException.class, () -> readAll(f));
    assertEquals(f, e.file());
    assertTrue(e.getMessage().startsWith(f + ": byte "), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void wrongMagicIsReportedAtByteZero() throws IOException {
    Path f = copy(SampleBags.of("mcap/talker/talker.mcap"), "magic.mcap");
    flip(f, 1);
    McapFormatException e = assertThrows(McapFormatException.class, () -> readAll(f));
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().contains("wrong magic"), e.getMessage());
  }

  /** An intact bag, its fourth chunk, and a copy of the bag whose fourth chunk fails its CRC. */
  private record CrcDamage(Path src, ChunkIndex victim, Path file) {}

  private CrcDamage crcDamage(String name) throws IOException {
    Path src = multiChunkBag(ChunkCompression.NONE);
    ChunkIndex victim = chunks(src).get(3);
    Path f = copy(src, name);
    flip(f, victim.chunkStartOffset() + victim.chunkLength() - 5);
    return new CrcDamage(src, victim, f);
  }

  @Test
  void badChunkCrcIsReportedAtTheChunk() throws IOException {
    CrcDamage d = crcDamage("crc.mcap");
    ChunkIndex victim = d.victim();
    Path f = d.file();
    McapFormatException e = assertThrows(McapFormatException.class, () -> readAll(f));
    assertEquals(victim.chunkStartOffset(), e.offset());
    assertTrue(e.getMessage().contains("chunk CRC mismatch"), e.getMessage());
  }

  /**
   * The reader decodes (and checks) chunks ahead of the caller; the damage must still surface only
   * when its chunk's turn comes, after every message of the intact chunks before it.
   */
  @Test
  void viewsDeliverEveryMessageBeforeADamagedChunk() throws IOException {
    CrcDamage d = crcDamage("crc-views.mcap");
    Path src = d.src();
    ChunkIndex victim = d.victim();
    Path f = d.file();
    long before = 0;
    try (BagReader r = BagReader.open(src)) {
      for (Iterator<BagMessageView> it = r.views(BagFilter.all()); it.hasNext(); ) {
        before += it.next().logTimeNanos() < victim.messageStartTime() ? 1 : 0;
      }
    }
    assertTrue(before > 0);
    long delivered = 0;
    try (BagReader r = BagReader.open(f)) {
      Iterator<BagMessageView> it = r.views(BagFilter.all());
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
        while (it.hasNext()) {
          it.next();
        }
      });
      McapFormatException cause = (McapFormatException) e.getCause();
      assertEquals(victim.chunkStartOffset(), cause.offset());
      assertTrue(cause.getMessage().contains("chunk CRC mismatch"), cause.getMessage());
    }
    try (BagReader r = BagReader.open(f)) {
      Iterator<BagMessageView> it = r.views(BagFilter.all());
      try {
        while (it.hasNext()) {
          it.next();
          delivered++;
        }
      } catch (UncheckedIOException expected) {
        // counted up to the damage
      }
    }
    assertEquals(before, delivered);
  }

  @Test
  void corruptCompressedChunkIsReportedAtTheChunk() throws IOException {
    Path src = multiChunkBag(ChunkCompression.ZSTD);
    ChunkIndex victim = chunks(src).get(2);
    Path f = copy(src, "zstd.mcap");
    for (long o = victim.chunkLength() - 40; o < victim.chunkLength() - 20; o++) {
      flip(f, victim.chunkStartOffset() + o);
    }
    McapFormatException e = assertThrows(McapFormatException.class, () -> readAll(f));
    assertEquals(victim.chunkStartOffset(), e.offset());
    assertTrue(e.getMessage().contains("chunk"), e.getMessage());
  }

  @Test
  void badSummaryCrcIsReported() throws IOException {
    Path f = copy(SampleBags.of("mcap/talker/talker.mcap"), "summary.mcap");
    long size = Files.size(f);
    flip(f, size - 8 - 29 - 10); // inside the summary offset section, before the footer
    McapFormatException e = assertThrows(McapFormatException.class, () -> readAll(f));
    assertTrue(e.getMessage().contains("summary CRC mismatch"), e.getMessage());
  }

  @Test
  void db3WithoutMessagesTableNamesTheTable() throws IOException, SQLException {
    Path f = copy(SampleBags.of("sqlite3/talker/talker.db3"), "talker.db3");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
      c.createStatement().execute("DROP TABLE messages");
    }
    Db3FormatException e = assertThrows(Db3FormatException.class, () -> readAll(f));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("table 'messages'"), e.getMessage());
  }

  @Test
  void recoverySalvagesEveryCompleteChunkOfATruncatedBag() throws IOException {
    Path src = multiChunkBag(ChunkCompression.ZSTD);
    List<ChunkIndex> cs = chunks(src);
    Path f = copy(src, "cut.mcap");
    long cut = cs.get(cs.size() / 2).chunkStartOffset() + 10;
    byte[] all = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(all, (int) cut));
    byte[] damaged = Files.readAllBytes(f);
    long expected = 0;
    try (McapReader r = McapReader.open(src)) {
      for (ChunkIndex c : cs) {
        if (c.chunkStartOffset() + c.chunkLength() <= cut) {
          expected += countIn(r, c);
        }
      }
    }
    BagRecovery.Report rep = BagRecovery.recover(f, tmp.resolve("rescued"));
    assertEquals(expected, rep.messagesRecovered());
    assertTrue(expected > 100);
    assertEquals(expected, readAll(tmp.resolve("rescued")));
    assertTrue(rep.problems().get(0).contains("truncated"), rep.problems().toString());
    assertArrayEquals(damaged, Files.readAllBytes(f), "the input is never modified");
  }

  @Test
  void recoverySkipsOnlyTheCorruptChunk() throws IOException {
    Path src = multiChunkBag(ChunkCompression.LZ4);
    List<ChunkIndex> cs = chunks(src);
    ChunkIndex victim = cs.get(1);
    Path f = copy(src, "lz4.mcap");
    for (long o = victim.chunkLength() - 30; o < victim.chunkLength() - 10; o++) {
      flip(f, victim.chunkStartOffset() + o);
    }
    long inVictim;
    try (McapReader r = McapReader.open(src)) {
      inVictim = countIn(r, victim);
    }
    BagRecovery.Report rep = BagRecovery.recover(f, tmp.resolve("rescued2"));
    assertEquals(600 - inVictim, rep.messagesRecovered());
    assertTrue(rep.problems().get(0).contains("byte " + victim.chunkStartOffset()),
        rep.problems().toString());
    // The only other problem may be the data-section CRC, which covers the damaged bytes too.
    assertTrue(rep.problems().stream().skip(1).allMatch(p -> p.contains("data section CRC")),
        rep.problems().toString());
  }

  @Test
  void recoveryOfAnIntactBagKeepsEveryMessage() throws IOException {
    BagRecovery.Report rep = BagRecovery.recover(SampleBags.of("sqlite3/wbag"),
        tmp.resolve("w"));
    assertEquals(6074, rep.messagesRecovered());
    assertTrue(rep.problems().isEmpty(), rep.problems().toString());
    assertEquals(6074, readAll(tmp.resolve("w")));
  }

  /** Messages of one chunk; chunks of these bags cover disjoint log-time ranges. */
  private static long countIn(McapReader r, ChunkIndex c) {
    long n = 0;
    for (Iterator<?> it = r.messages(new McapQuery(null,
        c.messageStartTime(), c.messageEndTime() + 1)); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
