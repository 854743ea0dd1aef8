package dev.flotilla.bag.mcap;

/** Little-endian integer helpers on byte arrays (MCAP is little-endian throughout). */
final class Le {
  private Le() {}

  static long u32(byte[] b, int i) {
    return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16
        | (b[i + 3] & 0xFFL) << 24;
  }

  static long u64(byte[] b, int i) {
    return u32(b, i) | u32(b, i + 4) << 32;
  }

  static void put32(byte[] b, int i, long v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >>> 8);
    b[i + 2] = (byte) (v >>> 16);
    b[i + 3] = (byte) (v >>> 24);
  }

  static void put64(byte[] b, int i, long v) {
    put32(b, i, v);
    put32(b, i + 4, v >>> 32);
  }
}
