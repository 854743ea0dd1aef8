package dev.flotilla.ros;

import dev.flotilla.msgs.MessageType;
import java.util.function.Consumer;

/**
 * Publish/subscribe over named ROS 2 topics. Nodes depend only on this interface, so the same
 * node logic runs over real DDS ({@link DdsBus}), in memory for tests and deterministic replay
 * ({@link InMemoryBus}).
 *
 * <p>Topic names are absolute ROS 2 names such as {@code /flotilla/heartbeat}. Handlers may run on
 * a middleware thread; implementations never call one handler concurrently with itself.
 */
public interface Bus extends AutoCloseable {

  /**
   * Creates a publisher.
   *
   * @param topic absolute ROS 2 topic name
   * @param type message type
   * @param qos delivery guarantees
   * @param <T> generated message record
   * @return a publisher usable from any thread
   */
  <T> Publisher<T> publisher(String topic, MessageType<T> type, QosProfile qos);

  /**
   * Subscribes to a topic.
   *
   * @param topic absolute ROS 2 topic name
   * @param type message type
   * @param qos delivery guarantees requested
   * @param handler called once per received message
   * @param <T> generated message record
   * @return a handle that stops the subscription when closed
   */
  <T> AutoCloseable subscribe(String topic, MessageType<T> type, QosProfile qos,
      Consumer<T> handler);

  /** Releases every endpoint of this bus. */
  @Override
  void close();

  /**
   * Sends messages of one type on one topic.
   *
   * @param <T> generated message record
   */
  interface Publisher<T> {
    /**
     * @param message the message to send
     * @return false when the middleware refused the sample (logged by the implementation)
     */
    boolean publish(T message);
  }
}
