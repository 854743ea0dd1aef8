package dev.flotilla.bag.mcap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Little-endian reader over a byte range that knows where the range sits in the file, so every
 * error names the file and absolute byte offset. Bounds are checked on each read.
 */
final class McapInput {
  private final Path file;
  private final byte[] buf;
  private final int end;
  private final long fileOffsetOfBuf;
  private int pos;

  /**
   * @param file file named in errors (may be null)
   * @param buf bytes
   * @param start first readable index
   * @param end one past the last readable index
   * @param fileOffsetOfBuf file offset of {@code buf[0]} (bytes)
   */
  McapInput(Path file, byte[] buf, int start, int end, long fileOffsetOfBuf) {
    this.file = file;
    this.buf = buf;
    this.pos = start;
    this.end = end;
    this.fileOffsetOfBuf = fileOffsetOfBuf;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return end - pos;
  }

  byte[] buffer() {
    return buf;
  }

  long fileOffset() {
    return fileOffsetOfBuf + pos;
  }

  McapFormatException error(String problem) {
    return new McapFormatException(file, fileOffset(), problem);
  }

  private void need(int n, String what) throws McapFormatException {
    if (n < 0 || end - pos < n) {
      throw error("record too short: need " + n + " bytes for " + what + ", have " + (end - pos));
    }
  }

  int u8(String what) throws McapFormatException {
    need(1, what);
    return buf[pos++] & 0xFF;
  }

  int u16(String what) throws McapFormatException {
    need(2, what);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  long u32(String what) throws McapFormatException {
    need(4, what);
    long v = Le.u32(buf, pos);
    pos += 4;
    return v;
  }

  long u64(String what) throws McapFormatException {
    need(8, what);
    long v = Le.u64(buf, pos);
    pos += 8;
    return v;
  }

  /** Reads a uint32 length that must fit in the rest of the range. */
  int length32(String what) throws McapFormatException {
    long len = u32(what + " length");
    if (len > end - pos) {
      pos -= 4;
      throw error(what + " length " + len + " exceeds the " + (end - pos - 4) + " bytes left");
    }
    return (int) len;
  }

  String string(String what) throws McapFormatException {
    int len = length32(what);
    String s = new String(buf, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }

  byte[] bytes(int len, String what) throws McapFormatException {
    need(len, what);
    byte[] out = new byte[len];
    System.arraycopy(buf, pos, out, 0, len);
    pos += len;
    return out;
  }

  byte[] bytes32(String what) throws McapFormatException {
    return bytes(length32(what), what);
  }

  byte[] bytes64(String what) throws McapFormatException {
    long len = u64(what + " length");
    if (len < 0 || len > end - pos) {
      pos -= 8;
      throw error(what + " length " + len + " exceeds the " + (end - pos - 8) + " bytes left");
    }
    return bytes((int) len, what);
  }

  byte[] rest() {
    byte[] out = new byte[end - pos];
    System.arraycopy(buf, pos, out, 0, out.length);
    pos = end;
    return out;
  }

  Map<String, String> stringMap(String what) throws McapFormatException {
    return map(what, McapInput::string, McapInput::string);
  }

  Map<Integer, Long> u16u64Map(String what) throws McapFormatException {
    return map(what, McapInput::u16, McapInput::u64);
  }

  /** Reads one field of a map entry. */
  @FunctionalInterface
  private interface FieldReader<T> {
    T read(McapInput in, String what) throws McapFormatException;
  }

  /** A map prefixed by its uint32 byte length, entries in order. */
  private <K, V> Map<K, V> map(String what, FieldReader<K> key, FieldReader<V> value)
      throws McapFormatException {
    int len = length32(what);
    int stop = pos + len;
    Map<K, V> map = new LinkedHashMap<>();
    McapInput sub = new McapInput(file, buf, pos, stop, fileOffsetOfBuf);
    while (sub.remaining() > 0) {
      map.put(key.read(sub, what + " key"), value.read(sub, what + " value"));
    }
    pos = stop;
    return map;
  }
}
