package dev.flotilla.cdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CdrCodecTest {

  /** The bytes rclcpp puts on the wire for std_msgs/String "hello" (XCDR1, little endian). */
  @Test
  void stringMatchesRosWireBytes() {
    CdrWriter w = new CdrWriter();
    w.writeString("hello");
    byte[] expected = {0, 1, 0, 0, 6, 0, 0, 0, 'h', 'e', 'l', 'l', 'o', 0};
    assertArrayEquals(expected, w.toByteArray());
    assertEquals("hello", new CdrReader(expected).readString());
  }

  @Test
  void alignmentIsCountedFromTheEndOfTheHeader() {
    CdrWriter w = new CdrWriter();
    w.writeInt8((byte) 7);
    w.writeFloat64(1.5);
    byte[] bytes = w.toByteArray();
    // 4 header + 1 octet + 7 padding + 8 double
    assertEquals(20, bytes.length);
    CdrReader r = new CdrReader(bytes);
    assertEquals(7, r.readInt8());
    assertEquals(1.5, r.readFloat64());
    assertEquals(0, r.remaining());
  }

  @Test
  void bigEndianRoundTrip() {
    CdrWriter w = new CdrWriter(ByteOrder.BIG_ENDIAN, 16);
    w.writeInt16((short) -2);
    w.writeInt32(0xCAFEBABE);
    w.writeInt64(Long.MIN_VALUE);
    w.writeFloat32(3.25f);
    byte[] bytes = w.toByteArray();
    assertEquals(0, bytes[1]);
    CdrReader r = new CdrReader(bytes);
    assertEquals(ByteOrder.BIG_ENDIAN, r.order());
    assertEquals(-2, r.readInt16());
    assertEquals(0xCAFEBABE, r.readInt32());
    assertEquals(Long.MIN_VALUE, r.readInt64());
    assertEquals(3.25f, r.readFloat32());
  }

  @Test
  void seededRandomMixedRoundTrip() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      CdrWriter w = new CdrWriter();
      int n = random.nextInt(20);
      int[] kinds = new int[n];
      long[] values = new long[n];
      for (int i = 0; i < n; i++) {
        kinds[i] = random.nextInt(5);
        values[i] = random.nextLong();
        switch (kinds[i]) {
          case 0 -> w.writeInt8((byte) values[i]);
          case 1 -> w.writeInt16((short) values[i]);
          case 2 -> w.writeInt32((int) values[i]);
          case 3 -> w.writeInt64(values[i]);
          default -> w.writeString(Long.toHexString(values[i]));
        }
      }
      CdrReader r = new CdrReader(w.toByteArray());
      for (int i = 0; i < n; i++) {
        switch (kinds[i]) {
          case 0 -> assertEquals((byte) values[i], r.readInt8());
          case 1 -> assertEquals((short) values[i], r.readInt16());
          case 2 -> assertEquals((int) values[i], r.readInt32());
          case 3 -> assertEquals(values[i], r.readInt64());
          default -> assertEquals(Long.toHexString(values[i]), r.readString());
        }
      }
      assertEquals(0, r.remaining());
    }
  }

  @Test
  void truncatedPayloadNamesTheOffset() {
    CdrWriter w = new CdrWriter();
    w.writeInt32(5);
    byte[] bytes = w.toByteArray();
    byte[] cut = Arrays.copyOf(bytes, 6);
    CdrException e = assertThrows(CdrException.class, () -> new CdrReader(cut).readInt32());
    assertEquals(4, e.offset());
    assertTrue(e.getMessage().contains("byte 4"), e.getMessage());
  }

  @Test
  void absurdSequenceLengthIsRejectedBeforeAllocating() {
    CdrWriter w = new CdrWriter();
    w.writeInt32(Integer.MAX_VALUE);
    CdrException e =
        assertThrows(CdrException.class, () -> new CdrReader(w.toByteArray()).readSequenceLength(8));
    assertTrue(e.getMessage().contains("cannot fit"), e.getMessage());
  }

  @Test
  void unknownEncapsulationIsRejected() {
    byte[] bytes = {0, 3, 0, 0, 1, 0, 0, 0};
    assertThrows(CdrException.class, () -> new CdrReader(bytes));
  }
}
