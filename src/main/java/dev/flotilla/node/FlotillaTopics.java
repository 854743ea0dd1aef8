package dev.flotilla.node;

import dev.flotilla.msgs.GeneratedTypes;
import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.rosgraph_msgs.Clock;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.bagio.BagPlayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalog of Flotilla's topics with their types and QoS (the README's topic table), so tools
 * such as {@code bag record} and {@code bag play} need no type on the command line for them.
 */
public final class FlotillaTopics {
  private FlotillaTopics() {}

  /**
   * A known topic.
   *
   * @param topic absolute topic name
   * @param type its generated message type
   * @param qos the QoS its publishers offer
   */
  public record Known(String topic, MessageType<?> type, QosProfile qos) {}

  /** {@code /clock}, as rclcpp's ClockQoS: best effort, keep last 1. */
  public static final QosProfile CLOCK_QOS = BagPlayer.CLOCK_QOS;

  /**
   * The fleet-wide topics of one namespace, plus {@code /clock}.
   *
   * @param namespace the fleet's namespace, {@code /} by default
   * @return the topics in a fixed order
   */
  public static List<Known> fleetTopics(String namespace) {
    List<Known> out = new ArrayList<>();
    out.add(new Known(TopicNames.resolve(namespace, TopicNames.HEARTBEAT), Heartbeat.TYPE,
        QosProfile.SENSOR_DATA));
    out.add(new Known(TopicNames.resolve(namespace, TopicNames.TASKS), TaskRequest.TYPE,
        FlotillaQos.TASKS));
    out.add(new Known(TopicNames.resolve(namespace, TopicNames.ACCEPTED_TASKS), TaskRequest.TYPE,
        FlotillaQos.ACCEPTED_TASKS));
    out.add(new Known(TopicNames.resolve(namespace, TopicNames.ALLOCATION), Allocation.TYPE,
        FlotillaQos.ALLOCATION));
    out.add(new Known(TopicNames.resolve(namespace, TopicNames.REASSIGNMENT), Reassignment.TYPE,
        FlotillaQos.REASSIGNMENT));
    out.add(new Known(TopicNames.resolve(namespace, TopicNames.EVENTS), FleetEvent.TYPE,
        FlotillaQos.EVENTS));
    out.add(new Known(TopicNames.resolve(namespace, TopicNames.RESUMES),
        dev.flotilla.msgs.std_msgs.String.TYPE, new QosProfile(true, true, 1000)));
    out.add(new Known(TopicNames.resolve(namespace, TopicNames.SYNC), SyncCommand.TYPE,
        QosProfile.DEFAULT));
    out.add(new Known("/clock", Clock.TYPE, CLOCK_QOS));
    return out;
  }

  /**
   * The known topic of a name: a fleet topic in any namespace, {@code /clock}, a robot's
   * {@code …/odom} or {@code …/robot_description}.
   *
   * @param topic absolute topic name
   * @return its type and QoS, or empty when Flotilla does not define it
   */
  public static Optional<Known> lookup(String topic) {
    int slash = topic.lastIndexOf("/flotilla/");
    String namespace = slash <= 0 ? "/" : topic.substring(0, slash);
    for (Known k : fleetTopics(namespace)) {
      if (k.topic().equals(topic)) {
        return Optional.of(k);
      }
    }
    if (topic.endsWith("/odom") && topic.length() > "/odom".length()) {
      return Optional.of(new Known(topic, Odometry.TYPE, QosProfile.SENSOR_DATA));
    }
    if (topic.endsWith("/robot_description") && topic.length() > "/robot_description".length()) {
      return Optional.of(new Known(topic, dev.flotilla.msgs.std_msgs.String.TYPE,
          QosProfile.LATCHED));
    }
    return Optional.empty();
  }

  /**
   * @param rosType ROS type name, {@code pkg/msg/Name}
   * @return the generated type of that name, or empty
   */
  public static Optional<MessageType<?>> generatedType(String rosType) {
    return GeneratedTypes.ALL.stream().filter(t -> t.rosName().equals(rosType)).findFirst();
  }
}
