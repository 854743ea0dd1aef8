package dev.flotilla.bag.meta;

/**
 * A topic as rosbag2 describes it in metadata.yaml, the SQLite {@code topics} table and MCAP
 * channels.
 *
 * @param name topic name (e.g. {@code /odom})
 * @param type ROS type name (e.g. {@code nav_msgs/msg/Odometry})
 * @param serializationFormat message encoding, {@code cdr} for ROS 2
 * @param offeredQosProfiles YAML list of the publishers' QoS profiles ("" when unknown)
 * @param typeDescriptionHash RIHS01 type hash ("" when unknown, before metadata version 7)
 */
public record TopicMetadata(
    String name,
    String type,
    String serializationFormat,
    String offeredQosProfiles,
    String typeDescriptionHash) {

  /** A CDR topic with no QoS or hash information. */
  public static TopicMetadata cdr(String name, String type) {
    return new TopicMetadata(name, type, "cdr", "", "");
  }
}
