package dev.flotilla.bag.mcap;

/**
 * Combines CRC-32 (the zlib / MCAP polynomial) values of adjacent byte ranges: given crc(A),
 * crc(B) and the length of B, returns crc(A followed by B) without the bytes. This lets the
 * parts of one chunk be checked on different cores. Arithmetic on polynomials over GF(2) modulo
 * the reflected CRC polynomial: crc(AB) = crc(A) * x^(8 len(B)) + crc(B). O(log len(B)).
 */
final class Crc32Combine {
  /** The CRC-32 polynomial, bit-reflected. */
  private static final int POLY = 0xEDB88320;
  /** x^(2^k) mod POLY for k = 0..31 (reflected: x^0 is bit 31). */
  private static final int[] X2N = new int[32];

  static {
    int p = 1 << 30; // x^1
    X2N[0] = p;
    for (int k = 1; k < 32; k++) {
      p = multModP(p, p);
      X2N[k] = p;
    }
  }

  private Crc32Combine() {}

  /** a * b mod POLY, both reflected. */
  private static int multModP(int a, int b) {
    int m = 1 << 31;
    int p = 0;
    while (true) {
      if ((a & m) != 0) {
        p ^= b;
        if ((a & (m - 1)) == 0) {
          return p;
        }
      }
      m >>>= 1;
      b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
    }
  }

  /** x^(n * 2^k) mod POLY. */
  private static int x2nModP(long n, int k) {
    int p = 1 << 31; // x^0
    while (n != 0) {
      if ((n & 1) != 0) {
        p = multModP(X2N[k & 31], p);
      }
      n >>>= 1;
      k++;
    }
    return p;
  }

  /**
   * @param crcA CRC-32 of the first range
   * @param crcB CRC-32 of the second range
   * @param lengthB length of the second range (bytes, non-negative)
   * @return CRC-32 of the two ranges one after the other
   */
  static long combine(long crcA, long crcB, long lengthB) {
    if (lengthB < 0) {
      throw new IllegalArgumentException("A range length cannot be negative: " + lengthB + ".");
    }
    int shifted = multModP(x2nModP(lengthB, 3), (int) crcA);
    return (shifted ^ (int) crcB) & 0xFFFFFFFFL;
  }
}
