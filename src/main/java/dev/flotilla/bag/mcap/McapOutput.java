package dev.flotilla.bag.mcap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Growable little-endian byte buffer used to build record contents and chunks. */
final class McapOutput {
  private byte[] buf;
  private int size;

  McapOutput(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  byte[] array() {
    return buf;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void reset() {
    size = 0;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      long want = Math.max((long) buf.length * 2, (long) size + extra);
      if (want > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("record larger than 2 GiB cannot be buffered");
      }
      buf = Arrays.copyOf(buf, (int) want);
    }
  }

  McapOutput u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  McapOutput u16(int v) {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    return this;
  }

  McapOutput u32(long v) {
    ensure(4);
    Le.put32(buf, size, v);
    size += 4;
    return this;
  }

  McapOutput u64(long v) {
    ensure(8);
    Le.put64(buf, size, v);
    size += 8;
    return this;
  }

  McapOutput raw(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
    return this;
  }

  McapOutput raw(byte[] b) {
    return raw(b, 0, b.length);
  }

  McapOutput string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u32(b.length);
    return raw(b);
  }

  McapOutput bytes32(byte[] b) {
    u32(b.length);
    return raw(b);
  }

  McapOutput bytes64(byte[] b) {
    u64(b.length);
    return raw(b);
  }

  McapOutput stringMap(Map<String, String> map) {
    int lenAt = size;
    u32(0);
    for (Map.Entry<String, String> e : map.entrySet()) {
      string(e.getKey());
      string(e.getValue());
    }
    Le.put32(buf, lenAt, size - lenAt - 4);
    return this;
  }

  McapOutput u16u64Map(Map<Integer, Long> map) {
    u32((long) map.size() * 10);
    for (Map.Entry<Integer, Long> e : map.entrySet()) {
      u16(e.getKey());
      u64(e.getValue());
    }
    return this;
  }

  /** Overwrites a uint64 at an earlier position (used to patch record lengths). */
  void patch64(int at, long v) {
    Le.put64(buf, at, v);
  }
}
