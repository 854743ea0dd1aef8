package dev.flotilla.cdr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads plain CDR (XCDR1) written by any ROS 2 rmw, rosbag2 or {@link CdrWriter}.
 *
 * <p>The encapsulation header decides the byte order (CDR_BE / CDR_LE; the parameter-list variants
 * are rejected since ROS 2 messages never use them). Every error is a {@link CdrException} naming
 * the byte offset, so a damaged payload never surfaces as an index error deep in a caller.
 */
public final class CdrReader {
  private final ByteBuffer buffer;

  /**
   * @param payload serialized message, encapsulation header first
   */
  public CdrReader(byte[] payload) {
    this(ByteBuffer.wrap(payload));
  }

  /**
   * @param payload serialized message from its position to its limit, header first; the reader
   *     consumes the buffer's position
   */
  public CdrReader(ByteBuffer payload) {
    this.buffer = payload.slice();
    if (buffer.remaining() < CdrWriter.HEADER_SIZE) {
      throw new CdrException(0, "A CDR payload needs a 4-byte encapsulation header, got "
          + buffer.remaining() + " bytes");
    }
    int kind = ((buffer.get(0) & 0xff) << 8) | (buffer.get(1) & 0xff);
    switch (kind) {
      case 0x0000 -> buffer.order(ByteOrder.BIG_ENDIAN);
      case 0x0001 -> buffer.order(ByteOrder.LITTLE_ENDIAN);
      default -> throw new CdrException(0, String.format(
          "Unsupported CDR encapsulation 0x%04x; ROS 2 messages use CDR_BE or CDR_LE", kind));
    }
    buffer.position(CdrWriter.HEADER_SIZE);
  }

  /** @return byte order announced by the encapsulation header */
  public ByteOrder order() {
    return buffer.order();
  }

  /** @return current offset from the start of the payload, header included */
  public int position() {
    return buffer.position();
  }

  /** @return bytes left after the current position */
  public int remaining() {
    return buffer.remaining();
  }

  private void align(int size) {
    int body = buffer.position() - CdrWriter.HEADER_SIZE;
    int pad = (size - (body % size)) % size;
    need(pad + size, "padding before a " + size + "-byte value");
    buffer.position(buffer.position() + pad);
  }

  private void need(int bytes, String what) {
    if (buffer.remaining() < bytes) {
      throw new CdrException(position(), "Payload ends while reading " + what + ": needs "
          + bytes + " bytes, " + buffer.remaining() + " left");
    }
  }

  public boolean readBool() {
    need(1, "a bool");
    byte b = buffer.get();
    if (b != 0 && b != 1) {
      throw new CdrException(position() - 1, "A bool must be 0 or 1, got " + b);
    }
    return b == 1;
  }

  /** Reads an int8, uint8, byte or char (one octet). */
  public byte readInt8() {
    need(1, "an octet");
    return buffer.get();
  }

  /** Reads an int16 or uint16 (mask with 0xffff for the unsigned value). */
  public short readInt16() {
    align(2);
    return buffer.getShort();
  }

  /** Reads an int32 or uint32 (use {@link Integer#toUnsignedLong} for the unsigned value). */
  public int readInt32() {
    align(4);
    return buffer.getInt();
  }

  /** Reads an int64 or uint64 (two's complement bits). */
  public long readInt64() {
    align(8);
    return buffer.getLong();
  }

  public float readFloat32() {
    align(4);
    return buffer.getFloat();
  }

  public double readFloat64() {
    align(8);
    return buffer.getDouble();
  }

  /**
   * Reads a UTF-8 string. A length of 0 (no terminator), which some writers emit for the empty
   * string, is accepted as empty.
   *
   * @return the text without its terminating NUL
   */
  public String readString() {
    int at = position();
    long length = Integer.toUnsignedLong(readInt32());
    if (length == 0) {
      return "";
    }
    if (length > buffer.remaining()) {
      throw new CdrException(at, "String length " + length + " exceeds the " + buffer.remaining()
          + " bytes left");
    }
    int n = (int) length;
    byte[] bytes = new byte[n];
    buffer.get(bytes);
    int textLength = bytes[n - 1] == 0 ? n - 1 : n;
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, textLength))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CdrException(at, "String is not valid UTF-8");
    }
  }

  /**
   * Reads a sequence's element count and checks it against the bytes left, so a corrupt length
   * cannot make a caller allocate gigabytes.
   *
   * @param minElementSize smallest encoded size of one element in bytes (1 if unsure)
   * @return the element count
   */
  public int readSequenceLength(int minElementSize) {
    int at = position();
    long length = Integer.toUnsignedLong(readInt32());
    if (length * Math.max(1, minElementSize) > buffer.remaining()) {
      throw new CdrException(at, "Sequence length " + length + " cannot fit in the "
          + buffer.remaining() + " bytes left");
    }
    return (int) length;
  }

  /**
   * Reads raw octets (e.g. the body of a uint8[] after its length).
   *
   * @param count number of bytes
   * @return a new array
   */
  public byte[] readBytes(int count) {
    need(count, count + " octets");
    byte[] bytes = new byte[count];
    buffer.get(bytes);
    return bytes;
  }
}
