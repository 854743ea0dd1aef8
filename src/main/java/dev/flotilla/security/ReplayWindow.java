package dev.flotilla.security;

/**
 * Anti-replay window over one sender's sequence numbers on one topic, as IPsec and DTLS keep it:
 * the highest sequence accepted plus a bitmap of the {@value #SIZE} below it. A sequence above the
 * highest is new; one inside the window is new once; anything older is refused, because the
 * receiver can no longer tell it from a replay. The window tolerates the reordering a best-effort
 * topic (heartbeats) may show. Not thread-safe; each subscription owns its windows.
 */
public final class ReplayWindow {
  /** Sequences below the highest that are still remembered. */
  public static final int SIZE = 64;

  private long highest;
  private long seen; // bit i: highest - i was accepted
  private boolean empty = true;

  /**
   * Checks a sequence and, when new, remembers it.
   *
   * @param sequence the message's sequence number (unsigned, compared as such)
   * @return true when the sequence was not seen before and is recent enough to tell
   */
  public boolean accept(long sequence) {
    if (empty) {
      empty = false;
      highest = sequence;
      seen = 1;
      return true;
    }
    if (Long.compareUnsigned(sequence, highest) > 0) {
      long shift = sequence - highest;
      seen = shift >= SIZE ? 1 : (seen << shift) | 1;
      highest = sequence;
      return true;
    }
    long age = highest - sequence;
    if (age >= SIZE) {
      return false;
    }
    long bit = 1L << age;
    if ((seen & bit) != 0) {
      return false;
    }
    seen |= bit;
    return true;
  }

  /**
   * @param sequence a sequence number
   * @return whether {@link #accept} would take it, without remembering it
   */
  public boolean wouldAccept(long sequence) {
    if (empty || Long.compareUnsigned(sequence, highest) > 0) {
      return true;
    }
    long age = highest - sequence;
    return age < SIZE && (seen & (1L << age)) == 0;
  }
}
