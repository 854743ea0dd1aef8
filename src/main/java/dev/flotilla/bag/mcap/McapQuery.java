package dev.flotilla.bag.mcap;

import java.util.Set;

/**
 * Which messages to read: topics (null = all) and a log-time window [startTime, endTime).
 *
 * @param topics topic names to keep, or null for all
 * @param startTime first log time included (ns)
 * @param endTime first log time excluded (ns)
 */
public record McapQuery(Set<String> topics, long startTime, long endTime) {

  /** Every message. */
  public static McapQuery all() {
    return new McapQuery(null, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** Whether a message with this topic and log time is wanted. */
  public boolean accepts(String topic, long logTime) {
    return logTime >= startTime && logTime < endTime && (topics == null || topics.contains(topic));
  }

  /** Whether a chunk covering [start, end] can hold wanted messages. */
  boolean overlaps(long start, long end) {
    return end >= startTime && start < endTime;
  }
}
