package dev.flotilla.security;

import java.util.Locale;

/** Why a receiver refused a message (issue #8); each is counted separately. */
public enum RejectReason {
  /** No signature, or a sender id with no signature. */
  UNSIGNED,
  /** The sender is not in the roster, or no key of it is known. */
  UNKNOWN_SENDER,
  /** The signature does not verify (tampered, bit-flipped, wrong key or scheme). */
  BAD_SIGNATURE,
  /** A genuine sender that may not publish on this topic (e.g. a robot sending an Allocation). */
  WRONG_ROLE,
  /** A sequence number this receiver has already accepted, or one too old to tell. */
  REPLAYED;

  /** @return the counter's name, e.g. {@code bad_signature} */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
