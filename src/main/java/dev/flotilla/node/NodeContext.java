package dev.flotilla.node;

import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.TopicNames;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * What a node needs from its host: a bus, a clock, its namespace, and the executor that
 * serialises its callbacks (one thread per node over DDS; the caller's thread in deterministic
 * in-memory runs).
 *
 * @param name node name
 * @param namespace node namespace, {@code /} by default
 * @param bus transport
 * @param clock time source
 * @param executor runs every callback of the node, one at a time
 * @param background runs long computations (a robot's resume) off the node's callback thread;
 *     their results come back through {@code executor}
 */
public record NodeContext(String name, String namespace, Bus bus, NodeClock clock,
    Executor executor, Executor background) {

  /**
   * A context whose long computations run on the callback executor itself: deterministic, as in
   * the in-memory replay and the unit tests.
   */
  public NodeContext(String name, String namespace, Bus bus, NodeClock clock, Executor executor) {
    this(name, namespace, bus, clock, executor, executor);
  }

  public NodeContext {
    if (!TopicNames.isValidNamespace(namespace)) {
      throw new IllegalArgumentException("'" + namespace + "' is not a valid ROS 2 namespace.");
    }
  }

  /**
   * @param relative a relative topic name such as {@link TopicNames#ALLOCATION}
   * @return the name resolved against this node's namespace
   */
  public String topic(String relative) {
    return TopicNames.resolve(namespace, relative);
  }

  /** @return a logger named after the node */
  public Logger log() {
    return Logger.getLogger("flotilla." + name);
  }
}
