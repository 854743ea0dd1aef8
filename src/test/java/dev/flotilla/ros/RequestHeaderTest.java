package dev.flotilla.ros;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.cdr.CdrException;
import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RequestHeaderTest {

  private static byte[] body() {
    CdrWriter w = new CdrWriter();
    w.writeInt8((byte) 7);
    w.writeFloat64(1.5);
    return w.toByteArray();
  }

  @Test
  void headerSitsAfterTheEncapsulationInThePayloadsByteOrder() {
    byte[] payload = new RequestHeader(0x0102030405060708L, 42).prepend(body());
    assertEquals(4 + 16 + 16, payload.length);
    assertArrayEquals(new byte[] {0, 1, 0, 0}, java.util.Arrays.copyOf(payload, 4));
    ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0x0102030405060708L, b.getLong(4));
    assertEquals(42L, b.getLong(12));
    // The body keeps its alignment: the float64 after the int8 sits 8 bytes into the body.
    assertEquals(1.5, b.getDouble(20 + 8));
  }

  @Test
  void splitGivesBackHeaderAndBody() {
    byte[] body = body();
    RequestHeader.Split split = RequestHeader.split(new RequestHeader(-5, 9).prepend(body));
    assertEquals(new RequestHeader(-5, 9), split.header());
    assertArrayEquals(body, split.body());
    CdrReader r = new CdrReader(split.body());
    assertEquals(7, r.readInt8());
    assertEquals(1.5, r.readFloat64());
  }

  @Test
  void bigEndianPayloadsKeepTheirOrder() {
    CdrWriter w = new CdrWriter(ByteOrder.BIG_ENDIAN, 16);
    w.writeInt32(77);
    byte[] payload = new RequestHeader(1, 2).prepend(w.toByteArray());
    assertEquals(1L, ByteBuffer.wrap(payload).getLong(4));
    assertEquals(new RequestHeader(1, 2), RequestHeader.split(payload).header());
  }

  @Test
  void aReplyTooShortForAHeaderIsACdrError() {
    byte[] shortReply = {0, 1, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
    assertThrows(CdrException.class, () -> RequestHeader.split(shortReply));
    assertThrows(CdrException.class, () -> RequestHeader.split(new byte[] {9, 9, 0, 0}));
  }
}
