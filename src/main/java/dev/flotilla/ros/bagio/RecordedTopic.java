package dev.flotilla.ros.bagio;

import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.RawTopicType;

/**
 * One topic to record.
 *
 * @param topic absolute ROS 2 topic name
 * @param rosType ROS type name, {@code pkg/msg/Name}
 * @param definition ros2msg definition text with its {@code MSG:} dependency sections ("" when
 *     unknown; the bag then stores none)
 * @param qos QoS requested from the publishers
 */
public record RecordedTopic(String topic, String rosType, String definition, QosProfile qos) {
  public RecordedTopic {
    if (!topic.startsWith("/")) {
      throw new IllegalArgumentException("Topic '" + topic + "' must be absolute (start with /).");
    }
    rosType = RawTopicType.fullRosName(rosType);
  }
}
