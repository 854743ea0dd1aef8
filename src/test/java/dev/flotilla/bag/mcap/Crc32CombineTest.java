package dev.flotilla.bag.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Combined CRCs against java.util.zip.CRC32 of the whole, on seeded random splits. */
class Crc32CombineTest {
  private static long crc(byte[] b, int from, int to) {
    CRC32 c = new CRC32();
    c.update(b, from, to - from);
    return c.getValue();
  }

  @Test
  void combiningTwoRangesEqualsTheCrcOfTheirConcatenation() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 500; trial++) {
      byte[] b = new byte[rnd.nextInt(trial < 50 ? 40 : 5000)];
      rnd.nextBytes(b);
      int cut = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
      assertEquals(crc(b, 0, b.length),
          Crc32Combine.combine(crc(b, 0, cut), crc(b, cut, b.length), b.length - cut),
          "length " + b.length + " cut at " + cut);
    }
  }

  @Test
  void anEmptySecondRangeChangesNothing() {
    assertEquals(0xCBF43926L, Crc32Combine.combine(0xCBF43926L, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Crc32Combine.combine(0, 0, -1));
  }

  @Test
  void aCheckInSegmentsEqualsOneCrcOfTheWholeBuffer() {
    Random rnd = new Random(11);
    for (int n : new int[] {0, 1, 65535, 65536, 131072, 131073, 768 * 1024 + 17, 3 << 20}) {
      byte[] b = new byte[n + 10];
      rnd.nextBytes(b);
      ByteBuffer view = ByteBuffer.wrap(b, 5, n).slice();
      assertEquals(crc(b, 5, 5 + n), ChunkCrc.await(ChunkCrc.start(view)), "size " + n);
      // The view's position is untouched: the reader decodes the same bytes meanwhile.
      assertEquals(0, view.position());
    }
  }
}
