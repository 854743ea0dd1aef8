package dev.flotilla.bag;

import java.util.Set;

/**
 * Which messages to read.
 *
 * @param topics topic names to keep, or null for every topic
 * @param startNanos first log time included (ns since epoch)
 * @param endNanos first log time excluded (ns since epoch)
 */
public record BagFilter(Set<String> topics, long startNanos, long endNanos) {

  /** Every message. */
  public static BagFilter all() {
    return new BagFilter(null, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** Every message on the given topics. */
  public static BagFilter topics(String... names) {
    return new BagFilter(Set.of(names), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** The same filter restricted to [startNanos, endNanos) (ns since epoch). */
  public BagFilter between(long start, long end) {
    return new BagFilter(topics, start, end);
  }

  /** Whether a message passes. */
  public boolean accepts(String topic, long logTime) {
    return logTime >= startNanos && logTime < endNanos && (topics == null
        || topics.contains(topic));
  }
}
