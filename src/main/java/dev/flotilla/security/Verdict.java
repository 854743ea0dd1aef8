package dev.flotilla.security;

/**
 * Outcome of checking one message's {@code auth} trailer: accepted, or rejected with a reason.
 * Rejections are values, as every expected failure in Flotilla is.
 */
public sealed interface Verdict {

  /** @return the sender the message claims to come from (may be empty) */
  String sender();

  /**
   * @param sender the authenticated sender
   */
  record Accepted(String sender) implements Verdict {}

  /**
   * @param sender the sender the message claims (not proven)
   * @param reason why it was refused
   * @param detail one plain sentence for logs and events
   */
  record Rejected(String sender, RejectReason reason, String detail) implements Verdict {}
}
