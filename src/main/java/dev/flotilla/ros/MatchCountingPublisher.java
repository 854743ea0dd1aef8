package dev.flotilla.ros;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import us.ihmc.pubsub.Domain;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.attributes.PublisherAttributes;
import us.ihmc.pubsub.common.MatchingInfo;
import us.ihmc.pubsub.participant.Participant;
import us.ihmc.pubsub.publisher.Publisher;

/**
 * A DDS publisher that counts the readers matched to it. ihmc-ros2-library's publishers do not
 * say whether any reader matched, and a service client needs to: a request written before the
 * server's request reader matched is lost on a volatile topic, which is why rclcpp's
 * {@code service_is_ready} asks for the match first. Created straight on the domain with a
 * matching listener, beside the node's own publishers.
 */
final class MatchCountingPublisher {
  private static final Logger LOG = Logger.getLogger(MatchCountingPublisher.class.getName());

  private final Domain domain;
  private final Publisher publisher;
  private final String topic;
  private final AtomicInteger matches;

  private MatchCountingPublisher(Domain domain, Publisher publisher, String topic,
      AtomicInteger matches) {
    this.domain = domain;
    this.publisher = publisher;
    this.topic = topic;
    this.matches = matches;
  }

  /**
   * @param domain the participant's domain
   * @param participant the participant to publish from
   * @param type the data type, registered on the participant when it is not yet
   * @param attributes the writer's topic and QoS
   * @param topic the DDS topic name, for messages
   * @return the publisher
   * @throws IllegalStateException when DDS refuses the writer
   */
  static MatchCountingPublisher create(Domain domain, Participant participant,
      TopicDataType<?> type, PublisherAttributes attributes, String topic) {
    if (domain.getRegisteredType(participant, type.getName()) == null) {
      domain.registerType(participant, type);
    }
    AtomicInteger matches = new AtomicInteger();
    try {
      Publisher publisher = domain.createPublisher(participant, attributes, (p, info) -> {
        if (info.getStatus() == MatchingInfo.MatchingStatus.MATCHED_MATCHING) {
          matches.incrementAndGet();
        } else {
          matches.updateAndGet(n -> Math.max(0, n - 1));
        }
      });
      return new MatchCountingPublisher(domain, publisher, topic, matches);
    } catch (IOException e) {
      throw new IllegalStateException("DDS refused a writer on " + topic + ": " + e.getMessage(),
          e);
    }
  }

  /** @return whether at least one reader is matched now */
  boolean matched() {
    return matches.get() > 0;
  }

  /**
   * @param sample the sample, of the publisher's data type
   * @return whether DDS took it
   */
  synchronized boolean write(Object sample) {
    try {
      publisher.write(sample);
      return true;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "DDS refused a sample on " + topic + ".", e);
      return false;
    }
  }

  /** @return the writer's GID (16 bytes) */
  byte[] gid() {
    return EndpointGids.gid(publisher.getGuid());
  }

  /** Deletes the writer. */
  void remove() {
    domain.removePublisher(publisher);
  }
}
