package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.mcap.ChunkCompression;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@link BagReader#views} yields what {@link BagReader#messages} yields, without copies. */
class BagViewsTest {
  @TempDir Path tmp;

  private static void assertSameMessages(BagReader bag, BagFilter f) throws IOException {
    Iterator<BagMessage> a = bag.messages(f);
    Iterator<BagMessageView> b = bag.views(f);
    while (a.hasNext()) {
      assertTrue(b.hasNext());
      BagMessage x = a.next();
      BagMessageView y = b.next();
      assertEquals(x.topic(), y.topic());
      assertEquals(x.type(), y.type());
      assertEquals(x.logTimeNanos(), y.logTimeNanos());
      assertEquals(x.publishTimeNanos(), y.publishTimeNanos());
      assertEquals(0, y.data().position());
      assertTrue(y.data().isReadOnly());
      assertArrayEquals(x.data(), y.toMessage().data());
    }
    assertFalse(b.hasNext());
  }

  @TestFactory
  Stream<DynamicTest> everySampleBagReadsTheSameBothWays() throws IOException {
    return SampleBagsTest.bagDirs().stream().map(dir -> DynamicTest.dynamicTest(
        SampleBags.root().relativize(dir).toString(), () -> {
          try (BagReader bag = BagReader.open(dir)) {
            assertSameMessages(bag, BagFilter.all());
          }
        }));
  }

  @Test
  void uncompressedMcapViewsPointIntoTheFileAndOutliveTheReader() throws IOException {
    Random rnd = new Random(3);
    List<byte[]> written = new ArrayList<>();
    Path dir = tmp.resolve("bag");
    // About 3 MiB in 768 KiB chunks: several chunks, each CRC checked in parts on two threads.
    try (BagWriter w = BagWriter.open(dir, BagWriterOptions.defaults(StorageId.MCAP)
        .withCompression(ChunkCompression.NONE))) {
      for (int i = 0; i < 2000; i++) {
        byte[] data = new byte[8 + rnd.nextInt(3000)];
        rnd.nextBytes(data);
        data[0] = 0;
        data[1] = 1;
        written.add(data);
        w.write(i % 2 == 0 ? "/scan" : "/odom", i % 2 == 0 ? "sensor_msgs/msg/LaserScan"
            : "nav_msgs/msg/Odometry", data, 1_000L + i);
      }
    }
    List<BagMessageView> views = new ArrayList<>();
    try (BagReader bag = BagReader.open(dir)) {
      assertSameMessages(bag, BagFilter.all());
      assertSameMessages(bag, BagFilter.topics("/odom").between(1_500, 1_900));
      for (Iterator<BagMessageView> it = bag.views(BagFilter.all()); it.hasNext(); ) {
        views.add(it.next());
      }
    }
    assertEquals(written.size(), views.size());
    for (int i = 0; i < views.size(); i++) {
      ByteBuffer d = views.get(i).data();
      assertTrue(d.isDirect(), "an uncompressed chunk is read from the file mapping");
      byte[] got = new byte[d.remaining()];
      d.get(got);
      assertArrayEquals(written.get(i), got, "message " + i);
    }
    ByteBuffer d = views.get(0).data();
    assertThrows(ReadOnlyBufferException.class, () -> d.put(0, (byte) 7));
    // An iterator left half-way (its helper still decoding ahead) leaves the reader usable.
    try (BagReader bag = BagReader.open(dir)) {
      Iterator<BagMessageView> abandoned = bag.views(BagFilter.all());
      for (int i = 0; i < 10; i++) {
        abandoned.next();
      }
      assertSameMessages(bag, BagFilter.all());
    }
  }
}
