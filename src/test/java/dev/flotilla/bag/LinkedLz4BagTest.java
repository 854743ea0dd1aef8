package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Message;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.mcap.McapRecordCodec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue #16): a bag whose chunk is an LZ4 frame with linked blocks, as rosbag2's MCAP
 * plugin writes with the lz4 library's defaults, was refused ("Dependent block stream is
 * unsupported"). The chunk here is compressed by the lz4 command-line tool with {@code -BD}.
 */
class LinkedLz4BagTest {
  @TempDir Path tmp;

  @Test
  void aChunkOfLinkedLz4BlocksReadsBack() throws Exception {
    Path lz4 = lz4Tool();
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    records.write(McapRecordCodec.encode(new Schema(1, "std_msgs/msg/String", "ros2msg",
        "string data".getBytes(StandardCharsets.UTF_8))));
    records.write(McapRecordCodec.encode(new Channel(1, 1, "/chatter", "cdr", Map.of())));
    Random rnd = new Random(3);
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] cdr = RecoverCutChunkTest.cdr(rnd, i);
      // Repeat the start of the previous message so matches reach back across blocks.
      if (i > 0) {
        System.arraycopy(sent.get(i - 1), 8, cdr, 8 + 4000, 3000);
      }
      sent.add(cdr);
      records.write(McapRecordCodec.encode(new Message(1, i, 100L + i, 100L + i, cdr)));
    }
    byte[] raw = records.toByteArray();
    Path in = Files.write(tmp.resolve("chunk.bin"), raw);
    Path out = tmp.resolve("chunk.lz4");
    Process p = new ProcessBuilder(lz4.toString(), "-q", "-f", "-BD", "-B4", in.toString(),
        out.toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
    byte[] packed = Files.readAllBytes(out);
    assertEquals(0, packed[4] & 0x20, "linked blocks");
    CRC32 crc = new CRC32();
    crc.update(raw);
    Path bag = McapBombs.write(tmp.resolve("linked.mcap"), raw.length, "lz4", packed);
    patchCrc(bag, crc.getValue());
    int n = 0;
    try (BagReader r = BagReader.open(bag)) {
      for (Iterator<BagMessage> it = r.messages(BagFilter.all()); it.hasNext(); n++) {
        BagMessage m = it.next();
        assertArrayEquals(sent.get(n), m.data());
        assertEquals("/chatter", m.topic());
      }
    }
    assertEquals(300, n);
  }

  /** Sets the chunk's uncompressed CRC, so the read checks it too. */
  private static void patchCrc(Path bag, long crc) throws Exception {
    byte[] b = Files.readAllBytes(bag);
    int at = (int) McapBombs.chunkOffset() + 9 + 24;
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (crc >>> (8 * i));
    }
    Files.write(bag, b);
  }

  static Path lz4Tool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, "lz4");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    String why = "lz4 command-line tool not installed (scripts/test.sh installs it)";
    if ("true".equals(System.getenv("CI"))) {
      fail(why + "; required in CI");
    }
    Assumptions.abort(why + "; set CI=true to make this a failure");
    return null;
  }
}
