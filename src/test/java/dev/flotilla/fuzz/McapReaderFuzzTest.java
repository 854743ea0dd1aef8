package dev.flotilla.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flotilla.bag.mcap.ChunkCompression;
import dev.flotilla.bag.mcap.McapFormatException;
import dev.flotilla.bag.mcap.McapMessage;
import dev.flotilla.bag.mcap.McapQuery;
import dev.flotilla.bag.mcap.McapReader;
import dev.flotilla.bag.mcap.McapScanner;
import dev.flotilla.bag.mcap.McapWriter;
import dev.flotilla.bag.mcap.McapWriterOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the MCAP readers ({@link McapReader}, random access, and {@link McapScanner}, streamed):
 * their contract is records and messages, or a {@link McapFormatException} (an IOException,
 * wrapped in an UncheckedIOException by the message iterator) naming a byte offset in the file.
 */
class McapReaderFuzzTest {

  private static final List<Fuzz.Seed> CORPUS = corpus();

  private static List<Fuzz.Seed> corpus() {
    // The committed corpus (files from our writer in every compression and layout, and the
    // crash inputs), then the real files.
    List<Fuzz.Seed> out = new ArrayList<>(Fuzz.corpus(McapReaderFuzzTest.class, "mcapReader"));
    out.addAll(Fuzz.shared("mcap-conformance", ".mcap", 4096));
    out.addAll(Fuzz.shared("rosbag2", ".mcap", 40_000));
    return out;
  }

  /** Reads everything both readers offer; checks the contract throughout. */
  private static void read(byte[] file) throws IOException {
    Path p = Files.createTempFile("fuzz", ".mcap");
    try {
      Files.write(p, file);
      String shown = Fuzz.latin1(file);
      checkMcap(shown, file.length, () -> readRandomAccess(p));
      checkMcap(shown, file.length, () -> scan(p, false));
      checkMcap(shown, file.length, () -> scan(p, true));
    } finally {
      Files.delete(p);
    }
  }

  private static void checkMcap(String shown, long size, Fuzz.Parse parse) {
    Throwable t = Fuzz.check(shown, size, McapReaderFuzzTest::documented, parse);
    if (t != null) {
      McapFormatException e = (McapFormatException) (t instanceof UncheckedIOException u
          ? u.getCause() : t);
      Fuzz.expect(shown, e.offset() >= 0 && e.offset() <= size,
          () -> "offset " + e.offset() + " outside the file: " + e.getMessage());
      Fuzz.expect(shown, e.getMessage().contains(": byte " + e.offset() + ": "), e::getMessage);
    }
  }

  private static boolean documented(Throwable t) {
    return t instanceof McapFormatException
        || (t instanceof UncheckedIOException u && u.getCause() instanceof McapFormatException);
  }

  private static int readRandomAccess(Path p) throws IOException {
    int n = 0;
    try (McapReader r = McapReader.open(p)) {
      r.header();
      r.statistics();
      for (Iterator<McapMessage> it = r.messages(McapQuery.all()); it.hasNext(); ) {
        it.next();
        n++;
      }
      String topic = r.channels().isEmpty() ? "/a"
          : r.channels().values().iterator().next().topic();
      for (Iterator<McapMessage> it = r.messages(new McapQuery(Set.of(topic), 1, 50));
          it.hasNext(); ) {
        it.next();
      }
      r.metadata();
      r.attachments();
    }
    return n;
  }

  private static void scan(Path p, boolean salvage) throws IOException {
    List<McapFormatException> damage = new ArrayList<>();
    try (McapScanner s = new McapScanner(p, true, salvage ? damage::add : null)) {
      while (s.next() != null) {
        // records are decoded by next()
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Coverage-guided (Jazzer): replays the corpus on every build, fuzzes with JAZZER_FUZZ=1.

  @FuzzTest(maxDuration = "30s")
  void mcapReader(byte[] input) throws IOException {
    read(input);
  }

  // ---------------------------------------------------------------------------------------------
  // Structure-aware: random files from our writer (every layout), read back, then damaged
  // record by record (length fields, field values) and byte by byte.

  @Test
  void writtenFilesReadBackAndDamagedOnesAreDocumentedErrors() {
    Fuzz.forAll(8501, Fuzz.DEFAULT_TRIES,
        r -> writtenFileReadsBackAndDamagedOneIsADocumentedError(new Fuzz.Choices(r),
            Fuzz.mutations(r)));
  }

  private static void writtenFileReadsBackAndDamagedOneIsADocumentedError(Fuzz.Choices c,
      List<Fuzz.Mutation> steps) throws IOException {
    McapWriterOptions options = new McapWriterOptions("ros2", "fuzz",
        c.of(ChunkCompression.values()), 32 + c.below(512), c.below(4) != 0, c.flip(), c.flip(),
        c.flip(), c.flip(), c.flip(), c.flip(), c.flip(), c.flip());
    int messages = c.below(12);
    byte[] file = write(c, options, messages);
    Path p = Files.createTempFile("fuzz", ".mcap");
    try {
      Files.write(p, file);
      assertEquals(messages, readRandomAccess(p));
    } finally {
      Files.delete(p);
    }
    byte[] damaged = damageRecord(file, c);
    read(c.flip() ? damaged : Fuzz.mutate(damaged, steps, List.of(), CORPUS));
  }

  /** A small file with schemas, channels, messages, an attachment and metadata. */
  private static byte[] write(Fuzz.Choices c, McapWriterOptions options, int messages) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      try (McapWriter w = new McapWriter(bytes, options)) {
        w.addSchema(1, "std_msgs/msg/String", "ros2msg",
            "string data".getBytes(StandardCharsets.UTF_8));
        w.addChannel(1, 1, "/a", "cdr", Map.of("offered_qos_profiles", ""));
        w.addChannel(2, c.flip() ? 0 : 1, "/b", "cdr", Map.of());
        for (int i = 0; i < messages; i++) {
          byte[] data = new byte[c.below(40)];
          Arrays.fill(data, (byte) i);
          w.writeMessage(1 + c.below(2), i, c.below(100), c.below(100), data);
        }
        if (c.below(3) == 0) {
          w.writeAttachment(5, 6, "a.txt", "text/plain", new byte[c.below(20)]);
        }
        if (c.below(3) == 0) {
          w.writeMetadata("m", Map.of("k", "v"));
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final long[] BAD = {0, 1, 8, 0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, 1L << 40,
      Long.MAX_VALUE, -1, -9};

  /**
   * Overwrites one field of one top-level record with a boundary value: its length, or 4 or 8
   * bytes somewhere in its content (where lengths, offsets and sizes of nested data sit).
   */
  private static byte[] damageRecord(byte[] file, Fuzz.Choices c) {
    List<Integer> starts = new ArrayList<>();
    for (int at = 8; at + 9 <= file.length; ) {
      starts.add(at);
      long len = le(file, at + 1, 8);
      if (len < 0 || len > file.length - at - 9) {
        break;
      }
      at += 9 + (int) len;
    }
    if (starts.isEmpty() || c.below(4) == 0) {
      return file;
    }
    byte[] out = file.clone();
    int at = starts.get(c.below(starts.size()));
    long len = le(file, at + 1, 8);
    long v = BAD[c.below(BAD.length)];
    if (c.flip()) {
      put(out, at + 1, 8, v);
    } else if (len > 0) {
      put(out, at + 9 + c.below((int) Math.min(len, 1 << 20)), c.of(4, 8), v);
    }
    return out;
  }

  private static long le(byte[] b, int at, int width) {
    long v = 0;
    for (int i = width - 1; i >= 0; i--) {
      v = v << 8 | (b[at + i] & 0xFF);
    }
    return v;
  }

  private static void put(byte[] b, int at, int width, long v) {
    for (int i = 0; i < width && at + i < b.length; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Mutation of the seed corpus (ours and the real files in ../shared/data).

  @Test
  void mutatedSeedsAreFilesOrDocumentedErrors() {
    Fuzz.forAll(8502, Fuzz.DEFAULT_TRIES,
        r -> read(Fuzz.mutate(Fuzz.pick(r, CORPUS).bytes(), Fuzz.mutations(r), List.of(),
            CORPUS)));
  }

  // ---------------------------------------------------------------------------------------------
  // Crashes found, as regression tests.

  /**
   * Found by both properties: magic and a header prefix declaring 8 content bytes, then the end
   * of the file. The header was decoded from a 9-byte read bounded by the declared length:
   * ArrayIndexOutOfBoundsException.
   */
  @Test
  void headerLengthPastTheEndOfTheFileIsAFormatError() throws IOException {
    byte[] file = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n', 0x01, 0x08, 0, 0, 0, 0, 0,
        0, 0};
    Path p = Files.createTempFile("fuzz", ".mcap");
    try {
      Files.write(p, file);
      Throwable t = Fuzz.check(Fuzz.latin1(file), file.length,
          McapReaderFuzzTest::documented, () -> readRandomAccess(p));
      assertTrue(t instanceof McapFormatException, String.valueOf(t));
      assertEquals(8, ((McapFormatException) t).offset());
    } finally {
      Files.delete(p);
    }
  }

  @Test
  void everySeedKeepsTheContract() throws IOException {
    assertTrue(CORPUS.size() >= 4);
    for (Fuzz.Seed s : CORPUS) {
      read(s.bytes());
    }
  }
}
