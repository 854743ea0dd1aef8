package dev.flotilla.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signatures (RFC 8032) with BouncyCastle's field arithmetic on the raw 32-byte keys of
 * the JDK key objects that {@link KeyDir} loads. Same keys, same deterministic signatures as the
 * JDK's {@code Signature.getInstance("Ed25519")}, which in JDK 17 costs about 1 ms per signature
 * or check: at 1000 robots a burst of fleet events signed and checked that way stalled the
 * synchronizer ({@code flotilla bench fleet --security enforce}).
 * Both operations are O(message length) plus one or two fixed-size scalar multiplications.
 */
final class FastEd25519 {
  private FastEd25519() {}

  /** DER prefix of a JDK Ed25519 PKCS#8 v1 private key; the 32-byte seed follows. */
  private static final int PKCS8_LENGTH = 48;
  /** DER prefix of an X.509 Ed25519 public key; the 32-byte point follows. */
  private static final int X509_LENGTH = 44;

  static {
    Ed25519.precompute();
  }

  /**
   * @param key an Ed25519 private key as the JDK encodes it
   * @return its 32-byte seed, or empty for an encoding this class does not unwrap
   */
  static Optional<byte[]> seed(PrivateKey key) {
    return tail(key.getEncoded(), PKCS8_LENGTH, Ed25519.SECRET_KEY_SIZE);
  }

  /**
   * @param key an Ed25519 public key as the JDK encodes it
   * @return its 32-byte encoded point, or empty for an encoding this class does not unwrap
   */
  static Optional<byte[]> point(PublicKey key) {
    return tail(key.getEncoded(), X509_LENGTH, Ed25519.PUBLIC_KEY_SIZE);
  }

  /** The key bytes at the end of a JDK encoding of the expected length, or empty. */
  private static Optional<byte[]> tail(byte[] encoded, int encodedLength, int keyLength) {
    if (encoded == null || encoded.length != encodedLength) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(encoded, encodedLength - keyLength, encodedLength));
  }

  /**
   * @param seed 32-byte private seed
   * @param point the matching 32-byte public key, or null to derive it (slower)
   * @param message bytes to sign
   * @return the 64-byte signature
   */
  static byte[] sign(byte[] seed, byte[] point, byte[] message) {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    if (point != null) {
      Ed25519.sign(seed, 0, point, 0, message, 0, message.length, sig, 0);
    } else {
      Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
    }
    return sig;
  }

  /**
   * @param signature signature as received (any length; wrong lengths do not verify)
   * @param point 32-byte public key
   * @param message signed bytes
   * @return whether the signature holds
   */
  static boolean verify(byte[] signature, byte[] point, byte[] message) {
    return signature.length == Ed25519.SIGNATURE_SIZE
        && Ed25519.verify(signature, 0, point, 0, message, 0, message.length);
  }
}
