package dev.flotilla.ros.action;

/** Where a client counts and logs input it ignored (the node's input rejections). */
@FunctionalInterface
public interface RejectionSink {
  /**
   * @param channel the topic or service the input came on
   * @param reason a short machine-readable reason, e.g. {@code unknown_goal}
   * @param detail one sentence for the log
   */
  void reject(String channel, String reason, String detail);
}
