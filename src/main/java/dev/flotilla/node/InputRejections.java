package dev.flotilla.node;

import dev.flotilla.fleet.InputSink;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Counts rejected input per topic and reason, and logs each (topic, source, reason) once, so a
 * misbehaving robot at 10 Hz neither floods the log nor goes unnoticed.
 */
public final class InputRejections implements InputSink {
  private final Logger log;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  /** @param log where first occurrences are reported */
  public InputRejections(Logger log) {
    this.log = log;
  }

  /**
   * Records one rejected message.
   *
   * @param topic topic it arrived on
   * @param source robot or task it concerns (empty when unknown)
   * @param reason short machine-friendly reason, e.g. {@code non_finite_pose}
   * @param detail plain-language explanation for the log
   */
  @Override
  public void reject(String topic, String source, String reason, String detail) {
    counts.computeIfAbsent(topic + " " + reason, k -> new AtomicLong()).incrementAndGet();
    if (logged.add(topic + "\u0000" + source + "\u0000" + reason)) {
      log.warning("Rejected input on " + topic + (source.isEmpty() ? "" : " from " + source)
          + ": " + detail + " (further '" + reason + "' rejections from this source are counted, "
          + "not logged).");
    }
  }

  /** @return rejection counts keyed by "topic reason", sorted */
  public Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /**
   * @param reason a reason code
   * @return how many messages were rejected for it, over all topics
   */
  public long count(String reason) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().endsWith(" " + reason))
        .mapToLong(e -> e.getValue().get())
        .sum();
  }
}
