package dev.flotilla.security;

import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.Signable;
import dev.flotilla.msgs.flotilla_msgs.Auth;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the {@code auth} trailer of Flotilla's plan-changing messages (issue #8).
 *
 * <p>The signed bytes ({@link #canonical}) are the topic name, a zero byte, and the message's own
 * XCDR1 encoding with {@code auth.signature} empty: the encoding every peer already implements,
 * so nothing new must be specified, and the topic binds a signature to where it was sent (a
 * genuine {@code ltl_plan} Allocation cannot be replayed onto {@code allocation}). Sender id,
 * sequence and scheme are inside the encoding, hence signed too.
 *
 * <p>Schemes: Ed25519 (RFC 8032; BouncyCastle's arithmetic through {@link FastEd25519}, the
 * JDK's provider for key encodings it does not unwrap) for everything, since only its holder can
 * sign; and
 * HMAC-SHA256 for robots' heartbeats only, which are the high-rate messages and are checked by
 * the synchronizer alone. HMAC's verifier holds the same secret and could forge, so it is refused
 * on every other topic.
 */
public final class MessageAuthenticator {
  private static final ThreadLocal<Signature> ED25519 = ThreadLocal.withInitial(() -> {
    try {
      return Signature.getInstance("Ed25519");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK has no Ed25519 signatures.", e);
    }
  });
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK has no HMAC-SHA256.", e);
    }
  });

  private final Roster roster;
  private final KeyDir keys;

  /**
   * @param roster who may send what
   * @param keys public keys of every sender, HMAC secrets of the robots to check, and the
   *     private key of whoever signs with this instance
   */
  public MessageAuthenticator(Roster roster, KeyDir keys) {
    this.roster = roster;
    this.keys = keys;
  }

  /**
   * The bytes a signature covers.
   *
   * @param topic absolute topic name
   * @param type the message's type
   * @param message the message; its {@code auth.signature} must already be empty
   * @param <T> generated record
   * @return topic, a zero byte, then the CDR encoding
   */
  public static <T> byte[] canonical(String topic, MessageType<T> type, T message) {
    byte[] t = topic.getBytes(StandardCharsets.UTF_8);
    byte[] m = type.encode(message);
    byte[] out = new byte[t.length + 1 + m.length];
    System.arraycopy(t, 0, out, 0, t.length);
    System.arraycopy(m, 0, out, t.length + 1, m.length);
    return out;
  }

  /**
   * Signs a message.
   *
   * @param topic absolute topic it is published on
   * @param type its type
   * @param message the message (its {@code auth} is replaced)
   * @param sender the signer's identity
   * @param sequence the signer's next sequence number for this topic
   * @param scheme {@link Auth#SCHEME_ED25519} or {@link Auth#SCHEME_HMAC_SHA256}
   * @param <T> generated record
   * @return the signed message
   * @throws IllegalStateException when this key directory lacks the signer's key
   */
  @SuppressWarnings("unchecked")
  public <T> T sign(String topic, MessageType<T> type, T message, String sender, long sequence,
      byte scheme) {
    Signable<T> s = (Signable<T>) message;
    T unsigned = s.withAuth(new Auth(sender, sequence, scheme, List.of()));
    byte[] canonical = canonical(topic, type, unsigned);
    byte[] signature;
    try {
      if (scheme == Auth.SCHEME_HMAC_SHA256) {
        byte[] secret = keys.hmacSecret(sender).orElseThrow(() -> missing(sender, ".hmac"));
        Mac mac = HMAC.get();
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        signature = mac.doFinal(canonical);
      } else {
        PrivateKey key = keys.privateKey(sender).orElseThrow(() -> missing(sender, ".key"));
        Optional<byte[]> seed = FastEd25519.seed(key);
        if (seed.isPresent()) {
          byte[] point = keys.publicKey(sender).flatMap(FastEd25519::point).orElse(null);
          signature = FastEd25519.sign(seed.get(), point, canonical);
        } else {
          Signature sig = ED25519.get();
          sig.initSign(key);
          sig.update(canonical);
          signature = sig.sign();
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign as " + sender + ": " + e.getMessage() + ".",
          e);
    }
    return ((Signable<T>) unsigned).withAuth(new Auth(sender, sequence, scheme, boxed(signature)));
  }

  private IllegalStateException missing(String sender, String ext) {
    return new IllegalStateException("The key directory " + keys.dir() + " has no " + sender
        + ext + "; run `flotilla keys gen --dir " + keys.dir() + " " + sender + "`.");
  }

  /**
   * Checks who sent a message, and whether the signature holds and the sender may use this
   * topic. Replay is the caller's business (it owns the windows).
   *
   * @param topic absolute topic it arrived on
   * @param right the right that topic needs
   * @param type its type
   * @param message the message as received
   * @param <T> generated record
   * @return accepted, or rejected with the first reason in the order unsigned, unknown_sender,
   *     bad_signature, wrong_role (a role is judged only once the sender is proven, so a forger
   *     cannot make a genuine robot look misbehaving)
   */
  @SuppressWarnings("unchecked")
  public <T> Verdict verify(String topic, Right right, MessageType<T> type, T message) {
    if (!(message instanceof Signable<?>)) {
      return new Verdict.Rejected("", RejectReason.UNSIGNED, type.rosName() + " carries no auth "
          + "trailer.");
    }
    Signable<T> s = (Signable<T>) message;
    Auth auth = s.auth();
    String sender = auth.senderId();
    if (auth.scheme() == Auth.SCHEME_NONE || auth.signature().isEmpty() || sender.isEmpty()) {
      return new Verdict.Rejected(sender, RejectReason.UNSIGNED, "the message is not signed.");
    }
    if (!roster.contains(sender)) {
      return new Verdict.Rejected(sender, RejectReason.UNKNOWN_SENDER, "'" + sender
          + "' is not in the fleet roster.");
    }
    byte[] signature = unboxed(auth.signature());
    byte[] canonical = canonical(topic, type,
        s.withAuth(new Auth(sender, auth.sequence(), auth.scheme(), List.of())));
    try {
      if (auth.scheme() == Auth.SCHEME_ED25519) {
        Optional<PublicKey> key = keys.publicKey(sender);
        if (key.isEmpty()) {
          return new Verdict.Rejected(sender, RejectReason.UNKNOWN_SENDER, "no public key of '"
              + sender + "' is known.");
        }
        Optional<byte[]> point = FastEd25519.point(key.get());
        boolean valid;
        if (point.isPresent()) {
          valid = FastEd25519.verify(signature, point.get(), canonical);
        } else {
          Signature sig = ED25519.get();
          sig.initVerify(key.get());
          sig.update(canonical);
          valid = sig.verify(signature);
        }
        if (!valid) {
          return badSignature(sender, "its Ed25519 signature does not verify.");
        }
      } else if (auth.scheme() == Auth.SCHEME_HMAC_SHA256) {
        if (right != Right.HEARTBEATS || !roster.isRobot(sender)) {
          return badSignature(sender, "HMAC is accepted only on robots' heartbeats; this topic "
              + "needs Ed25519.");
        }
        Optional<byte[]> secret = keys.hmacSecret(sender);
        if (secret.isEmpty()) {
          return new Verdict.Rejected(sender, RejectReason.UNKNOWN_SENDER, "no HMAC secret of '"
              + sender + "' is known.");
        }
        Mac mac = HMAC.get();
        mac.init(new SecretKeySpec(secret.get(), "HmacSHA256"));
        if (!MessageDigest.isEqual(mac.doFinal(canonical), signature)) {
          return badSignature(sender, "its HMAC-SHA256 does not verify.");
        }
      } else {
        return badSignature(sender, "scheme " + auth.scheme() + " is unknown.");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // A malformed signature (wrong length) is a bad signature, not a crash.
      return badSignature(sender, "its signature is malformed (" + e.getMessage() + ").");
    }
    if (!roster.allows(sender, right)) {
      return new Verdict.Rejected(sender, RejectReason.WRONG_ROLE, "'" + sender
          + "' may not send " + right.label() + ".");
    }
    return new Verdict.Accepted(sender);
  }

  private static Verdict badSignature(String sender, String why) {
    return new Verdict.Rejected(sender, RejectReason.BAD_SIGNATURE, why);
  }

  static List<Byte> boxed(byte[] bytes) {
    List<Byte> out = new ArrayList<>(bytes.length);
    for (byte b : bytes) {
      out.add(b);
    }
    return out;
  }

  static byte[] unboxed(List<Byte> bytes) {
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }
}
