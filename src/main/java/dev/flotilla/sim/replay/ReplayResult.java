package dev.flotilla.sim.replay;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a deterministic replay produced.
 *
 * @param lines the published {@code Allocation} and {@code Reassignment} messages as JSON lines,
 *     in publication order
 * @param fed input messages fed to the nodes, by topic (sorted)
 * @param skipped bag messages not fed, by topic, with the reason (wrong type, undecodable, or
 *     an event the nodes themselves publish; sorted)
 * @param ticks synchronizer ticks run
 * @param startNanos simulated start (first message's log time, ns)
 * @param endNanos simulated end (ns)
 */
public record ReplayResult(List<String> lines, Map<String, Long> fed, Map<String, Long> skipped,
    long ticks, long startNanos, long endNanos) {
  public ReplayResult {
    lines = List.copyOf(lines);
    // Sorted, so summaries print in the same order on every run.
    fed = Collections.unmodifiableMap(new TreeMap<>(fed));
    skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
  }

  /** @return the lines joined, each ending with a line feed: the replay's stable text */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    return sb.toString();
  }
}
