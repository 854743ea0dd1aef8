package dev.flotilla.bag.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-place decoding of uncompressed chunks (file mapping, CRC checked alongside decoding)
 * against an exact baseline: the written messages filtered and sorted by log time. Chunks are
 * large enough (256 KiB) to take the overlapped CRC path, and log times are shuffled so chunks
 * overlap in time and are internally out of order.
 */
class McapUncompressedIndexedReadTest {
  @TempDir Path tmp;

  private record Written(int channel, long sequence, long logTime, long publishTime,
      byte[] data) {}

  private static final String[] TOPICS = {"/scan", "/odom", "/tf"};

  private static List<Written> write(Path file, long seed, int count) throws IOException {
    Random rnd = new Random(seed);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      times.add(1_000_000_000L + 1000L * i);
    }
    // Mostly increasing with local shuffles, so chunks overlap and are out of order inside.
    for (int i = 0; i + 8 <= count; i += 8) {
      Collections.shuffle(times.subList(i, i + 8), rnd);
    }
    Collections.swap(times, 3, count - 3);
    List<Written> out = new ArrayList<>();
    McapWriterOptions opt = McapWriterOptions.indexed("ros2")
        .withCompression(ChunkCompression.NONE).withChunkSize(256 * 1024);
    try (McapWriter w = new McapWriter(file, opt)) {
      int schema = w.addSchema("std_msgs/msg/String", "ros2msg", "string data".getBytes());
      for (String t : TOPICS) {
        w.addChannel(schema, t, "cdr", Map.of());
      }
      for (int i = 0; i < count; i++) {
        int ch = rnd.nextInt(TOPICS.length) + 1;
        byte[] data = new byte[16 + rnd.nextInt(3000)];
        rnd.nextBytes(data);
        Written m = new Written(ch, i, times.get(i), times.get(i) + 7, data);
        w.writeMessage(m.channel(), m.sequence(), m.logTime(), m.publishTime(), m.data());
        out.add(m);
      }
    }
    return out;
  }

  private static List<String> read(Path file, McapQuery q) throws IOException {
    List<String> got = new ArrayList<>();
    try (McapReader r = McapReader.open(file)) {
      assertTrue(r.indexed());
      for (Iterator<McapMessage> it = r.messages(q); it.hasNext(); ) {
        McapMessage m = it.next();
        got.add(key(m.channel().topic(), m.sequence(), m.logTime(), m.publishTime(), m.data()));
      }
    }
    return got;
  }

  private static String key(String topic, long seq, long log, long pub, byte[] data) {
    return topic + "/" + seq + "@" + log + "," + pub + ":" + Arrays.hashCode(data) + "#"
        + data.length;
  }

  private static List<String> expected(List<Written> all, McapQuery q) {
    return all.stream().filter(m -> q.accepts(TOPICS[m.channel() - 1], m.logTime()))
        .sorted(Comparator.comparingLong(Written::logTime))
        .map(m -> key(TOPICS[m.channel() - 1], m.sequence(), m.logTime(), m.publishTime(),
            m.data())).toList();
  }

  @Test
  void everyMessageComesBackInLogTimeOrderWithExactBytes() throws IOException {
    Path f = tmp.resolve("plain.mcap");
    List<Written> all = write(f, 7, 3000);
    McapQuery q = McapQuery.all();
    List<String> want = expected(all, q);
    assertEquals(3000, want.size());
    assertEquals(want, read(f, q));
  }

  @Test
  void topicAndTimeFiltersMatchTheBaseline() throws IOException {
    Path f = tmp.resolve("filtered.mcap");
    List<Written> all = write(f, 11, 3000);
    long from = all.get(700).logTime();
    long to = all.get(2100).logTime();
    McapQuery q = new McapQuery(Set.of("/odom", "/tf"), from, to);
    List<String> want = expected(all, q);
    assertTrue(want.size() > 500, "the filter keeps a real share: " + want.size());
    assertEquals(want, read(f, q));
    McapQuery none = new McapQuery(Set.of("/nope"), Long.MIN_VALUE, Long.MAX_VALUE);
    assertEquals(List.of(), read(f, none));
  }

  @Test
  void aFlippedPayloadByteInALargeChunkIsACrcMismatchAtTheChunk() throws IOException {
    Path f = tmp.resolve("damaged.mcap");
    write(f, 13, 3000);
    ChunkIndex victim;
    try (McapReader r = McapReader.open(f)) {
      assertTrue(r.chunkIndexes().size() >= 3);
      victim = r.chunkIndexes().get(1);
    }
    assertTrue(victim.chunkLength() > 64 * 1024, "takes the overlapped CRC path");
    byte[] b = Files.readAllBytes(f);
    int at = (int) (victim.chunkStartOffset() + victim.chunkLength() - 5);
    b[at] ^= 0x40;
    Files.write(f, b);
    try (McapReader r = McapReader.open(f)) {
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
        for (Iterator<McapMessage> it = r.messages(McapQuery.all()); it.hasNext(); ) {
          it.next();
        }
      });
      McapFormatException cause = (McapFormatException) e.getCause();
      assertEquals(victim.chunkStartOffset(), cause.offset());
      assertTrue(cause.getMessage().contains("chunk CRC mismatch"), cause.getMessage());
    }
  }
}
