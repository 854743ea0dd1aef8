package dev.flotilla.fleet;

/**
 * Where the fleet layer reports input it ignores (a stale plan, a step with a bad goal), so that
 * the node counts and logs it.
 */
public interface InputSink {
  /**
   * Records one rejected input.
   *
   * @param topic where it came from
   * @param source robot or task it concerns (empty when unknown)
   * @param reason short machine-friendly reason, e.g. {@code stale_plan}
   * @param detail plain-language explanation for the log
   */
  void reject(String topic, String source, String reason, String detail);
}
