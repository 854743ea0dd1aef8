package dev.flotilla.cdr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes plain CDR (XCDR1), the encoding ROS 2 puts on the wire and in rosbag2 files.
 *
 * <p>The output starts with the 4-byte encapsulation header ({@code 00 01 00 00} for little
 * endian, {@code 00 00 00 00} for big endian). Every primitive is aligned to its own size, counted
 * from the end of that header, as rmw implementations do. Strings are a uint32 length that counts
 * the terminating NUL, the UTF-8 bytes, then NUL. Not thread-safe; reuse with {@link #reset()}.
 */
public final class CdrWriter {
  /** Size of the encapsulation header that precedes the aligned body. */
  public static final int HEADER_SIZE = 4;

  private final ByteOrder order;
  private ByteBuffer buffer;

  /** A little-endian writer, the byte order every ROS 2 platform in use produces. */
  public CdrWriter() {
    this(ByteOrder.LITTLE_ENDIAN, 256);
  }

  /**
   * @param order byte order of the body
   * @param initialCapacity bytes to reserve up front; the buffer grows as needed
   */
  public CdrWriter(ByteOrder order, int initialCapacity) {
    this.order = order;
    this.buffer = ByteBuffer.allocate(Math.max(16, initialCapacity)).order(order);
    reset();
  }

  /** Discards what was written and starts a new payload with its encapsulation header. */
  public void reset() {
    buffer.clear();
    buffer.put((byte) 0);
    buffer.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 0));
    buffer.put((byte) 0);
    buffer.put((byte) 0);
  }

  private void align(int size) {
    int body = buffer.position() - HEADER_SIZE;
    int pad = (size - (body % size)) % size;
    ensure(pad + size);
    for (int i = 0; i < pad; i++) {
      buffer.put((byte) 0);
    }
  }

  private void ensure(int more) {
    if (buffer.remaining() < more) {
      int capacity = Math.max(buffer.capacity() * 2, buffer.position() + more);
      ByteBuffer bigger = ByteBuffer.allocate(capacity).order(order);
      buffer.flip();
      bigger.put(buffer);
      buffer = bigger;
    }
  }

  public void writeBool(boolean value) {
    ensure(1);
    buffer.put((byte) (value ? 1 : 0));
  }

  /** Writes an int8, uint8, byte or char (one octet). */
  public void writeInt8(byte value) {
    ensure(1);
    buffer.put(value);
  }

  /** Writes an int16 or uint16 (low 16 bits). */
  public void writeInt16(short value) {
    align(2);
    buffer.putShort(value);
  }

  /** Writes an int32 or uint32 (low 32 bits). */
  public void writeInt32(int value) {
    align(4);
    buffer.putInt(value);
  }

  /** Writes an int64 or uint64 (two's complement bits). */
  public void writeInt64(long value) {
    align(8);
    buffer.putLong(value);
  }

  public void writeFloat32(float value) {
    align(4);
    buffer.putFloat(value);
  }

  public void writeFloat64(double value) {
    align(8);
    buffer.putDouble(value);
  }

  /**
   * Writes a string as UTF-8.
   *
   * @param value the text; must not contain NUL, which CDR uses as terminator
   */
  public void writeString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeInt32(bytes.length + 1);
    ensure(bytes.length + 1);
    buffer.put(bytes);
    buffer.put((byte) 0);
  }

  /**
   * Writes the element count that precedes an unbounded or bounded sequence.
   *
   * @param length number of elements that follow
   */
  public void writeSequenceLength(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("A sequence length cannot be negative: " + length + ".");
    }
    writeInt32(length);
  }

  /** Writes raw octets with no length prefix (e.g. the body of a uint8[] after its length). */
  public void writeBytes(byte[] bytes) {
    ensure(bytes.length);
    buffer.put(bytes);
  }

  /** @return bytes written so far, header included */
  public int size() {
    return buffer.position();
  }

  /** @return a copy of the payload written so far, header included */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  /**
   * Copies the payload into {@code target} at its position.
   *
   * @param target destination with at least {@link #size()} bytes remaining
   */
  public void copyTo(ByteBuffer target) {
    target.put(buffer.array(), 0, buffer.position());
  }
}
