package dev.flotilla.ros;

import com.eprosima.xmlschemas.fastrtps_profiles.DurabilityQosKindType;
import com.eprosima.xmlschemas.fastrtps_profiles.HistoryQosKindType;
import com.eprosima.xmlschemas.fastrtps_profiles.ReliabilityQosKindType;
import dev.flotilla.msgs.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import us.ihmc.pubsub.DomainFactory;
import us.ihmc.pubsub.DomainFactory.PubSubImplementation;
import us.ihmc.ros2.ROS2Node;
import us.ihmc.ros2.ROS2PublisherBasics;
import us.ihmc.ros2.ROS2QosProfile;
import us.ihmc.ros2.ROS2Subscription;

/**
 * A {@link Bus} over real DDS/RTPS through ihmc-ros2-library (Fast-DDS). Topic names get ROS 2's
 * {@code rt} prefix and types keep rosidl's {@code pkg::msg::dds_::Name_} naming, so rclcpp, rclpy
 * and plain CycloneDDS peers see the same topics.
 *
 * <p>One bus is one DDS participant. Handlers run on Fast-DDS listener threads; each subscription
 * delivers its messages one at a time.
 */
public final class DdsBus implements Bus {
  private static final Logger LOG = Logger.getLogger(DdsBus.class.getName());

  private final ROS2Node node;
  private final List<AutoCloseable> endpoints = new ArrayList<>();

  /**
   * Joins a DDS domain.
   *
   * @param nodeName ROS 2 node name (letters, digits, underscores)
   * @param namespace node namespace, e.g. {@code /} or {@code /fleet_a}
   * @param domainId ROS_DOMAIN_ID, 0 to 232
   */
  public DdsBus(String nodeName, String namespace, int domainId) {
    if (domainId < 0 || domainId > 232) {
      throw new IllegalArgumentException("ROS_DOMAIN_ID must be within 0..232, got " + domainId
          + ".");
    }
    this.node = new ROS2Node(DomainFactory.getDomain(PubSubImplementation.FAST_RTPS), nodeName,
        namespace.equals("/") ? "" : namespace, domainId);
  }

  static ROS2QosProfile toIhmc(QosProfile qos) {
    return new ROS2QosProfile(HistoryQosKindType.KEEP_LAST, qos.depth(),
        qos.reliable() ? ReliabilityQosKindType.RELIABLE : ReliabilityQosKindType.BEST_EFFORT,
        qos.transientLocal() ? DurabilityQosKindType.TRANSIENT_LOCAL
            : DurabilityQosKindType.VOLATILE,
        false);
  }

  @Override
  public synchronized <T> Publisher<T> publisher(String topic, MessageType<T> type,
      QosProfile qos) {
    MessageTopicType<T> dataType = new MessageTopicType<>(type);
    ROS2PublisherBasics<MessageTopicType.Holder<T>> publisher =
        node.createPublisher(dataType, topic, toIhmc(qos));
    endpoints.add(publisher::remove);
    return message -> {
      MessageTopicType.Holder<T> holder = new MessageTopicType.Holder<>();
      holder.value = message;
      boolean sent = publisher.publish(holder);
      if (!sent) {
        LOG.warning(() -> "DDS refused a " + type.rosName() + " sample on " + topic + ".");
      }
      return sent;
    };
  }

  @Override
  public synchronized <T> AutoCloseable subscribe(String topic, MessageType<T> type,
      QosProfile qos, Consumer<T> handler) {
    MessageTopicType<T> dataType = new MessageTopicType<>(type);
    ROS2Subscription<MessageTopicType.Holder<T>> subscription = node.createSubscription(dataType,
        subscriber -> {
          MessageTopicType.Holder<T> holder;
          while ((holder = subscriber.takeNextData()) != null) {
            // A sample that did not decode arrives empty; MessageTopicType logged it.
            if (holder.value != null) {
              try {
                handler.accept(holder.value);
              } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Handler for " + topic + " failed; message dropped.", e);
              }
            }
          }
        }, topic, toIhmc(qos));
    AutoCloseable handle = subscription::remove;
    endpoints.add(handle);
    return handle;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable endpoint : endpoints) {
      try {
        endpoint.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Endpoint already gone", e);
      }
    }
    endpoints.clear();
    node.destroy();
  }
}
