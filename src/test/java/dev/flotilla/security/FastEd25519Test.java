package dev.flotilla.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path against the JDK's own Ed25519, the reference, on seeded random messages. */
class FastEd25519Test {
  @Test
  void signaturesAreTheJdksAndVerifyBothWays() throws Exception {
    Random rng = new Random(7);
    KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
    for (int k = 0; k < 5; k++) {
      KeyPair pair = gen.generateKeyPair();
      byte[] seed = FastEd25519.seed(pair.getPrivate()).orElseThrow();
      byte[] point = FastEd25519.point(pair.getPublic()).orElseThrow();
      for (int len : new int[] {0, 1, 33, 156, 6900}) {
        byte[] message = new byte[len];
        rng.nextBytes(message);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(message);
        byte[] reference = jdk.sign();
        // Ed25519 is deterministic: the same bytes, with or without the public key given.
        assertArrayEquals(reference, FastEd25519.sign(seed, point, message));
        assertArrayEquals(reference, FastEd25519.sign(seed, null, message));
        assertTrue(FastEd25519.verify(reference, point, message));
        jdk.initVerify(pair.getPublic());
        jdk.update(message);
        assertTrue(jdk.verify(FastEd25519.sign(seed, point, message)));

        byte[] flipped = reference.clone();
        flipped[rng.nextInt(flipped.length)] ^= (byte) (1 << rng.nextInt(8));
        assertFalse(FastEd25519.verify(flipped, point, message));
        assertFalse(FastEd25519.verify(Arrays.copyOf(reference, 63), point, message));
        if (len > 0) {
          byte[] other = message.clone();
          other[0] ^= 1;
          assertFalse(FastEd25519.verify(reference, point, other));
        }
      }
    }
  }
}
